#!/bin/bash

__mqadmin_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__mqadmin_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__mqadmin_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__mqadmin_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

__mqadmin_generated() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __mqadmin_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    demo|broker|repl|context|audit|namesrv|getBrokerConfig|updateBrokerConfig|getNamesrvConfig|updateNamesrvConfig|updateKvConfig|deleteKvConfig|topic|cluster|updateTopic|deleteTopic|topicList|topicStatus|topicRoute|topicClusterList|clusterList|brokerStatus|wipeWritePerm|addWritePerm|clusterRT|updateTopicList|updateTopicPerm|updateOrderConf|exportMetadata|deleteExpiredCommitLog|cleanExpiredCQ|cleanUnusedTopic|group|offset|updateSubGroup|deleteSubGroup|consumerConnection|consumerProgress|resetOffsetByTime|skipAccumulatedMessage|cloneGroupOffset|brokerConsumeStats|updateSubGroupList|getConsumerConfig|consumerStatus|setConsumeMode|producer|producerConnection|statsAll|sendMsgStatus|allocateMQ|message|backlog|dlq|sendMessage|queryMsgByKey|queryMsgById|queryMsgByUniqueKey|queryMsgByOffset|checkMsgSendRT|queryCq|printMsg|printMsgByQueue|consumeMessage|user|acl|createUser|updateUser|deleteUser|getUser|listUser|createAcl|updateAcl|deleteAcl|getAcl|listAcl|copyUser|copyAcl|trace|queryMsgTraceById|transaction|timer|metadata|bench|help)
        # Offer subcommand argument completions
        "_mqadmin_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'demo broker repl context audit namesrv getBrokerConfig updateBrokerConfig getNamesrvConfig updateNamesrvConfig updateKvConfig deleteKvConfig topic cluster updateTopic deleteTopic topicList topicStatus topicRoute topicClusterList clusterList brokerStatus wipeWritePerm addWritePerm clusterRT updateTopicList updateTopicPerm updateOrderConf exportMetadata deleteExpiredCommitLog cleanExpiredCQ cleanUnusedTopic group offset updateSubGroup deleteSubGroup consumerConnection consumerProgress resetOffsetByTime skipAccumulatedMessage cloneGroupOffset brokerConsumeStats updateSubGroupList getConsumerConfig consumerStatus setConsumeMode producer producerConnection statsAll sendMsgStatus allocateMQ message backlog dlq sendMessage queryMsgByKey queryMsgById queryMsgByUniqueKey queryMsgByOffset checkMsgSendRT queryCq printMsg printMsgByQueue consumeMessage user acl createUser updateUser deleteUser getUser listUser createAcl updateAcl deleteAcl getAcl listAcl copyUser copyAcl trace queryMsgTraceById transaction timer metadata bench help' -- "${cur}"))
        ;;
    esac
}

_mqadmin_demo() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--data --messages)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--data')
        return
        ;;
    '--messages')
        return
        ;;
    esac
}

_mqadmin_broker() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __mqadmin_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    start|status|drain|undrain|config|clean)
        # Offer subcommand argument completions
        "_mqadmin_broker_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'start status drain undrain config clean' -- "${cur}"))
        ;;
    esac
}

_mqadmin_broker_start() {
    repeating_flags=()
    non_repeating_flags=(--utc --auto-create-topics --no-auto-create-topics --property-filter --no-property-filter --auth --version -h --help)
    repeating_options=()
    non_repeating_options=(--data --listen --broker-listen --grpc-listen --cluster --broker-name --namesrv --role --flush --retention --message-delay-level --timer-max-delay --log-level --admin-user --admin-password-file --trace-topic --transaction-timeout --transaction-check-interval --transaction-check-max)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--data')
        return
        ;;
    '--listen')
        return
        ;;
    '--broker-listen')
        return
        ;;
    '--grpc-listen')
        return
        ;;
    '--cluster')
        return
        ;;
    '--broker-name')
        return
        ;;
    '--namesrv')
        return
        ;;
    '--role')
        __mqadmin_add_completions -W 'all'$'\n''namesrv'$'\n''broker'
        return
        ;;
    '--flush')
        return
        ;;
    '--retention')
        return
        ;;
    '--message-delay-level')
        return
        ;;
    '--timer-max-delay')
        return
        ;;
    '--log-level')
        return
        ;;
    '--admin-user')
        return
        ;;
    '--admin-password-file')
        return
        ;;
    '--trace-topic')
        return
        ;;
    '--transaction-timeout')
        return
        ;;
    '--transaction-check-interval')
        return
        ;;
    '--transaction-check-max')
        return
        ;;
    esac
}

_mqadmin_broker_status() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-b --broker -c --cluster -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-b'|'--broker')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion broker status -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_broker_drain() {
    repeating_flags=()
    non_repeating_flags=(--wait --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(--wait-timeout -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--wait-timeout')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion broker drain -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_broker_undrain() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion broker undrain -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_broker_config() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __mqadmin_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    get|set|diff)
        # Offer subcommand argument completions
        "_mqadmin_broker_config_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'get set diff' -- "${cur}"))
        ;;
    esac
}

_mqadmin_broker_config_get() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --cluster -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '-c'|'--cluster')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion broker config get -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_broker_config_set() {
    repeating_flags=()
    non_repeating_flags=(--execute --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --cluster -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '-c'|'--cluster')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion broker config set -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_broker_config_diff() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --cluster -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-c'|'--cluster')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion broker config diff -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_broker_clean() {
    repeating_flags=()
    non_repeating_flags=(--execute -y --yes --dry-run --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --cluster -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '-c'|'--cluster')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion broker clean -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -W 'expired-commitlog'$'\n''expired-cq'$'\n''unused-topics'
        return
        ;;
    esac
}

_mqadmin_repl() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --keep-going --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion repl -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    esac
}

_mqadmin_context() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __mqadmin_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add|use|list|show|delete)
        # Offer subcommand argument completions
        "_mqadmin_context_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add use list show delete' -- "${cur}"))
        ;;
    esac
}

