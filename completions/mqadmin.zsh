#compdef mqadmin

__mqadmin_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__mqadmin_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __mqadmin_complete "${completions[@]:0:-1}"
    fi
}

__mqadmin_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_mqadmin() {
    emulate -RL zsh -G
    setopt extendedglob nullglob numericglobsort
    unsetopt aliases banghist

    local -xr SAP_SHELL=zsh
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(builtin emulate zsh -c 'printf %s "${ZSH_VERSION}"')"
    local -r SAP_SHELL_VERSION

    local context state state_descr line
    local -A opt_args

    local -r command_name="${words[1]}"
    local -ar command_line=("${words[@]}")
    local -ir current_word_index="$((CURRENT - 1))"

    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'demo:Start a bundled broker, seed topics, groups and traffic, and tour the main commands.'
            'broker:Run the bundled broker, or inspect brokers.'
            'repl:Interactive session: commands, history, Tab completion, watch.'
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        demo|broker|repl|help)
            "_mqadmin_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_mqadmin_demo() {
    local -i ret=1
    local -ar arg_specs=(
        '--data[Data directory (default\: a new one under /tmp).]:dir:'
        '--messages[How many orders to produce.]:messages:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_broker() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'start:Run the bundled name server and broker in the foreground until SIGINT or SIGTERM.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        start)
            "_mqadmin_broker_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_mqadmin_broker_start() {
    local -i ret=1
    local -ar ___role=('all' 'namesrv' 'broker')
    local -ar arg_specs=(
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--listen[Name server listen address.]:host\:port:'
        '--broker-listen[Broker listen address.]:host\:port:'
        '--cluster[Cluster name.]:cluster:'
        '--broker-name[Broker name (unique within the cluster).]:broker-name:'
        '--namesrv[Also register with these name servers ('\'';'\''-separated).]:addr:'
        '--role[Which servers to run\: all, namesrv or broker.]:role:{__mqadmin_complete "${___role[@]}"}'
        '--flush[sync\: acknowledge a send only once it is on disk (group commit); async\: flush periodically.]:flush:'
        '--auto-create-topics[Create topics on first send (through the TBW102 template).]'
        '--no-auto-create-topics[Create topics on first send (through the TBW102 template).]'
        '--retention[Delete commit-log segments older than this (e.g. 72h, 30m, 7d).]:duration:'
        '--message-delay-level[Delay of each delay level, Apache'\''s messageDelayLevel.]:levels:'
        '--log-level[trace, debug, info, notice, warning, error or critical.]:log-level:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_repl() {
    local -i ret=1
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--keep-going[With piped input, run every line even after an error.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _mqadmin ]]; then
    _mqadmin "${@}"
else
    compdef _mqadmin mqadmin
fi
