function __mqadmin_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __mqadmin_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __mqadmin_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __mqadmin_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __mqadmin_parse_tokens -S
    set -l unparsed_tokens (__mqadmin_tokens -pc)
    switch $unparsed_tokens[1]
    case 'mqadmin'
        __mqadmin_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'demo'
            __mqadmin_parse_subcommand 0 'data=' 'messages=' 'version' 'h/help'
        case 'broker'
            __mqadmin_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'start'
                __mqadmin_parse_subcommand 0 'data=' 'listen=' 'broker-listen=' 'cluster=' 'broker-name=' 'namesrv=' 'role=' 'flush=' 'auto-create-topics' 'no-auto-create-topics' 'retention=' 'message-delay-level=' 'log-level=' 'version' 'h/help'
            end
        case 'repl'
            __mqadmin_parse_subcommand 0 'n/namesrv=' 'timeout=' 'data=' 'keep-going' 'version' 'h/help'
        case 'help'
            __mqadmin_parse_subcommand -r 1 'version'
        end
    end
end

function __mqadmin_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __mqadmin_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __mqadmin_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __mqadmin_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__mqadmin_tokens -p)
    if test -z "$(__mqadmin_tokens -t)"
        set -l index (count (__mqadmin_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'mqadmin' -f
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin" version' -l 'version' -d 'Show the version.'
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_positional "mqadmin" -eq 1' -fa 'demo' -d 'Start a bundled broker, seed topics, groups and traffic, and tour the main commands.'
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_positional "mqadmin" -eq 1' -fa 'broker' -d 'Run the bundled broker, or inspect brokers.'
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_positional "mqadmin" -eq 1' -fa 'repl' -d 'Interactive session: commands, history, Tab completion, watch.'
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_positional "mqadmin" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin demo" data' -l 'data' -d 'Data directory (default: a new one under /tmp).' -rfka ''
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin demo" messages' -l 'messages' -d 'How many orders to produce.' -rfka ''
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin demo" version' -l 'version' -d 'Show the version.'
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin demo" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin broker" version' -l 'version' -d 'Show the version.'
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin broker" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_positional "mqadmin broker" -eq 1' -fa 'start' -d 'Run the bundled name server and broker in the foreground until SIGINT or SIGTERM.'
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin broker start" data' -l 'data' -d 'Data directory of the bundled broker (env MQADMIN_DATA).' -rfka ''
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin broker start" listen' -l 'listen' -d 'Name server listen address.' -rfka ''
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin broker start" broker-listen' -l 'broker-listen' -d 'Broker listen address.' -rfka ''
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin broker start" cluster' -l 'cluster' -d 'Cluster name.' -rfka ''
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin broker start" broker-name' -l 'broker-name' -d 'Broker name (unique within the cluster).' -rfka ''
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin broker start" namesrv' -l 'namesrv' -d 'Also register with these name servers (\';\'-separated).' -rfka ''
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin broker start" role' -l 'role' -d 'Which servers to run: all, namesrv or broker.' -rfka 'all namesrv broker'
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin broker start" flush' -l 'flush' -d 'sync: acknowledge a send only once it is on disk (group commit); async: flush periodically.' -rfka ''
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin broker start" auto-create-topics' -l 'auto-create-topics' -d 'Create topics on first send (through the TBW102 template).'
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin broker start" no-auto-create-topics' -l 'no-auto-create-topics' -d 'Create topics on first send (through the TBW102 template).'
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin broker start" retention' -l 'retention' -d 'Delete commit-log segments older than this (e.g. 72h, 30m, 7d).' -rfka ''
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin broker start" message-delay-level' -l 'message-delay-level' -d 'Delay of each delay level, Apache\'s messageDelayLevel.' -rfka ''
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin broker start" log-level' -l 'log-level' -d 'trace, debug, info, notice, warning, error or critical.' -rfka ''
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin broker start" version' -l 'version' -d 'Show the version.'
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin broker start" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin repl" n namesrv namesrvAddr' -s 'n' -l 'namesrv' -l 'namesrvAddr' -d 'Name server address(es), \';\'-separated (env NAMESRV_ADDR).' -rfka ''
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin repl" timeout' -l 'timeout' -d 'Timeout of each request to the cluster, in milliseconds.' -rfka ''
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin repl" data' -l 'data' -d 'Data directory of the bundled broker (env MQADMIN_DATA).' -rfka ''
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin repl" keep-going' -l 'keep-going' -d 'With piped input, run every line even after an error.'
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin repl" version' -l 'version' -d 'Show the version.'
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin repl" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mqadmin' -n '__mqadmin_should_offer_completions_for_flags_or_options "mqadmin help" version' -l 'version' -d 'Show the version.'