_mqadmin_context_add() {
    repeating_flags=()
    non_repeating_flags=(--read-only --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --access-key --credentials-file -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv')
        return
        ;;
    '--access-key')
        return
        ;;
    '--credentials-file')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_context_use() {
    repeating_flags=()
    non_repeating_flags=(--none --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion context use -- positional@0 "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_mqadmin_context_list() {
    repeating_flags=()
    non_repeating_flags=(--utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-o --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_context_show() {
    repeating_flags=()
    non_repeating_flags=(--utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion context show -- positional@0 "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_mqadmin_context_delete() {
    repeating_flags=()
    non_repeating_flags=(--utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion context delete -- positional@0 "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_mqadmin_audit() {
    repeating_flags=()
    non_repeating_flags=(--utc --version -h --help)
    repeating_options=()
    non_repeating_options=(--since -o --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--since')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_namesrv() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __mqadmin_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    config|kv)
        # Offer subcommand argument completions
        "_mqadmin_namesrv_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'config kv' -- "${cur}"))
        ;;
    esac
}

_mqadmin_namesrv_config() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __mqadmin_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    get|set)
        # Offer subcommand argument completions
        "_mqadmin_namesrv_config_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'get set' -- "${cur}"))
        ;;
    esac
}

_mqadmin_namesrv_config_get() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion namesrv config get -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_namesrv_config_set() {
    repeating_flags=()
    non_repeating_flags=(--execute --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion namesrv config set -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_namesrv_kv() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __mqadmin_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    get|set|delete|list)
        # Offer subcommand argument completions
        "_mqadmin_namesrv_kv_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'get set delete list' -- "${cur}"))
        ;;
    esac
}

_mqadmin_namesrv_kv_get() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion namesrv kv get -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_namesrv_kv_set() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 3

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion namesrv kv set -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_namesrv_kv_delete() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion namesrv kv delete -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_namesrv_kv_list() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion namesrv kv list -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_getBrokerConfig() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-b --brokerAddr -c --clusterName -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-b'|'--brokerAddr')
        return
        ;;
    '-c'|'--clusterName')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion getBrokerConfig -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_updateBrokerConfig() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-b --brokerAddr -c --clusterName -a --updateAllBroker -k --key -v --value -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-b'|'--brokerAddr')
        return
        ;;
    '-c'|'--clusterName')
        return
        ;;
    '-a'|'--updateAllBroker')
        return
        ;;
    '-k'|'--key')
        return
        ;;
    '-v'|'--value')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion updateBrokerConfig -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_getNamesrvConfig() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion getNamesrvConfig -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_updateNamesrvConfig() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-k --key -v --value -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-k'|'--key')
        return
        ;;
    '-v'|'--value')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion updateNamesrvConfig -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_updateKvConfig() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-s --namespace -k --key -v --value -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-s'|'--namespace')
        return
        ;;
    '-k'|'--key')
        return
        ;;
    '-v'|'--value')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion updateKvConfig -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_deleteKvConfig() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-s --namespace -k --key -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-s'|'--namespace')
        return
        ;;
    '-k'|'--key')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion deleteKvConfig -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_topic() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __mqadmin_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    create|update|delete|list|describe|route)
        # Offer subcommand argument completions
        "_mqadmin_topic_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'create update delete list describe route' -- "${cur}"))
        ;;
    esac
}

_mqadmin_topic_create() {
    repeating_flags=()
    non_repeating_flags=(--order --if-not-exists --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=(--attribute)
    non_repeating_options=(-r --read-queues -w --write-queues --perm --type -c --cluster -b --broker -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-r'|'--read-queues')
        return
        ;;
    '-w'|'--write-queues')
        return
        ;;
    '--perm')
        return
        ;;
    '--attribute')
        return
        ;;
    '--type')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-b'|'--broker')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion topic create -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_topic_update() {
    repeating_flags=()
    non_repeating_flags=(--order --no-order --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=(--attribute --remove-attribute)
    non_repeating_options=(-r --read-queues -w --write-queues --perm -c --cluster -b --broker -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-r'|'--read-queues')
        return
        ;;
    '-w'|'--write-queues')
        return
        ;;
    '--perm')
        return
        ;;
    '--attribute')
        return
        ;;
    '--remove-attribute')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-b'|'--broker')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion topic update -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion topic update -- positional@0 "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_mqadmin_topic_delete() {
    repeating_flags=()
    non_repeating_flags=(-y --yes --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --cluster -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-c'|'--cluster')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion topic delete -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion topic delete -- positional@0 "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_mqadmin_topic_list() {
    repeating_flags=()
    non_repeating_flags=(--all --system --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --cluster -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-c'|'--cluster')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion topic list -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_topic_describe() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion topic describe -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion topic describe -- positional@0 "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_mqadmin_topic_route() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion topic route -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion topic route -- positional@0 "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_mqadmin_cluster() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __mqadmin_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|check)
        # Offer subcommand argument completions
        "_mqadmin_cluster_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list check' -- "${cur}"))
        ;;
    esac
}

_mqadmin_cluster_list() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --cluster -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-c'|'--cluster')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion cluster list -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_cluster_check() {
    repeating_flags=()
    non_repeating_flags=(--probe --secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --cluster --expect-brokers --probe-topic --probe-warn -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-c'|'--cluster')
        return
        ;;
    '--expect-brokers')
        return
        ;;
    '--probe-topic')
        return
        ;;
    '--probe-warn')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion cluster check -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'$'\n''prometheus'
        return
        ;;
    esac
}

_mqadmin_updateTopic() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-b --brokerAddr -c --clusterName -t --topic -r --readQueueNums -w --writeQueueNums -p --perm -o --order -u --unit -s --hasUnitSub -a --attributes -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-b'|'--brokerAddr')
        return
        ;;
    '-c'|'--clusterName')
        return
        ;;
    '-t'|'--topic')
        return
        ;;
    '-r'|'--readQueueNums')
        return
        ;;
    '-w'|'--writeQueueNums')
        return
        ;;
    '-p'|'--perm')
        return
        ;;
    '-o'|'--order')
        return
        ;;
    '-u'|'--unit')
        return
        ;;
    '-s'|'--hasUnitSub')
        return
        ;;
    '-a'|'--attributes')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion updateTopic -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_deleteTopic() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-t --topic -c --clusterName -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion deleteTopic -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-c'|'--clusterName')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion deleteTopic -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_topicList() {
    repeating_flags=()
    non_repeating_flags=(-c --clusterModel --secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion topicList -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_topicStatus() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-t --topic -c --cluster -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion topicStatus -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion topicStatus -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_topicRoute() {
    repeating_flags=()
    non_repeating_flags=(-l --list --secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-t --topic -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion topicRoute -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion topicRoute -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_topicClusterList() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-t --topic -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion topicClusterList -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion topicClusterList -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_clusterList() {
    repeating_flags=()
    non_repeating_flags=(-m --moreStats --secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-i --interval -c --clusterName -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-i'|'--interval')
        return
        ;;
    '-c'|'--clusterName')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion clusterList -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_brokerStatus() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-b --brokerAddr -c --clusterName -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-b'|'--brokerAddr')
        return
        ;;
    '-c'|'--clusterName')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion brokerStatus -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_wipeWritePerm() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-b --brokerName -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-b'|'--brokerName')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion wipeWritePerm -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_addWritePerm() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-b --brokerName -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-b'|'--brokerName')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion addWritePerm -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_clusterRT() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output -a --amount -s --size -c --cluster -p --printLog -m --machineRoom -i --interval --rounds)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion clusterRT -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '-a'|'--amount')
        return
        ;;
    '-s'|'--size')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-p'|'--printLog')
        return
        ;;
    '-m'|'--machineRoom')
        return
        ;;
    '-i'|'--interval')
        return
        ;;
    '--rounds')
        return
        ;;
    esac
}

_mqadmin_updateTopicList() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-b --brokerAddr -c --clusterName -f --filename -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-b'|'--brokerAddr')
        return
        ;;
    '-c'|'--clusterName')
        return
        ;;
    '-f'|'--filename')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion updateTopicList -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_updateTopicPerm() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-b --brokerAddr -c --clusterName -t --topic -p --perm -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-b'|'--brokerAddr')
        return
        ;;
    '-c'|'--clusterName')
        return
        ;;
    '-t'|'--topic')
        return
        ;;
    '-p'|'--perm')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion updateTopicPerm -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_updateOrderConf() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-t --topic -v --orderConf -m --method -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-t'|'--topic')
        return
        ;;
    '-v'|'--orderConf')
        return
        ;;
    '-m'|'--method')
        __mqadmin_add_completions -W 'get'$'\n''put'$'\n''delete'
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion updateOrderConf -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_exportMetadata() {
    repeating_flags=()
    non_repeating_flags=(-t --topic -g --subscriptionGroup -s --specialTopic --secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --clusterName -b --brokerAddr -f --filePath -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-c'|'--clusterName')
        return
        ;;
    '-b'|'--brokerAddr')
        return
        ;;
    '-f'|'--filePath')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion exportMetadata -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_deleteExpiredCommitLog() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-b --brokerAddr -c --cluster -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-b'|'--brokerAddr')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion deleteExpiredCommitLog -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_cleanExpiredCQ() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-b --brokerAddr -c --cluster -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-b'|'--brokerAddr')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion cleanExpiredCQ -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_cleanUnusedTopic() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-b --brokerAddr -c --cluster -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-b'|'--brokerAddr')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion cleanUnusedTopic -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_group() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __mqadmin_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    create|update|set-mode|delete|list|describe|status|doctor)
        # Offer subcommand argument completions
        "_mqadmin_group_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'create update set-mode delete list describe status doctor' -- "${cur}"))
        ;;
    esac
}

_mqadmin_group_create() {
    repeating_flags=()
    non_repeating_flags=(--broadcast --no-broadcast --consume-from-min --no-consume-from-min --orderly --no-orderly --consume-enable --no-consume-enable --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(--retry-max-times --retry-queues -c --cluster -b --broker -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--retry-max-times')
        return
        ;;
    '--retry-queues')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-b'|'--broker')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion group create -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_group_update() {
    repeating_flags=()
    non_repeating_flags=(--broadcast --no-broadcast --consume-from-min --no-consume-from-min --orderly --no-orderly --consume-enable --no-consume-enable --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(--retry-max-times --retry-queues -c --cluster -b --broker -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--retry-max-times')
        return
        ;;
    '--retry-queues')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-b'|'--broker')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion group update -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion group update -- positional@0 "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_mqadmin_group_set-mode() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-t --topic -m --mode --pop-share-queues -c --cluster -b --broker -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-t'|'--topic')
        return
        ;;
    '-m'|'--mode')
        return
        ;;
    '--pop-share-queues')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-b'|'--broker')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion group set-mode -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion group set-mode -- positional@0 "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_mqadmin_group_delete() {
    repeating_flags=()
    non_repeating_flags=(--clean-offsets --keep-retry-topics --force -y --yes --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --cluster -b --broker -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-c'|'--cluster')
        return
        ;;
    '-b'|'--broker')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion group delete -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion group delete -- positional@0 "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_mqadmin_group_list() {
    repeating_flags=()
    non_repeating_flags=(--system --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --cluster -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-c'|'--cluster')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion group list -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_group_describe() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion group describe -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion group describe -- positional@0 "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_mqadmin_group_status() {
    repeating_flags=()
    non_repeating_flags=(--stack --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(--client -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--client')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion group status -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion group status -- positional@0 "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_mqadmin_group_doctor() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output --interval --fail-if-lag-over --fail-if-age-over)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion group doctor -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '--interval')
        return
        ;;
    '--fail-if-lag-over')
        return
        ;;
    '--fail-if-age-over')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion group doctor -- positional@0 "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_mqadmin_offset() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __mqadmin_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    show|reset|undo|clone|export|import)
        # Offer subcommand argument completions
        "_mqadmin_offset_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'show reset undo clone export import' -- "${cur}"))
        ;;
    esac
}

_mqadmin_offset_show() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-t --topic -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion offset show -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion offset show -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion offset show -- positional@0 "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_mqadmin_offset_reset() {
    repeating_flags=()
    non_repeating_flags=(--to-earliest --to-latest --execute -y --yes --dry-run --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-t --topic --to-time --to-offset --shift-by -q --queue --broker-name -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion offset reset -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--to-time')
        return
        ;;
    '--to-offset')
        return
        ;;
    '--shift-by')
        return
        ;;
    '-q'|'--queue')
        return
        ;;
    '--broker-name')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion offset reset -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion offset reset -- positional@0 "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_mqadmin_offset_undo() {
    repeating_flags=()
    non_repeating_flags=(--list --all-targets --execute -y --yes --dry-run --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(--id -g --group -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--id')
        return
        ;;
    '-g'|'--group')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion offset undo -- --group "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion offset undo -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_offset_clone() {
    repeating_flags=()
    non_repeating_flags=(--execute -y --yes --dry-run --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-t --topic -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion offset clone -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion offset clone -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_offset_export() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-t --topic -f --file -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion offset export -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-f'|'--file')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion offset export -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion offset export -- positional@0 "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_mqadmin_offset_import() {
    repeating_flags=()
    non_repeating_flags=(--clamp --execute -y --yes --dry-run --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-g --group -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-g'|'--group')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion offset import -- --group "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion offset import -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_updateSubGroup() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-g --groupName -b --brokerAddr -c --clusterName -s --consumeEnable -m --consumeFromMinEnable -d --consumeBroadcastEnable -o --consumeMessageOrderly -q --retryQueueNums -r --retryMaxTimes -p --groupRetryPolicy -i --brokerId -w --whichBrokerWhenConsumeSlowly -a --notifyConsumerIdsChanged --attributes -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-g'|'--groupName')
        return
        ;;
    '-b'|'--brokerAddr')
        return
        ;;
    '-c'|'--clusterName')
        return
        ;;
    '-s'|'--consumeEnable')
        return
        ;;
    '-m'|'--consumeFromMinEnable')
        return
        ;;
    '-d'|'--consumeBroadcastEnable')
        return
        ;;
    '-o'|'--consumeMessageOrderly')
        return
        ;;
    '-q'|'--retryQueueNums')
        return
        ;;
    '-r'|'--retryMaxTimes')
        return
        ;;
    '-p'|'--groupRetryPolicy')
        return
        ;;
    '-i'|'--brokerId')
        return
        ;;
    '-w'|'--whichBrokerWhenConsumeSlowly')
        return
        ;;
    '-a'|'--notifyConsumerIdsChanged')
        return
        ;;
    '--attributes')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion updateSubGroup -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_deleteSubGroup() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-g --groupName -b --brokerAddr -c --clusterName -r --removeOffset -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-g'|'--groupName')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion deleteSubGroup -- --groupName "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-b'|'--brokerAddr')
        return
        ;;
    '-c'|'--clusterName')
        return
        ;;
    '-r'|'--removeOffset')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion deleteSubGroup -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_consumerConnection() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-g --consumerGroup -b --brokerAddr -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-g'|'--consumerGroup')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion consumerConnection -- --consumerGroup "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-b'|'--brokerAddr')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion consumerConnection -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_consumerProgress() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-g --groupName -t --topicName -s --showClientIP -c --cluster -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-g'|'--groupName')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion consumerProgress -- --groupName "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-t'|'--topicName')
        return
        ;;
    '-s'|'--showClientIP')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion consumerProgress -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_resetOffsetByTime() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-g --group -t --topic -s --timestamp -f --force -b --broker -q --queue -o --offset -c --cluster -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-g'|'--group')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion resetOffsetByTime -- --group "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion resetOffsetByTime -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-s'|'--timestamp')
        return
        ;;
    '-f'|'--force')
        return
        ;;
    '-b'|'--broker')
        return
        ;;
    '-q'|'--queue')
        return
        ;;
    '-o'|'--offset')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion resetOffsetByTime -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_skipAccumulatedMessage() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-g --group -t --topic -f --force -c --cluster -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-g'|'--group')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion skipAccumulatedMessage -- --group "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion skipAccumulatedMessage -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-f'|'--force')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion skipAccumulatedMessage -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_cloneGroupOffset() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-s --srcGroup -d --destGroup -t --topic -o --offline -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-s'|'--srcGroup')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion cloneGroupOffset -- --srcGroup "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-d'|'--destGroup')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion cloneGroupOffset -- --destGroup "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion cloneGroupOffset -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--offline')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion cloneGroupOffset -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_brokerConsumeStats() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output -b --brokerAddr -t --timeoutMillis -l --level -o --order)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion brokerConsumeStats -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '-b'|'--brokerAddr')
        return
        ;;
    '-t'|'--timeoutMillis')
        return
        ;;
    '-l'|'--level')
        return
        ;;
    '-o'|'--order')
        return
        ;;
    esac
}

_mqadmin_updateSubGroupList() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-b --brokerAddr -c --clusterName -f --filename -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-b'|'--brokerAddr')
        return
        ;;
    '-c'|'--clusterName')
        return
        ;;
    '-f'|'--filename')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion updateSubGroupList -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_getConsumerConfig() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-g --groupName -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-g'|'--groupName')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion getConsumerConfig -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_consumerStatus() {
    repeating_flags=()
    non_repeating_flags=(-s --jstack --secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-g --consumerGroup -i --clientId -b --brokerAddr -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-g'|'--consumerGroup')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion consumerStatus -- --consumerGroup "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-i'|'--clientId')
        return
        ;;
    '-b'|'--brokerAddr')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion consumerStatus -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_setConsumeMode() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-b --brokerAddr -c --clusterName -t --topicName -g --groupName -m --mode -q --popShareQueueNum -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-b'|'--brokerAddr')
        return
        ;;
    '-c'|'--clusterName')
        return
        ;;
    '-t'|'--topicName')
        return
        ;;
    '-g'|'--groupName')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion setConsumeMode -- --groupName "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-m'|'--mode')
        return
        ;;
    '-q'|'--popShareQueueNum')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion setConsumeMode -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_producer() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-b --broker -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-b'|'--broker')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion producer -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|describe)
        # Offer subcommand argument completions
        "_mqadmin_producer_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list describe' -- "${cur}"))
        ;;
    esac
}

_mqadmin_producer_list() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-g --group -c --cluster -b --broker -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-g'|'--group')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-b'|'--broker')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion producer list -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_producer_describe() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --cluster -b --broker -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-c'|'--cluster')
        return
        ;;
    '-b'|'--broker')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion producer describe -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_producerConnection() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-g --producerGroup -t --topic -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-g'|'--producerGroup')
        return
        ;;
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion producerConnection -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion producerConnection -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_statsAll() {
    repeating_flags=()
    non_repeating_flags=(-a --activeTopic --secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-t --topic -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion statsAll -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion statsAll -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_sendMsgStatus() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-b --brokerName -s --messageSize -c --count -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-b'|'--brokerName')
        return
        ;;
    '-s'|'--messageSize')
        return
        ;;
    '-c'|'--count')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion sendMsgStatus -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_allocateMQ() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-t --topic -i --ipList -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion allocateMQ -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-i'|'--ipList')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion allocateMQ -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_message() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __mqadmin_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    send|consume|query|get|browse|tail|resend|export|import)
        # Offer subcommand argument completions
        "_mqadmin_message_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'send consume query get browse tail resend export import' -- "${cur}"))
        ;;
    esac
}

_mqadmin_message_send() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --trace --version -h --help)
    repeating_options=(-k --key --property)
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output --tag -f --file --broker -q --queue --trace-topic)
    __mqadmin_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion message send -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '-k'|'--key')
        return
        ;;
    '--tag')
        return
        ;;
    '--property')
        return
        ;;
    '-f'|'--file')
        return
        ;;
    '--broker')
        return
        ;;
    '-q'|'--queue')
        return
        ;;
    '--trace-topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion message send -- --trace-topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion message send -- positional@0 "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_mqadmin_message_consume() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --follow --no-commit --trace --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output -g --group -c --count --tag --where --from --wait --body-format --trace-topic)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion message consume -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '-g'|'--group')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion message consume -- --group "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-c'|'--count')
        return
        ;;
    '--tag')
        return
        ;;
    '--where')
        return
        ;;
    '--from')
        __mqadmin_add_completions -W 'earliest'$'\n''latest'$'\n''committed'
        return
        ;;
    '--wait')
        return
        ;;
    '--body-format')
        __mqadmin_add_completions -W 'text'$'\n''hex'$'\n''base64'
        return
        ;;
    '--trace-topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion message consume -- --trace-topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion message consume -- positional@0 "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_mqadmin_message_query() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output -t --topic -k --key --begin --end --max --body-format)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion message query -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion message query -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-k'|'--key')
        return
        ;;
    '--begin')
        return
        ;;
    '--end')
        return
        ;;
    '--max')
        return
        ;;
    '--body-format')
        __mqadmin_add_completions -W 'text'$'\n''hex'$'\n''base64'
        return
        ;;
    esac
}

_mqadmin_message_get() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output -t --topic --broker -q --queue --offset --body-format --save)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion message get -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion message get -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--broker')
        return
        ;;
    '-q'|'--queue')
        return
        ;;
    '--offset')
        return
        ;;
    '--body-format')
        __mqadmin_add_completions -W 'text'$'\n''hex'$'\n''base64'
        return
        ;;
    '--save')
        return
        ;;
    esac
}

_mqadmin_message_browse() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output --since --until --limit -b --broker -q --queue --tag -k --key --where --body-format --format)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion message browse -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '--since')
        return
        ;;
    '--until')
        return
        ;;
    '--limit')
        return
        ;;
    '-b'|'--broker')
        return
        ;;
    '-q'|'--queue')
        return
        ;;
    '--tag')
        return
        ;;
    '-k'|'--key')
        return
        ;;
    '--where')
        return
        ;;
    '--body-format')
        __mqadmin_add_completions -W 'text'$'\n''hex'$'\n''base64'
        return
        ;;
    '--format')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion message browse -- positional@0 "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_mqadmin_message_tail() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --follow --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output -c --count --since -b --broker -q --queue --tag -k --key --where --body-format --format)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion message tail -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '-c'|'--count')
        return
        ;;
    '--since')
        return
        ;;
    '-b'|'--broker')
        return
        ;;
    '-q'|'--queue')
        return
        ;;
    '--tag')
        return
        ;;
    '-k'|'--key')
        return
        ;;
    '--where')
        return
        ;;
    '--body-format')
        __mqadmin_add_completions -W 'text'$'\n''hex'$'\n''base64'
        return
        ;;
    '--format')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion message tail -- positional@0 "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_mqadmin_message_resend() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output -g --group -t --topic --client)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion message resend -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '-g'|'--group')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion message resend -- --group "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion message resend -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--client')
        return
        ;;
    esac
}

_mqadmin_message_export() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output --since --until -b --broker -q --queue -k --key --tag -f --file --limit)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion message export -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '--since')
        return
        ;;
    '--until')
        return
        ;;
    '-b'|'--broker')
        return
        ;;
    '-q'|'--queue')
        return
        ;;
    '-k'|'--key')
        return
        ;;
    '--tag')
        return
        ;;
    '-f'|'--file')
        return
        ;;
    '--limit')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion message export -- positional@0 "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_mqadmin_message_import() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --execute -y --yes --dry-run --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output -f --file)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion message import -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '-f'|'--file')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion message import -- positional@0 "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_mqadmin_backlog() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __mqadmin_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    report)
        # Offer subcommand argument completions
        "_mqadmin_backlog_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'report' -- "${cur}"))
        ;;
    esac
}

_mqadmin_backlog_report() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --queues --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output -g --group -t --topic --window --watch --fail-if-lag-over --fail-if-age-over --risk-margin)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion backlog report -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'$'\n''prometheus'
        return
        ;;
    '-g'|'--group')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion backlog report -- --group "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion backlog report -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--window')
        return
        ;;
    '--watch')
        return
        ;;
    '--fail-if-lag-over')
        return
        ;;
    '--fail-if-age-over')
        return
        ;;
    '--risk-margin')
        return
        ;;
    esac
}

_mqadmin_dlq() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __mqadmin_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|resend)
        # Offer subcommand argument completions
        "_mqadmin_dlq_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list resend' -- "${cur}"))
        ;;
    esac
}

_mqadmin_dlq_list() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output --since --until -k --key --limit)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion dlq list -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '--since')
        return
        ;;
    '--until')
        return
        ;;
    '-k'|'--key')
        return
        ;;
    '--limit')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion dlq list -- positional@0 "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_mqadmin_dlq_resend() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --retry-uncertain --execute -y --yes --dry-run --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output --since --until -k --key --limit)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion dlq resend -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '--since')
        return
        ;;
    '--until')
        return
        ;;
    '-k'|'--key')
        return
        ;;
    '--limit')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion dlq resend -- positional@0 "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_mqadmin_sendMessage() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output -t --topic -p --body -k --key -c --tags -b --broker -i --qid -m --msgTraceEnable)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion sendMessage -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion sendMessage -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-p'|'--body')
        return
        ;;
    '-k'|'--key')
        return
        ;;
    '-c'|'--tags')
        return
        ;;
    '-b'|'--broker')
        return
        ;;
    '-i'|'--qid')
        return
        ;;
    '-m'|'--msgTraceEnable')
        return
        ;;
    esac
}

_mqadmin_queryMsgByKey() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output -t --topic -k --msgKey -b --beginTimestamp -e --endTimestamp -m --maxNum -c --cluster)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion queryMsgByKey -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion queryMsgByKey -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-k'|'--msgKey')
        return
        ;;
    '-b'|'--beginTimestamp')
        return
        ;;
    '-e'|'--endTimestamp')
        return
        ;;
    '-m'|'--maxNum')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    esac
}

_mqadmin_queryMsgById() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output -t --topic -i --msgId -f --bodyFormat -c --cluster -g --consumerGroup -d --clientId -s --sendMessage -u --unitName --body-dir)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion queryMsgById -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion queryMsgById -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-i'|'--msgId')
        return
        ;;
    '-f'|'--bodyFormat')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-g'|'--consumerGroup')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion queryMsgById -- --consumerGroup "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-d'|'--clientId')
        return
        ;;
    '-s'|'--sendMessage')
        return
        ;;
    '-u'|'--unitName')
        return
        ;;
    '--body-dir')
        return
        ;;
    esac
}

_mqadmin_queryMsgByUniqueKey() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg -a --showAll --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output -i --msgId -t --topic -c --cluster --body-dir)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion queryMsgByUniqueKey -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '-i'|'--msgId')
        return
        ;;
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion queryMsgByUniqueKey -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '--body-dir')
        return
        ;;
    esac
}

_mqadmin_queryMsgByOffset() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output -t --topic -b --brokerName -i --queueId -o --offset -f --bodyFormat --body-dir)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion queryMsgByOffset -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion queryMsgByOffset -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-b'|'--brokerName')
        return
        ;;
    '-i'|'--queueId')
        return
        ;;
    '-o'|'--offset')
        return
        ;;
    '-f'|'--bodyFormat')
        return
        ;;
    '--body-dir')
        return
        ;;
    esac
}

_mqadmin_checkMsgSendRT() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output -t --topic -a --amount -s --size)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion checkMsgSendRT -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion checkMsgSendRT -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-a'|'--amount')
        return
        ;;
    '-s'|'--size')
        return
        ;;
    esac
}

_mqadmin_queryCq() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output -t --topic -q --queue -i --index -c --count -b --broker -g --consumer)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion queryCq -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion queryCq -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-q'|'--queue')
        return
        ;;
    '-i'|'--index')
        return
        ;;
    '-c'|'--count')
        return
        ;;
    '-b'|'--broker')
        return
        ;;
    '-g'|'--consumer')
        return
        ;;
    esac
}

_mqadmin_printMsg() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output -t --topic -c --charsetName -s --subExpression -b --beginTimestamp -e --endTimestamp -d --printBody)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion printMsg -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion printMsg -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-c'|'--charsetName')
        return
        ;;
    '-s'|'--subExpression')
        return
        ;;
    '-b'|'--beginTimestamp')
        return
        ;;
    '-e'|'--endTimestamp')
        return
        ;;
    '-d'|'--printBody')
        return
        ;;
    esac
}

_mqadmin_printMsgByQueue() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output -t --topic -a --brokerName -i --queueId -c --charsetName -s --subExpression -b --beginTimestamp -e --endTimestamp -p --printMsg -d --printBody -f --calculate)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion printMsgByQueue -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion printMsgByQueue -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-a'|'--brokerName')
        return
        ;;
    '-i'|'--queueId')
        return
        ;;
    '-c'|'--charsetName')
        return
        ;;
    '-s'|'--subExpression')
        return
        ;;
    '-b'|'--beginTimestamp')
        return
        ;;
    '-e'|'--endTimestamp')
        return
        ;;
    '-p'|'--printMsg')
        return
        ;;
    '-d'|'--printBody')
        return
        ;;
    '-f'|'--calculate')
        return
        ;;
    esac
}

_mqadmin_consumeMessage() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output -t --topic -b --brokerName -i --queueId -o --offset -g --consumerGroup -s --beginTimestamp -e --endTimestamp -c --MessageNumber)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion consumeMessage -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion consumeMessage -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-b'|'--brokerName')
        return
        ;;
    '-i'|'--queueId')
        return
        ;;
    '-o'|'--offset')
        return
        ;;
    '-g'|'--consumerGroup')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion consumeMessage -- --consumerGroup "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-s'|'--beginTimestamp')
        return
        ;;
    '-e'|'--endTimestamp')
        return
        ;;
    '-c'|'--MessageNumber')
        return
        ;;
    esac
}

_mqadmin_user() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __mqadmin_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    create|update|delete|get|list|copy)
        # Offer subcommand argument completions
        "_mqadmin_user_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'create update delete get list copy' -- "${cur}"))
        ;;
    esac
}

_mqadmin_user_create() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-t --type --password-file -c --cluster -b --broker -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-t'|'--type')
        return
        ;;
    '--password-file')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-b'|'--broker')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion user create -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_user_update() {
    repeating_flags=()
    non_repeating_flags=(--password-prompt --password-stdin --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-t --type -s --status --password-file -c --cluster -b --broker -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-t'|'--type')
        return
        ;;
    '-s'|'--status')
        return
        ;;
    '--password-file')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-b'|'--broker')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion user update -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_user_delete() {
    repeating_flags=()
    non_repeating_flags=(-y --yes --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --cluster -b --broker -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-c'|'--cluster')
        return
        ;;
    '-b'|'--broker')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion user delete -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_user_get() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --cluster -b --broker -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-c'|'--cluster')
        return
        ;;
    '-b'|'--broker')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion user get -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_user_list() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-f --filter -c --cluster -b --broker -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-f'|'--filter')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-b'|'--broker')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion user list -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_user_copy() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(--from --to -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--from')
        return
        ;;
    '--to')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion user copy -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_acl() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __mqadmin_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    create|update|delete|get|list|explain|copy)
        # Offer subcommand argument completions
        "_mqadmin_acl_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'create update delete get list explain copy' -- "${cur}"))
        ;;
    esac
}

_mqadmin_acl_create() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=(-r --resource -a --action -i --source-ip)
    non_repeating_options=(-s --subject -d --decision -c --cluster -b --broker -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-s'|'--subject')
        return
        ;;
    '-r'|'--resource')
        return
        ;;
    '-a'|'--action')
        return
        ;;
    '-d'|'--decision')
        return
        ;;
    '-i'|'--source-ip')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-b'|'--broker')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion acl create -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_acl_update() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=(-r --resource -a --action -i --source-ip)
    non_repeating_options=(-s --subject -d --decision -c --cluster -b --broker -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-s'|'--subject')
        return
        ;;
    '-r'|'--resource')
        return
        ;;
    '-a'|'--action')
        return
        ;;
    '-d'|'--decision')
        return
        ;;
    '-i'|'--source-ip')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-b'|'--broker')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion acl update -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_acl_delete() {
    repeating_flags=()
    non_repeating_flags=(-y --yes --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-s --subject -r --resource -c --cluster -b --broker -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-s'|'--subject')
        return
        ;;
    '-r'|'--resource')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-b'|'--broker')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion acl delete -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_acl_get() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-s --subject -c --cluster -b --broker -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-s'|'--subject')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-b'|'--broker')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion acl get -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_acl_list() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(--subject-filter --resource-filter -c --cluster -b --broker -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--subject-filter')
        return
        ;;
    '--resource-filter')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-b'|'--broker')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion acl list -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_acl_explain() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-u --user -r --resource -a --action -i --source-ip -c --cluster -b --broker -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-u'|'--user')
        return
        ;;
    '-r'|'--resource')
        return
        ;;
    '-a'|'--action')
        return
        ;;
    '-i'|'--source-ip')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-b'|'--broker')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion acl explain -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_acl_copy() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(--from --to -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--from')
        return
        ;;
    '--to')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion acl copy -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_createUser() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --clusterName -b --brokerAddr -u --username -p --password -t --userType --password-file -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-c'|'--clusterName')
        return
        ;;
    '-b'|'--brokerAddr')
        return
        ;;
    '-u'|'--username')
        return
        ;;
    '-p'|'--password')
        return
        ;;
    '-t'|'--userType')
        return
        ;;
    '--password-file')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion createUser -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_updateUser() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --clusterName -b --brokerAddr -u --username -p --password -t --userType -s --userStatus --password-file -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-c'|'--clusterName')
        return
        ;;
    '-b'|'--brokerAddr')
        return
        ;;
    '-u'|'--username')
        return
        ;;
    '-p'|'--password')
        return
        ;;
    '-t'|'--userType')
        return
        ;;
    '-s'|'--userStatus')
        return
        ;;
    '--password-file')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion updateUser -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_deleteUser() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --clusterName -b --brokerAddr -u --username -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-c'|'--clusterName')
        return
        ;;
    '-b'|'--brokerAddr')
        return
        ;;
    '-u'|'--username')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion deleteUser -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_getUser() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --clusterName -b --brokerAddr -u --username -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-c'|'--clusterName')
        return
        ;;
    '-b'|'--brokerAddr')
        return
        ;;
    '-u'|'--username')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion getUser -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_listUser() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --clusterName -b --brokerAddr -f --filter -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-c'|'--clusterName')
        return
        ;;
    '-b'|'--brokerAddr')
        return
        ;;
    '-f'|'--filter')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion listUser -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_createAcl() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --clusterName -b --brokerAddr -s --subject -r --resources -a --actions -d --decision -i --sourceIp -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-c'|'--clusterName')
        return
        ;;
    '-b'|'--brokerAddr')
        return
        ;;
    '-s'|'--subject')
        return
        ;;
    '-r'|'--resources')
        return
        ;;
    '-a'|'--actions')
        return
        ;;
    '-d'|'--decision')
        return
        ;;
    '-i'|'--sourceIp')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion createAcl -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_updateAcl() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --clusterName -b --brokerAddr -s --subject -r --resources -a --actions -d --decision -i --sourceIp -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-c'|'--clusterName')
        return
        ;;
    '-b'|'--brokerAddr')
        return
        ;;
    '-s'|'--subject')
        return
        ;;
    '-r'|'--resources')
        return
        ;;
    '-a'|'--actions')
        return
        ;;
    '-d'|'--decision')
        return
        ;;
    '-i'|'--sourceIp')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion updateAcl -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_deleteAcl() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --clusterName -b --brokerAddr -s --subject -r --resources -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-c'|'--clusterName')
        return
        ;;
    '-b'|'--brokerAddr')
        return
        ;;
    '-s'|'--subject')
        return
        ;;
    '-r'|'--resources')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion deleteAcl -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_getAcl() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --clusterName -b --brokerAddr -s --subject -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-c'|'--clusterName')
        return
        ;;
    '-b'|'--brokerAddr')
        return
        ;;
    '-s'|'--subject')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion getAcl -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_listAcl() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-c --clusterName -b --brokerAddr -s --subject -r --resource -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-c'|'--clusterName')
        return
        ;;
    '-b'|'--brokerAddr')
        return
        ;;
    '-s'|'--subject')
        return
        ;;
    '-r'|'--resource')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion listAcl -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_copyUser() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-f --fromBroker -t --toBroker -u --usernames -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-f'|'--fromBroker')
        return
        ;;
    '-t'|'--toBroker')
        return
        ;;
    '-u'|'--usernames')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion copyUser -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_copyAcl() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-f --fromBroker -t --toBroker -s --subjects -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-f'|'--fromBroker')
        return
        ;;
    '-t'|'--toBroker')
        return
        ;;
    '-s'|'--subjects')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion copyAcl -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_trace() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __mqadmin_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    show)
        # Offer subcommand argument completions
        "_mqadmin_trace_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'show' -- "${cur}"))
        ;;
    esac
}

_mqadmin_trace_show() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output -t --topic -k --key --trace-topic --begin --end --max)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion trace show -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion trace show -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-k'|'--key')
        return
        ;;
    '--trace-topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion trace show -- --trace-topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--begin')
        return
        ;;
    '--end')
        return
        ;;
    '--max')
        return
        ;;
    esac
}

_mqadmin_queryMsgTraceById() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key --output -i --msgId -t --traceTopic -b --beginTimestamp -e --endTimestamp -c --maxNum)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion queryMsgTraceById -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '-i'|'--msgId')
        return
        ;;
    '-t'|'--traceTopic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion queryMsgTraceById -- --traceTopic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-b'|'--beginTimestamp')
        return
        ;;
    '-e'|'--endTimestamp')
        return
        ;;
    '-c'|'--maxNum')
        return
        ;;
    esac
}

_mqadmin_transaction() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __mqadmin_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list)
        # Offer subcommand argument completions
        "_mqadmin_transaction_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list' -- "${cur}"))
        ;;
    esac
}

_mqadmin_transaction_list() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output -t --topic -g --group -c --cluster)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion transaction list -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion transaction list -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-g'|'--group')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    esac
}

_mqadmin_timer() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __mqadmin_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list)
        # Offer subcommand argument completions
        "_mqadmin_timer_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list' -- "${cur}"))
        ;;
    esac
}

_mqadmin_timer_list() {
    repeating_flags=()
    non_repeating_flags=(--secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-t --topic --within -c --cluster -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-t'|'--topic')
        return
        ;;
    '--within')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion timer list -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_metadata() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __mqadmin_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    export|apply|undo)
        # Offer subcommand argument completions
        "_mqadmin_metadata_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'export apply undo' -- "${cur}"))
        ;;
    esac
}

_mqadmin_metadata_export() {
    repeating_flags=()
    non_repeating_flags=(--with-offsets --with-auth --include-system --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-f --file --format -c --cluster -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-f'|'--file')
        return
        ;;
    '--format')
        __mqadmin_add_completions -W 'yaml'$'\n''json'
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion metadata export -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_metadata_apply() {
    repeating_flags=()
    non_repeating_flags=(--prune --check --execute -y --yes --dry-run --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(--credentials-file -c --cluster -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--credentials-file')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion metadata apply -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mqadmin_add_completions -o plusdirs -fX '!*.@(yaml|yml|json)'
        return
        ;;
    esac
}

_mqadmin_metadata_undo() {
    repeating_flags=()
    non_repeating_flags=(--list --execute -y --yes --dry-run --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(--credentials-file -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--credentials-file')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion metadata undo -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_bench() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __mqadmin_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    produce|consume|e2e)
        # Offer subcommand argument completions
        "_mqadmin_bench_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'produce consume e2e' -- "${cur}"))
        ;;
    esac
}

_mqadmin_bench_produce() {
    repeating_flags=()
    non_repeating_flags=(--keys --progress --keep-topic --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(--size --rate --producers --batch -m --mode --inflight --count --duration --warmup -t --topic --queues -c --cluster -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--size')
        return
        ;;
    '--rate')
        return
        ;;
    '--producers')
        return
        ;;
    '--batch')
        return
        ;;
    '-m'|'--mode')
        __mqadmin_add_completions -W 'sync'$'\n''async'$'\n''oneway'
        return
        ;;
    '--inflight')
        return
        ;;
    '--count')
        return
        ;;
    '--duration')
        return
        ;;
    '--warmup')
        return
        ;;
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion bench produce -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--queues')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion bench produce -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_bench_consume() {
    repeating_flags=()
    non_repeating_flags=(--progress --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(-t --topic -g --group --consumers --from --count --duration --warmup -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion bench consume -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '-g'|'--group')
        return
        ;;
    '--consumers')
        return
        ;;
    '--from')
        __mqadmin_add_completions -W 'first'$'\n''last'
        return
        ;;
    '--count')
        return
        ;;
    '--duration')
        return
        ;;
    '--warmup')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion bench consume -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_bench_e2e() {
    repeating_flags=()
    non_repeating_flags=(--keys --progress --keep-topic --secret-key-stdin --insecure-password-arg --utc --version -h --help)
    repeating_options=()
    non_repeating_options=(--size --rate --producers --batch -m --mode --inflight --count --duration --warmup -t --topic --queues -c --cluster --consumers --drain -n --namesrv --namesrvAddr --context --timeout --data --access-key --secret-key-file --secret-key -o --output)
    __mqadmin_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--size')
        return
        ;;
    '--rate')
        return
        ;;
    '--producers')
        return
        ;;
    '--batch')
        return
        ;;
    '-m'|'--mode')
        __mqadmin_add_completions -W 'sync'$'\n''async'$'\n''oneway'
        return
        ;;
    '--inflight')
        return
        ;;
    '--count')
        return
        ;;
    '--duration')
        return
        ;;
    '--warmup')
        return
        ;;
    '-t'|'--topic')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion bench e2e -- --topic "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--queues')
        return
        ;;
    '-c'|'--cluster')
        return
        ;;
    '--consumers')
        return
        ;;
    '--drain')
        return
        ;;
    '-n'|'--namesrv'|'--namesrvAddr')
        return
        ;;
    '--context')
        __mqadmin_add_completions -W "$(__mqadmin_custom_complete ---completion bench e2e -- --context "${COMP_CWORD}" "$(__mqadmin_cursor_index_in_current_word)")"
        return
        ;;
    '--timeout')
        return
        ;;
    '--data')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key-file')
        return
        ;;
    '--secret-key')
        return
        ;;
    '-o'|'--output')
        __mqadmin_add_completions -W 'table'$'\n''json'
        return
        ;;
    esac
}

_mqadmin_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __mqadmin_offer_flags_options -1
}

complete -o filenames -F _mqadmin mqadmin
# mqadmin: options every command takes may stand before the subcommand; they are moved behind the word
# being completed, where the generated parser does not look but the custom completion sees them.
_mqadmin() {
    local -ar with_value=(--access-key --context --data --namesrv --namesrvAddr --output --secret-key --secret-key-file --timeout -n -o)
    local -ar flags=(--insecure-password-arg --secret-key-stdin --utc)
    local -a moved=()
    local -i i=1
    while ((i < COMP_CWORD)); do
        local word="${COMP_WORDS[i]}"
        if [[ " ${flags[*]} " == *" ${word} "* ||
            ("${word}" == --*=* && " ${with_value[*]} " == *" ${word%%=*} "*) ]]; then
            moved+=("${word}")
            ((i += 1))
        elif [[ " ${with_value[*]} " == *" ${word} "* ]] && ((i + 1 < COMP_CWORD)); then
            moved+=("${word}" "${COMP_WORDS[i + 1]}")
            ((i += 2))
        else
            break
        fi
    done
    if ((${#moved[@]} == 0)); then
        __mqadmin_generated "${@}"
        return
    fi
    # bash passes the current word up to the cursor: where the cursor stands in it.
    local -ir offset=${#2}
    local -a COMP_WORDS=("${COMP_WORDS[0]}" "${COMP_WORDS[@]:i}" "${moved[@]}")
    local -i COMP_CWORD=$((COMP_CWORD - ${#moved[@]}))
    local before="${COMP_WORDS[*]::COMP_CWORD}"
    local COMP_LINE="${COMP_WORDS[*]}"
    local -i COMP_POINT=$((${#before} + 1 + offset))
    __mqadmin_generated "${1}" "${2}" "${COMP_WORDS[COMP_CWORD - 1]}"
}

