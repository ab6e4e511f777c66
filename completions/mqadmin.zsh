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

__mqadmin_generated() {
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
            'context:Save named targets (name servers, read-only, credentials file) and pick one.'
            'audit:Show the audit log of changes made with mqadmin from this account.'
            'namesrv:Inspect and configure name servers: their configuration and their KV tables.'
            'getBrokerConfig:Get broker config by cluster or special broker (Apache'\''s classic command and output).'
            'updateBrokerConfig:Update broker'\''s config (Apache'\''s classic command and output).'
            'getNamesrvConfig:Get configs of name server (Apache'\''s classic command and output).'
            'updateNamesrvConfig:Update configs of name server (Apache'\''s classic command and output).'
            'updateKvConfig:Create or update KV config (Apache'\''s classic command and output).'
            'deleteKvConfig:Delete KV config (Apache'\''s classic command and output).'
            'topic:Create, change, delete and inspect topics.'
            'cluster:Inspect clusters.'
            'updateTopic:Update or create topic (Apache'\''s classic command and output).'
            'deleteTopic:Delete topic from broker and NameServer (Apache'\''s classic command and output).'
            'topicList:Fetch all topic list from name server (Apache'\''s classic command and output).'
            'topicStatus:Examine topic Status info (Apache'\''s classic command and output).'
            'topicRoute:Examine topic route info (Apache'\''s classic command and output).'
            'topicClusterList:Get cluster info for topic (Apache'\''s classic command and output).'
            'clusterList:List cluster infos (Apache'\''s classic command and output).'
            'brokerStatus:Fetch broker runtime status data (Apache'\''s classic command and output).'
            'wipeWritePerm:Wipe write perm of broker in all name server you defined in the '\''-n'\'' param (Apache'\''s classic command and output).'
            'addWritePerm:Add write perm of broker in all name server you defined in the '\''-n'\'' param (Apache'\''s classic command and output).'
            'clusterRT:List all clusters'\'' message send RT (Apache'\''s layout; see `cluster check`).'
            'updateTopicList:create or update topic in batch (Apache'\''s classic command and output).'
            'updateTopicPerm:Update topic perm (Apache'\''s classic command and output).'
            'updateOrderConf:Create or update or delete order conf (Apache'\''s classic command and output).'
            'exportMetadata:Export metadata (Apache'\''s classic command and output).'
            'deleteExpiredCommitLog:Delete expired CommitLog files (Apache'\''s classic command and output).'
            'cleanExpiredCQ:Clean expired ConsumeQueue on broker (Apache'\''s classic command and output).'
            'cleanUnusedTopic:Clean unused topic on broker (Apache'\''s classic command and output).'
            'group:Create, update, delete, list, describe and diagnose consumer groups; ask members their status.'
            'offset:Show, reset, clone, export and import consumer group offsets (changes are plans until --execute).'
            'updateSubGroup:Update or create subscription group.'
            'deleteSubGroup:Delete subscription group from broker.'
            'consumerConnection:Query consumer'\''s socket connection, client version and subscription.'
            'consumerProgress:Query consumer'\''s progress, speed.'
            'resetOffsetByTime:Reset consumer offset by timestamp(without client restart).'
            'skipAccumulatedMessage:Skip all messages that are accumulated (not consumed) currently.'
            'cloneGroupOffset:Clone offset from other group.'
            'brokerConsumeStats:Fetch consume stats data of a broker (Apache'\''s layout).'
            'updateSubGroupList:Update or create subscription group in batch (Apache'\''s classic command and output).'
            'getConsumerConfig:Get consumer config by subscription group name (Apache'\''s classic command and output).'
            'consumerStatus:Query consumer'\''s internal data structure.'
            'setConsumeMode:set consume message mode. pull/pop etc.'
            'producer:List and describe the producers connected to the brokers.'
            'producerConnection:Query producer'\''s socket connection and client version.'
            'statsAll:Topic and Consumer tps stats.'
            'sendMsgStatus:Send msg to broker.'
            'allocateMQ:Allocate MQ.'
            'message:Send, consume and look up messages.'
            'backlog:Consumer backlog: lag in messages and time, with a status per group and topic.'
            'dlq:List a group'\''s dead-letter messages and resend them to their topics (journaled; docs/dlq.md).'
            'sendMessage:Send a message (Apache'\''s layout; see `message send`).'
            'queryMsgByKey:Query Message by Key (Apache'\''s layout; see `message query`).'
            'queryMsgById:Query Message by Id (Apache'\''s layout; see `message get`).'
            'queryMsgByUniqueKey:Query Message by Unique key (Apache'\''s layout; see `message get`).'
            'queryMsgByOffset:Query Message by offset (Apache'\''s layout; see `message get`).'
            'checkMsgSendRT:Check message send response time (Apache'\''s layout).'
            'queryCq:Query consume queue entries (Apache'\''s layout).'
            'printMsg:Print Message Detail (Apache'\''s layout; see `message browse`).'
            'printMsgByQueue:Print Message Detail by queueId (Apache'\''s layout; see `message browse --queue`).'
            'consumeMessage:Consume message (Apache'\''s layout; see `message browse`).'
            'user:Manage ACL users (each broker keeps its own; writes go to every broker).'
            'acl:Manage ACL policies, and explain why a request is allowed or denied.'
            'createUser:Create user to cluster.'
            'updateUser:Update user to cluster.'
            'deleteUser:Delete user from cluster.'
            'getUser:Get user from cluster.'
            'listUser:List user from cluster.'
            'createAcl:Create acl to cluster.'
            'updateAcl:Update acl to cluster.'
            'deleteAcl:Delete acl from cluster.'
            'getAcl:Get acl from cluster.'
            'listAcl:List acl from cluster.'
            'copyUser:Copy user to cluster (Apache'\''s classic command and output).'
            'copyAcl:Copy acl to cluster (Apache'\''s classic command and output).'
            'trace:Show where a message went: its producer, its broker, and each group that consumed it.'
            'queryMsgTraceById:Query a message trace (Apache'\''s layout; see `trace show`).'
            'transaction:Inspect transactional messages.'
            'timer:Inspect timer messages waiting on brokers.'
            'metadata:Export a cluster'\''s metadata to a YAML/JSON file and make a cluster match one (plan, then --execute).'
            'bench:Measure a cluster: produce, consume, or both with end-to-end latency.'
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        demo|broker|repl|context|audit|namesrv|getBrokerConfig|updateBrokerConfig|getNamesrvConfig|updateNamesrvConfig|updateKvConfig|deleteKvConfig|topic|cluster|updateTopic|deleteTopic|topicList|topicStatus|topicRoute|topicClusterList|clusterList|brokerStatus|wipeWritePerm|addWritePerm|clusterRT|updateTopicList|updateTopicPerm|updateOrderConf|exportMetadata|deleteExpiredCommitLog|cleanExpiredCQ|cleanUnusedTopic|group|offset|updateSubGroup|deleteSubGroup|consumerConnection|consumerProgress|resetOffsetByTime|skipAccumulatedMessage|cloneGroupOffset|brokerConsumeStats|updateSubGroupList|getConsumerConfig|consumerStatus|setConsumeMode|producer|producerConnection|statsAll|sendMsgStatus|allocateMQ|message|backlog|dlq|sendMessage|queryMsgByKey|queryMsgById|queryMsgByUniqueKey|queryMsgByOffset|checkMsgSendRT|queryCq|printMsg|printMsgByQueue|consumeMessage|user|acl|createUser|updateUser|deleteUser|getUser|listUser|createAcl|updateAcl|deleteAcl|getAcl|listAcl|copyUser|copyAcl|trace|queryMsgTraceById|transaction|timer|metadata|bench|help)
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
            'status:Show brokers'\'' runtime info (GET_BROKER_RUNTIME_INFO), key by key.'
            'drain:Stop producers sending to a broker (before stopping it); undo with `broker undrain`.'
            'undrain:Let producers send to a drained broker again (undoes `broker drain`).'
            'config:Read, change and compare brokers'\'' configuration.'
            'clean:Free disk now: expired commit log, expired consume queues or unused topics (plan; --execute runs).'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        start|status|drain|undrain|config|clean)
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
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--listen[Name server listen address.]:host\:port:'
        '--broker-listen[Broker listen address.]:host\:port:'
        '--grpc-listen[Also serve RocketMQ 5 (gRPC) clients here (e.g. 127.0.0.1\:8081; a bare port\: 127.0.0.1). Off by default.]:host\:port:'
        '--cluster[Cluster name.]:cluster:'
        '--broker-name[Broker name (unique within the cluster).]:broker-name:'
        '--namesrv[Also register with these name servers ('\'';'\''-separated).]:addr:'
        '--role[Which servers to run\: all, namesrv or broker.]:role:{__mqadmin_complete "${___role[@]}"}'
        '--flush[sync\: acknowledge a send only once it is on disk (group commit); async\: flush periodically.]:flush:'
        '--auto-create-topics[Create topics on first send (through the TBW102 template).]'
        '--no-auto-create-topics[Create topics on first send (through the TBW102 template).]'
        '--property-filter[Let consumers subscribe with SQL92 property filters (Apache'\''s enablePropertyFilter; off\: refused).]'
        '--no-property-filter[Let consumers subscribe with SQL92 property filters (Apache'\''s enablePropertyFilter; off\: refused).]'
        '--retention[Delete commit-log segments older than this (e.g. 72h, 30m, 7d).]:duration:'
        '--message-delay-level[Delay of each delay level, Apache'\''s messageDelayLevel.]:levels:'
        '--timer-max-delay[Refuse timer messages due later than this (Apache'\''s timerMaxDelaySec).]:duration:'
        '--log-level[trace, debug, info, notice, warning, error or critical.]:log-level:'
        '--auth[Require every request to be signed by an ACL user and allowed by its ACL (ACL 2.0).]'
        '--admin-user[Create this super user at start if missing (password from --admin-password-file or MQADMIN_ADMIN_PASSWORD).]:name:'
        '--admin-password-file[File whose first line is the admin user'\''s password.]:file:'
        '--trace-topic[Message trace topic the broker creates (1 queue) for tracing clients.]:topic:'
        '--transaction-timeout[Age at which a half message is first checked with its producer (transactionTimeOut).]:duration:'
        '--transaction-check-interval[How often pending half messages are checked (transactionCheckInterval).]:duration:'
        '--transaction-check-max[Checks before a half message is moved to TRANS_CHECK_MAX_TIME_TOPIC (transactionCheckMax).]:n:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_broker_status() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-b --broker)'{-b,--broker}'[One broker.]:host\:port:'
        '(-c --cluster)'{-c,--cluster}'[Every broker of this cluster.]:cluster:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion broker status -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_broker_drain() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':broker-name:'
        '--wait[Wait until the broker is drained, then say it is safe to stop.]'
        '--wait-timeout[How long --wait waits (e.g. 90s, 5m).]:duration:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion broker drain -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_broker_undrain() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':broker-name:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion broker undrain -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_broker_config() {
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
            'get:Show brokers'\'' configuration (GET_BROKER_CONFIG), one column per broker.'
            'set:Change brokers'\'' configuration (UPDATE_BROKER_CONFIG); prints the plan, applies it only with --execute.'
            'diff:Show the configuration keys whose values differ between brokers.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        get|set|diff)
            "_mqadmin_broker_config_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_mqadmin_broker_config_get() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '*:broker|key:'
        '(-c --cluster)'{-c,--cluster}'[Every broker of this cluster.]:cluster:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion broker config get -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_broker_config_set() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '*:key=value|broker:'
        '(-c --cluster)'{-c,--cluster}'[Every broker of this cluster.]:cluster:'
        '--execute[Apply the plan (without it, only print what would change).]'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion broker config set -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_broker_config_diff() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-c --cluster)'{-c,--cluster}'[Compare the brokers of this cluster.]:cluster:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion broker config diff -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_broker_clean() {
    local -i ret=1
    local -ar _what=('expired-commitlog' 'expired-cq' 'unused-topics')
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':what:{__mqadmin_complete "${_what[@]}"}'
        ':broker:'
        '(-c --cluster)'{-c,--cluster}'[Every broker of this cluster.]:cluster:'
        '--execute[Apply the plan (without it, only print what would change).]'
        '(-y --yes)'{-y,--yes}'[Do not ask for confirmation.]'
        '--dry-run[Only print the plan (the default; for scripts that want to say so).]'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion broker clean -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
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
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion repl -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--keep-going[With piped input, run every line even after an error.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_context() {
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
            'add:Save a named target (replaces a context of the same name).'
            'use:Make a context the current one (--none: no current context).'
            'list:List the contexts; * marks the current one.'
            'show:Show a context (default: the current one).'
            'delete:Delete a context (when it is the current one, no context is current afterwards).'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        add|use|list|show|delete)
            "_mqadmin_context_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_mqadmin_context_add() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':name:'
        '(-n --namesrv)'{-n,--namesrv}'[Name server address(es), '\'';'\''-separated.]:addr:'
        '--read-only[Refuse every command that changes the cluster.]'
        '--access-key[ACL user to sign requests as.]:user:'
        '--credentials-file[File whose first line is the access key'\''s secret (its path is saved).]:file:'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_context_use() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':name:{__mqadmin_custom_complete ---completion context use -- positional@0 "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--none[Clear the current context\: commands use the bundled broker again.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_context_list() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_context_show() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':name:{__mqadmin_custom_complete ---completion context show -- positional@0 "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_context_delete() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':name:{__mqadmin_custom_complete ---completion context delete -- positional@0 "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_audit() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '--since[Only entries at or after this time\: epoch ms, ISO-8601 with a zone, or relative like -2h.]:time:'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_namesrv() {
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
            'config:Read and change name servers'\'' configuration.'
            'kv:Read and change the name servers'\'' KV config (e.g. ORDER_TOPIC_CONFIG).'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        config|kv)
            "_mqadmin_namesrv_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_mqadmin_namesrv_config() {
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
            'get:Show name servers'\'' configuration (GET_NAMESRV_CONFIG), one column per name server.'
            'set:Change name servers'\'' configuration (UPDATE_NAMESRV_CONFIG); prints the plan, applies it only with --execute.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        get|set)
            "_mqadmin_namesrv_config_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_mqadmin_namesrv_config_get() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '*:key:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion namesrv config get -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_namesrv_config_set() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '*:key=value:'
        '--execute[Apply the plan (without it, only print what would change).]'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion namesrv config set -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_namesrv_kv() {
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
            'get:Show a KV config value on every name server.'
            'set:Create or update a KV config entry on every name server.'
            'delete:Delete a KV config entry from every name server.'
            'list:List the KV config entries of a namespace on every name server.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        get|set|delete|list)
            "_mqadmin_namesrv_kv_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_mqadmin_namesrv_kv_get() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':namespace:'
        ':key:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion namesrv kv get -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_namesrv_kv_set() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':namespace:'
        ':key:'
        ':value:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion namesrv kv set -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_namesrv_kv_delete() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':namespace:'
        ':key:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion namesrv kv delete -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_namesrv_kv_list() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':namespace:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion namesrv kv list -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_getBrokerConfig() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-b --brokerAddr)'{-b,--brokerAddr}'[get which broker]:brokerAddr:'
        '(-c --clusterName)'{-c,--clusterName}'[get which cluster]:clusterName:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion getBrokerConfig -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_updateBrokerConfig() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-b --brokerAddr)'{-b,--brokerAddr}'[update which broker]:brokerAddr:'
        '(-c --clusterName)'{-c,--clusterName}'[update which cluster]:clusterName:'
        '(-a --updateAllBroker)'{-a,--updateAllBroker}'[update all brokers include slave]:updateAllBroker:'
        '(-k --key)'{-k,--key}'[config key]:key:'
        '(-v --value)'{-v,--value}'[config value]:value:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion updateBrokerConfig -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_getNamesrvConfig() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion getNamesrvConfig -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_updateNamesrvConfig() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-k --key)'{-k,--key}'[config key]:key:'
        '(-v --value)'{-v,--value}'[config value]:value:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion updateNamesrvConfig -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_updateKvConfig() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-s --namespace)'{-s,--namespace}'[set the namespace]:namespace:'
        '(-k --key)'{-k,--key}'[set the key name]:key:'
        '(-v --value)'{-v,--value}'[set the key value]:value:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion updateKvConfig -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_deleteKvConfig() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-s --namespace)'{-s,--namespace}'[set the namespace]:namespace:'
        '(-k --key)'{-k,--key}'[set the key name]:key:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion deleteKvConfig -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_topic() {
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
            'create:Create a topic on every master of a cluster (or on one broker).'
            'update:Change an existing topic'\''s queues, permission, order flag or attributes.'
            'delete:Delete a topic from its brokers, then from the name servers.'
            'list:List topics and the clusters serving them.'
            'describe:Show a topic'\''s brokers and queues: offsets, message counts, last store time, put TPS.'
            'route:Show the brokers serving a topic and their queue counts.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        create|update|delete|list|describe|route)
            "_mqadmin_topic_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_mqadmin_topic_create() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':topic:'
        '(-r --read-queues)'{-r,--read-queues}'[Read queues per broker.]:n:'
        '(-w --write-queues)'{-w,--write-queues}'[Write queues per broker.]:n:'
        '--perm[Permission\: RW, R or W (or 6, 4, 2).]:perm:'
        '--order[An ordered topic (also writes the order configuration to the name servers).]'
        '*--attribute[A topic attribute (repeatable).]:key=value:'
        '--type[Message type\: NORMAL, FIFO, DELAY or TRANSACTION (attribute message.type; Apache'\''s default NORMAL).]:type:'
        '--if-not-exists[Succeed without change where the topic already exists.]'
        '(-c --cluster)'{-c,--cluster}'[Cluster whose masters get the change (default\: the only cluster the name server knows).]:cluster:'
        '(-b --broker)'{-b,--broker}'[Change only this master broker.]:host\:port:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion topic create -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_topic_update() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':topic:{__mqadmin_custom_complete ---completion topic update -- positional@0 "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-r --read-queues)'{-r,--read-queues}'[New read queue count.]:n:'
        '(-w --write-queues)'{-w,--write-queues}'[New write queue count.]:n:'
        '--perm[New permission\: RW, R or W (or 6, 4, 2).]:perm:'
        '--order[Make the topic ordered (or not); the name servers'\'' order configuration is left as it is.]'
        '--no-order[Make the topic ordered (or not); the name servers'\'' order configuration is left as it is.]'
        '*--attribute[Set a topic attribute (repeatable).]:key=value:'
        '*--remove-attribute[Remove a topic attribute (repeatable).]:key:'
        '(-c --cluster)'{-c,--cluster}'[Cluster whose masters get the change (default\: the only cluster the name server knows).]:cluster:'
        '(-b --broker)'{-b,--broker}'[Change only this master broker.]:host\:port:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion topic update -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_topic_delete() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':topic:{__mqadmin_custom_complete ---completion topic delete -- positional@0 "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-c --cluster)'{-c,--cluster}'[Delete only from this cluster (default\: every cluster serving it).]:cluster:'
        '(-y --yes)'{-y,--yes}'[Do not ask for confirmation.]'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion topic delete -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_topic_list() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-c --cluster)'{-c,--cluster}'[Only topics served by this cluster.]:cluster:'
        '(--all --system)'{--all,--system}'[Also list retry, dead-letter and system topics.]'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion topic list -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_topic_describe() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':topic:{__mqadmin_custom_complete ---completion topic describe -- positional@0 "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion topic describe -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_topic_route() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':topic:{__mqadmin_custom_complete ---completion topic route -- positional@0 "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion topic route -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_cluster() {
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
            'list:List clusters and their brokers: version, TPS, today'\''s totals, oldest message, disk use.'
            'check:Check a cluster'\''s health once; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (Nagios).'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        list|check)
            "_mqadmin_cluster_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_mqadmin_cluster_list() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-c --cluster)'{-c,--cluster}'[Only this cluster.]:cluster:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion cluster list -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_cluster_check() {
    local -i ret=1
    local -ar ___output=('table' 'json' 'prometheus')
    local -ar arg_specs=(
        '(-c --cluster)'{-c,--cluster}'[Only this cluster.]:cluster:'
        '--expect-brokers[Broker names that must be registered (comma-separated); CRITICAL for a missing one.]:names:'
        '--probe[Also send one message to each master and pull it back, reporting the round trip.]'
        '--probe-topic[The probe'\''s topic (default\: the topic named after each broker).]:topic:'
        '--probe-warn[WARNING when a probe round trip is slower (e.g. 500ms, 2s).]:duration:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion cluster check -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table, json or prometheus.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_updateTopic() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-b --brokerAddr)'{-b,--brokerAddr}'[create topic to which broker]:brokerAddr:'
        '(-c --clusterName)'{-c,--clusterName}'[create topic to which cluster]:clusterName:'
        '(-t --topic)'{-t,--topic}'[topic name]:topic:'
        '(-r --readQueueNums)'{-r,--readQueueNums}'[set read queue nums]:readQueueNums:'
        '(-w --writeQueueNums)'{-w,--writeQueueNums}'[set write queue nums]:writeQueueNums:'
        '(-p --perm)'{-p,--perm}'[set topic'\''s permission(2|4|6), intro\[2\:W 4\:R; 6\:RW\]]:perm:'
        '(-o --order)'{-o,--order}'[set topic'\''s order(true|false)]:order:'
        '(-u --unit)'{-u,--unit}'[is unit topic (true|false)]:unit:'
        '(-s --hasUnitSub)'{-s,--hasUnitSub}'[has unit sub (true|false)]:hasUnitSub:'
        '(-a --attributes)'{-a,--attributes}'[attribute(+a=b,+c=d,-e)]:attributes:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion updateTopic -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_deleteTopic() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-t --topic)'{-t,--topic}'[topic name]:topic:{__mqadmin_custom_complete ---completion deleteTopic -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-c --clusterName)'{-c,--clusterName}'[delete topic from which cluster]:clusterName:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion deleteTopic -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_topicList() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-c --clusterModel)'{-c,--clusterModel}'[clusterModel]'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion topicList -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_topicStatus() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-t --topic)'{-t,--topic}'[topic name]:topic:{__mqadmin_custom_complete ---completion topicStatus -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-c --cluster)'{-c,--cluster}'[cluster name\: ask its masters instead of the topic'\''s route]:cluster:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion topicStatus -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_topicRoute() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-t --topic)'{-t,--topic}'[topic name]:topic:{__mqadmin_custom_complete ---completion topicRoute -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-l --list)'{-l,--list}'[Use list format to print data]'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion topicRoute -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_topicClusterList() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-t --topic)'{-t,--topic}'[topic name]:topic:{__mqadmin_custom_complete ---completion topicClusterList -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion topicClusterList -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_clusterList() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-m --moreStats)'{-m,--moreStats}'[Print more stats]'
        '(-i --interval)'{-i,--interval}'[specify intervals numbers, it is in seconds]:interval:'
        '(-c --clusterName)'{-c,--clusterName}'[which cluster]:clusterName:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion clusterList -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_brokerStatus() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-b --brokerAddr)'{-b,--brokerAddr}'[Broker address]:brokerAddr:'
        '(-c --clusterName)'{-c,--clusterName}'[which cluster]:clusterName:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion brokerStatus -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_wipeWritePerm() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-b --brokerName)'{-b,--brokerName}'[broker name]:brokerName:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion wipeWritePerm -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_addWritePerm() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-b --brokerName)'{-b,--brokerName}'[broker name]:brokerName:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion addWritePerm -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_clusterRT() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion clusterRT -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '(-a --amount)'{-a,--amount}'[message amount | default 100]:amount:'
        '(-s --size)'{-s,--size}'[message size | default 128 Byte]:size:'
        '(-c --cluster)'{-c,--cluster}'[cluster name | default display all cluster]:cluster:'
        '(-p --printLog)'{-p,--printLog}'[print as tlog | default false]:printLog:'
        '(-m --machineRoom)'{-m,--machineRoom}'[machine room name | default noname]:machineRoom:'
        '(-i --interval)'{-i,--interval}'[print interval | default 10 seconds]:interval:'
        '--rounds[Stop after this many rounds (mqadmin; Apache repeats until interrupted).]:rounds:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_updateTopicList() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-b --brokerAddr)'{-b,--brokerAddr}'[create topic to which broker]:brokerAddr:'
        '(-c --clusterName)'{-c,--clusterName}'[create topic to which cluster]:clusterName:'
        '(-f --filename)'{-f,--filename}'[Path to a file with list of org.apache.rocketmq.common.TopicConfig in json format]:filename:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion updateTopicList -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_updateTopicPerm() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-b --brokerAddr)'{-b,--brokerAddr}'[create topic to which broker]:brokerAddr:'
        '(-c --clusterName)'{-c,--clusterName}'[create topic to which cluster]:clusterName:'
        '(-t --topic)'{-t,--topic}'[topic name]:topic:'
        '(-p --perm)'{-p,--perm}'[set topic'\''s permission(2|4|6), intro\[2\:W; 4\:R; 6\:RW\]]:perm:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion updateTopicPerm -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_updateOrderConf() {
    local -i ret=1
    local -ar ___method=('get' 'put' 'delete')
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-t --topic)'{-t,--topic}'[topic name]:topic:'
        '(-v --orderConf)'{-v,--orderConf}'[set order conf \[eg. brokerName1\:num;brokerName2\:num\]]:orderConf:'
        '(-m --method)'{-m,--method}'[option type \[eg. put|get|delete]:method:{__mqadmin_complete "${___method[@]}"}'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion updateOrderConf -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_exportMetadata() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-c --clusterName)'{-c,--clusterName}'[choose a cluster to export]:clusterName:'
        '(-b --brokerAddr)'{-b,--brokerAddr}'[choose a broker to export]:brokerAddr:'
        '(-f --filePath)'{-f,--filePath}'[export metadata.json path | default /tmp/rocketmq/export]:filePath:'
        '(-t --topic)'{-t,--topic}'[only export topic metadata]'
        '(-g --subscriptionGroup)'{-g,--subscriptionGroup}'[only export subscriptionGroup metadata]'
        '(-s --specialTopic)'{-s,--specialTopic}'[need retryTopic and dlqTopic]'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion exportMetadata -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_deleteExpiredCommitLog() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-b --brokerAddr)'{-b,--brokerAddr}'[Broker address]:brokerAddr:'
        '(-c --cluster)'{-c,--cluster}'[clustername]:cluster:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion deleteExpiredCommitLog -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_cleanExpiredCQ() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-b --brokerAddr)'{-b,--brokerAddr}'[Broker address]:brokerAddr:'
        '(-c --cluster)'{-c,--cluster}'[clustername]:cluster:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion cleanExpiredCQ -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_cleanUnusedTopic() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-b --brokerAddr)'{-b,--brokerAddr}'[Broker address]:brokerAddr:'
        '(-c --cluster)'{-c,--cluster}'[clustername]:cluster:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion cleanUnusedTopic -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_group() {
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
            'create:Create a consumer group on every master broker (or --cluster / --broker).'
            'update:Change a consumer group'\''s settings (only those given) on every master broker.'
            'set-mode:Set whether a consumer group reads a topic by pull or by POP, on every master broker.'
            'delete:Delete a consumer group from every master broker (asks first; --yes to skip).'
            'list:List consumer groups (from every master broker) with their online members.'
            'describe:Describe a consumer group: online clients, subscriptions, consume settings, lag per topic.'
            'status:Ask each live member of a group for its state: per queue offsets, cache, locks, last pull/consume.'
            'doctor:Diagnose a consumer group: each verdict with the evidence it rests on, or why it is unknown.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        create|update|set-mode|delete|list|describe|status|doctor)
            "_mqadmin_group_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_mqadmin_group_create() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':group:'
        '--retry-max-times[Deliveries after which a failing message goes to the DLQ.]:retry-max-times:'
        '--retry-queues[Queues of the group'\''s %RETRY% topic.]:retry-queues:'
        '--broadcast[Allow broadcasting consumers.]'
        '--no-broadcast[Allow broadcasting consumers.]'
        '--consume-from-min[A new group starts from the min offset.]'
        '--no-consume-from-min[A new group starts from the min offset.]'
        '--orderly[Consume each queue in order (FIFO group).]'
        '--no-orderly[Consume each queue in order (FIFO group).]'
        '--consume-enable[Allow the group to consume (--no-consume-enable pauses it).]'
        '--no-consume-enable[Allow the group to consume (--no-consume-enable pauses it).]'
        '(-c --cluster)'{-c,--cluster}'[Only the master brokers of this cluster.]:cluster:'
        '(-b --broker)'{-b,--broker}'[Only this broker.]:host\:port:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion group create -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_group_update() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':group:{__mqadmin_custom_complete ---completion group update -- positional@0 "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--retry-max-times[Deliveries after which a failing message goes to the DLQ.]:retry-max-times:'
        '--retry-queues[Queues of the group'\''s %RETRY% topic.]:retry-queues:'
        '--broadcast[Allow broadcasting consumers.]'
        '--no-broadcast[Allow broadcasting consumers.]'
        '--consume-from-min[A new group starts from the min offset.]'
        '--no-consume-from-min[A new group starts from the min offset.]'
        '--orderly[Consume each queue in order (FIFO group).]'
        '--no-orderly[Consume each queue in order (FIFO group).]'
        '--consume-enable[Allow the group to consume (--no-consume-enable pauses it).]'
        '--no-consume-enable[Allow the group to consume (--no-consume-enable pauses it).]'
        '(-c --cluster)'{-c,--cluster}'[Only the master brokers of this cluster.]:cluster:'
        '(-b --broker)'{-b,--broker}'[Only this broker.]:host\:port:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion group update -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_group_set-mode() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':group:{__mqadmin_custom_complete ---completion group set-mode -- positional@0 "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-t --topic)'{-t,--topic}'[Topic the mode applies to.]:topic:'
        '(-m --mode)'{-m,--mode}'[Read mode.]:pull|pop:'
        '--pop-share-queues[POP only\: also pop the queues of the N following members.]:pop-share-queues:'
        '(-c --cluster)'{-c,--cluster}'[Only the master brokers of this cluster.]:cluster:'
        '(-b --broker)'{-b,--broker}'[Only this broker.]:host\:port:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion group set-mode -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_group_delete() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':group:{__mqadmin_custom_complete ---completion group delete -- positional@0 "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--clean-offsets[Also delete the group'\''s committed offsets.]'
        '--keep-retry-topics[Keep the group'\''s %RETRY% and %DLQ% topics.]'
        '--force[Delete even while consumers are online (they recreate it on their next heartbeat).]'
        '(-y --yes)'{-y,--yes}'[Do not ask for confirmation.]'
        '(-c --cluster)'{-c,--cluster}'[Only the master brokers of this cluster.]:cluster:'
        '(-b --broker)'{-b,--broker}'[Only this broker.]:host\:port:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion group delete -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_group_list() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '--system[Include the brokers'\'' own groups.]'
        '(-c --cluster)'{-c,--cluster}'[Only the brokers of this cluster.]:cluster:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion group list -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_group_describe() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':group:{__mqadmin_custom_complete ---completion group describe -- positional@0 "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion group describe -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_group_status() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':group:{__mqadmin_custom_complete ---completion group status -- positional@0 "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--client[Only this client id (see `group describe`).]:client:'
        '--stack[Ask for the members'\'' thread stacks.]'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion group status -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_group_doctor() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':group:{__mqadmin_custom_complete ---completion group doctor -- positional@0 "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion group doctor -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--interval[Time between the two samples (e.g. 6s; 0 for one sample).]:duration:'
        '--fail-if-lag-over[Exit 6 if the group lags more messages on a topic.]:n:'
        '--fail-if-age-over[Exit 6 if an oldest unconsumed message is older (e.g. 10m).]:duration:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_offset() {
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
            'show:Show a group'\''s offsets per queue: broker offset, committed offset, lag, last consumed time.'
            'reset:Move a group'\''s offsets on a topic; prints the plan, applies it only with --execute.'
            'undo:Restore the offsets saved before an executed reset/clone/import (plan; --execute applies).'
            'clone:Copy a group'\''s committed offsets on a topic to another group (plan; --execute applies).'
            'export:Write a group'\''s committed offsets as JSON (stdout, or --file), for `offset import`.'
            'import:Set offsets from an `offset export` file (plan; --execute applies).'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        show|reset|undo|clone|export|import)
            "_mqadmin_offset_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_mqadmin_offset_show() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':group:{__mqadmin_custom_complete ---completion offset show -- positional@0 "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-t --topic)'{-t,--topic}'[Only this topic.]:topic:{__mqadmin_custom_complete ---completion offset show -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion offset show -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_offset_reset() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':group:{__mqadmin_custom_complete ---completion offset reset -- positional@0 "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-t --topic)'{-t,--topic}'[Topic whose offsets move.]:topic:{__mqadmin_custom_complete ---completion offset reset -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--to-earliest[To the first message still stored.]'
        '--to-latest[To the end\: skip everything not consumed yet.]'
        '--to-time[To the first message stored at or after this time\: ISO-8601 (no zone\: the display zone), epoch ms, -2h (relative), now, or yyyy-MM-dd#HH\:mm\:ss\:SSS.]:time:'
        '--to-offset[To this queue offset.]:n:'
        '--shift-by[Move by N (negative replays, positive skips).]:±n:'
        '(-q --queue)'{-q,--queue}'[Only this queue id.]:queue:'
        '--broker-name[Only the queues on this broker (name, e.g. broker-a).]:broker-name:'
        '--execute[Apply the plan (without it, only print what would change).]'
        '(-y --yes)'{-y,--yes}'[Do not ask for confirmation.]'
        '--dry-run[Only print the plan (the default; for scripts that want to say so).]'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion offset reset -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_offset_undo() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '--id[Journal entry to undo (see --list).]:id:'
        '(-g --group)'{-g,--group}'[Without --id\: the newest change of this group.]:group:{__mqadmin_custom_complete ---completion offset undo -- --group "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--list[List the journal'\''s entries for this cluster or data directory instead.]'
        '--all-targets[With --list\: the entries of every cluster and data directory.]'
        '--execute[Apply the plan (without it, only print what would change).]'
        '(-y --yes)'{-y,--yes}'[Do not ask for confirmation.]'
        '--dry-run[Only print the plan (the default; for scripts that want to say so).]'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion offset undo -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_offset_clone() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':source:'
        ':destination:'
        '(-t --topic)'{-t,--topic}'[Topic whose offsets are copied.]:topic:{__mqadmin_custom_complete ---completion offset clone -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--execute[Apply the plan (without it, only print what would change).]'
        '(-y --yes)'{-y,--yes}'[Do not ask for confirmation.]'
        '--dry-run[Only print the plan (the default; for scripts that want to say so).]'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion offset clone -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_offset_export() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':group:{__mqadmin_custom_complete ---completion offset export -- positional@0 "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-t --topic)'{-t,--topic}'[Only this topic.]:topic:{__mqadmin_custom_complete ---completion offset export -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-f --file)'{-f,--file}'[Write to this file (mode 0600) instead of stdout.]:file:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion offset export -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_offset_import() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':file:'
        '(-g --group)'{-g,--group}'[Import into this group instead of the file'\''s.]:group:{__mqadmin_custom_complete ---completion offset import -- --group "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--clamp[Move offsets outside a queue'\''s range to its nearest end instead of refusing.]'
        '--execute[Apply the plan (without it, only print what would change).]'
        '(-y --yes)'{-y,--yes}'[Do not ask for confirmation.]'
        '--dry-run[Only print the plan (the default; for scripts that want to say so).]'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion offset import -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_updateSubGroup() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-g --groupName)'{-g,--groupName}'[consumer group name]:groupName:'
        '(-b --brokerAddr)'{-b,--brokerAddr}'[create subscription group to which broker]:brokerAddr:'
        '(-c --clusterName)'{-c,--clusterName}'[create subscription group to which cluster]:clusterName:'
        '(-s --consumeEnable)'{-s,--consumeEnable}'[consume enable]:consumeEnable:'
        '(-m --consumeFromMinEnable)'{-m,--consumeFromMinEnable}'[from min offset]:consumeFromMinEnable:'
        '(-d --consumeBroadcastEnable)'{-d,--consumeBroadcastEnable}'[broadcast]:consumeBroadcastEnable:'
        '(-o --consumeMessageOrderly)'{-o,--consumeMessageOrderly}'[consume message orderly]:consumeMessageOrderly:'
        '(-q --retryQueueNums)'{-q,--retryQueueNums}'[retry queue nums]:retryQueueNums:'
        '(-r --retryMaxTimes)'{-r,--retryMaxTimes}'[retry max times]:retryMaxTimes:'
        '(-p --groupRetryPolicy)'{-p,--groupRetryPolicy}'[the json string of retry policy]:groupRetryPolicy:'
        '(-i --brokerId)'{-i,--brokerId}'[consumer from which broker id]:brokerId:'
        '(-w --whichBrokerWhenConsumeSlowly)'{-w,--whichBrokerWhenConsumeSlowly}'[which broker id when consume slowly]:whichBrokerWhenConsumeSlowly:'
        '(-a --notifyConsumerIdsChanged)'{-a,--notifyConsumerIdsChanged}'[notify consumerId changed]:notifyConsumerIdsChanged:'
        '--attributes[attribute(+a=b,+c=d,-e)]:attributes:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion updateSubGroup -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_deleteSubGroup() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-g --groupName)'{-g,--groupName}'[subscription group name]:groupName:{__mqadmin_custom_complete ---completion deleteSubGroup -- --groupName "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-b --brokerAddr)'{-b,--brokerAddr}'[delete subscription group from which broker]:brokerAddr:'
        '(-c --clusterName)'{-c,--clusterName}'[delete subscription group from which cluster]:clusterName:'
        '(-r --removeOffset)'{-r,--removeOffset}'[remove offset]:removeOffset:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion deleteSubGroup -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_consumerConnection() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-g --consumerGroup)'{-g,--consumerGroup}'[consumer group name]:consumerGroup:{__mqadmin_custom_complete ---completion consumerConnection -- --consumerGroup "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-b --brokerAddr)'{-b,--brokerAddr}'[broker address]:brokerAddr:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion consumerConnection -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_consumerProgress() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-g --groupName)'{-g,--groupName}'[consumer group name]:groupName:{__mqadmin_custom_complete ---completion consumerProgress -- --groupName "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-t --topicName)'{-t,--topicName}'[topic name]:topicName:'
        '(-s --showClientIP)'{-s,--showClientIP}'[Show Client IP per Queue]:showClientIP:'
        '(-c --cluster)'{-c,--cluster}'[Cluster name or lmq parent topic, lmq is used to find the route.]:cluster:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion consumerProgress -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_resetOffsetByTime() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-g --group)'{-g,--group}'[set the consumer group]:group:{__mqadmin_custom_complete ---completion resetOffsetByTime -- --group "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-t --topic)'{-t,--topic}'[set the topic]:topic:{__mqadmin_custom_complete ---completion resetOffsetByTime -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-s --timestamp)'{-s,--timestamp}'[set the timestamp\[now|currentTimeMillis|yyyy-MM-dd#HH\:mm\:ss\:SSS\]]:timestamp:'
        '(-f --force)'{-f,--force}'[set the force rollback by timestamp switch\[true|false\]. Deprecated.]:force:'
        '(-b --broker)'{-b,--broker}'[broker addr]:broker:'
        '(-q --queue)'{-q,--queue}'[queue id]:queue:'
        '(-o --offset)'{-o,--offset}'[Expect queue offset, not support old version broker]:offset:'
        '(-c --cluster)'{-c,--cluster}'[Cluster name or lmq parent topic, lmq is used to find the route.]:cluster:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion resetOffsetByTime -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_skipAccumulatedMessage() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-g --group)'{-g,--group}'[set the consumer group]:group:{__mqadmin_custom_complete ---completion skipAccumulatedMessage -- --group "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-t --topic)'{-t,--topic}'[set the topic]:topic:{__mqadmin_custom_complete ---completion skipAccumulatedMessage -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-f --force)'{-f,--force}'[set the force rollback by timestamp switch\[true|false\]]:force:'
        '(-c --cluster)'{-c,--cluster}'[Cluster name or lmq parent topic, lmq is used to find the route.]:cluster:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion skipAccumulatedMessage -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_cloneGroupOffset() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-s --srcGroup)'{-s,--srcGroup}'[set source consumer group]:srcGroup:{__mqadmin_custom_complete ---completion cloneGroupOffset -- --srcGroup "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-d --destGroup)'{-d,--destGroup}'[set destination consumer group]:destGroup:{__mqadmin_custom_complete ---completion cloneGroupOffset -- --destGroup "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-t --topic)'{-t,--topic}'[set the topic]:topic:{__mqadmin_custom_complete ---completion cloneGroupOffset -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-o --offline)'{-o,--offline}'[the group or the topic is offline]:offline:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion cloneGroupOffset -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_brokerConsumeStats() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion brokerConsumeStats -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '(-b --brokerAddr)'{-b,--brokerAddr}'[Broker address]:brokerAddr:'
        '(-t --timeoutMillis)'{-t,--timeoutMillis}'[request timeout Millis]:timeoutMillis:'
        '(-l --level)'{-l,--level}'[threshold of print diff]:level:'
        '(-o --order)'{-o,--order}'[order topic]:order:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_updateSubGroupList() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-b --brokerAddr)'{-b,--brokerAddr}'[create groups to which broker]:brokerAddr:'
        '(-c --clusterName)'{-c,--clusterName}'[create groups to which cluster]:clusterName:'
        '(-f --filename)'{-f,--filename}'[Path to a file with a list of SubscriptionGroupConfig in json format]:filename:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion updateSubGroupList -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_getConsumerConfig() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-g --groupName)'{-g,--groupName}'[subscription group name]:groupName:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion getConsumerConfig -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_consumerStatus() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-g --consumerGroup)'{-g,--consumerGroup}'[consumer group name]:consumerGroup:{__mqadmin_custom_complete ---completion consumerStatus -- --consumerGroup "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-i --clientId)'{-i,--clientId}'[The consumer'\''s client id]:clientId:'
        '(-b --brokerAddr)'{-b,--brokerAddr}'[broker address]:brokerAddr:'
        '(-s --jstack)'{-s,--jstack}'[Run jstack command in the consumer progress]'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion consumerStatus -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_setConsumeMode() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-b --brokerAddr)'{-b,--brokerAddr}'[set the mode on this broker]:brokerAddr:'
        '(-c --clusterName)'{-c,--clusterName}'[set the mode on this cluster'\''s masters]:clusterName:'
        '(-t --topicName)'{-t,--topicName}'[topic name]:topicName:'
        '(-g --groupName)'{-g,--groupName}'[consumer group name]:groupName:{__mqadmin_custom_complete ---completion setConsumeMode -- --groupName "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-m --mode)'{-m,--mode}'[consume mode. PULL/POP]:mode:'
        '(-q --popShareQueueNum)'{-q,--popShareQueueNum}'[num of queue which share in pop mode]:popShareQueueNum:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion setConsumeMode -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_producer() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-b --broker)'{-b,--broker}'[Classic\: the broker whose producers to print.]:host\:port:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion producer -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'list:List live producers of every group (or of one) on the master brokers.'
            'describe:Describe one producer group: its live connections on each master broker.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        list|describe)
            "_mqadmin_producer_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_mqadmin_producer_list() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-g --group)'{-g,--group}'[Only this producer group.]:group:'
        '(-c --cluster)'{-c,--cluster}'[Only the master brokers of this cluster.]:cluster:'
        '(-b --broker)'{-b,--broker}'[Only this broker.]:host\:port:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion producer list -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_producer_describe() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':group:'
        '(-c --cluster)'{-c,--cluster}'[Only the master brokers of this cluster.]:cluster:'
        '(-b --broker)'{-b,--broker}'[Only this broker.]:host\:port:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion producer describe -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_producerConnection() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-g --producerGroup)'{-g,--producerGroup}'[producer group name]:producerGroup:'
        '(-t --topic)'{-t,--topic}'[topic name]:topic:{__mqadmin_custom_complete ---completion producerConnection -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion producerConnection -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_statsAll() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-a --activeTopic)'{-a,--activeTopic}'[print active topic only]'
        '(-t --topic)'{-t,--topic}'[print select topic only]:topic:{__mqadmin_custom_complete ---completion statsAll -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion statsAll -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_sendMsgStatus() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-b --brokerName)'{-b,--brokerName}'[Broker Name e.g. clusterName_brokerName as DefaultCluster_broker-a]:brokerName:'
        '(-s --messageSize)'{-s,--messageSize}'[Message Size, Default\: 128]:messageSize:'
        '(-c --count)'{-c,--count}'[send message count, Default\: 50]:count:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion sendMsgStatus -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_allocateMQ() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-t --topic)'{-t,--topic}'[topic name]:topic:{__mqadmin_custom_complete ---completion allocateMQ -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-i --ipList)'{-i,--ipList}'[ipList]:ipList:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion allocateMQ -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_message() {
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
            'send:Send one message to a topic.'
            'consume:Consume messages as a member of a consumer group, printing each as it arrives.'
            'query:Find messages by key through the brokers'\'' key index.'
            'get:Show one message: by offset message id, by message id (UNIQ_KEY) with --topic, or by queue offset.'
            'browse:Print the messages a topic stored in a time window, across its queues in store-time order.'
            'tail:Print a topic'\''s newest messages; with --follow, each new one as it arrives.'
            'resend:Give a stored message to a consumer group again: to one live client, or to the whole group.'
            'export:Write a topic'\''s messages in a time window as JSON lines (bodies base64, every property).'
            'import:Send the messages of a `message export` file to a topic (plan; --execute sends).'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        send|consume|query|get|browse|tail|resend|export|import)
            "_mqadmin_message_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_mqadmin_message_send() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion message send -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        ':topic:{__mqadmin_custom_complete ---completion message send -- positional@0 "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        ':body:'
        '*'{-k,--key}'[A message key (repeatable).]:key:'
        '--tag[The message tag.]:tag:'
        '*--property[A user property NAME=VALUE (repeatable).]:k=v:'
        '(-f --file)'{-f,--file}'[Read the body from this file ("-" = stdin).]:path:'
        '--broker[Send to a queue of this broker.]:name:'
        '(-q --queue)'{-q,--queue}'[Send to this queue id (needs --broker).]:id:'
        '--trace[Write trace records (Apache'\''s format) to the trace topic, for `trace show`.]'
        '--trace-topic[Trace topic to write to (implies --trace; default RMQ_SYS_TRACE_TOPIC).]:topic:{__mqadmin_custom_complete ---completion message send -- --trace-topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_message_consume() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar ___from=('earliest' 'latest' 'committed')
    local -ar ___body_format=('text' 'hex' 'base64')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion message consume -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        ':topic:{__mqadmin_custom_complete ---completion message consume -- positional@0 "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-g --group)'{-g,--group}'[Consumer group to consume as.]:group:{__mqadmin_custom_complete ---completion message consume -- --group "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-c --count)'{-c,--count}'[How many messages (default 1; with --follow no limit).]:count:'
        '--follow[Keep consuming until Ctrl-C (SIGINT) or SIGTERM.]'
        '--tag[Tag filter\: * or TagA || TagB.]:expr:'
        '--where[SQL92 property filter, e.g. "a > 5 AND region = '\''eu'\''".]:expr:'
        '--from[Start at the group'\''s committed offset, the earliest or the latest message.]:from:{__mqadmin_complete "${___from[@]}"}'
        '--wait[Wait this long for messages when the queues run dry (e.g. 10s).]:duration:'
        '--no-commit[Do not commit offsets afterwards.]'
        '--body-format[text, hex or base64 (default\: text if valid UTF-8, else hex).]:body-format:{__mqadmin_complete "${___body_format[@]}"}'
        '--trace[Write trace records (Apache'\''s format) to the trace topic, for `trace show`.]'
        '--trace-topic[Trace topic to write to (implies --trace; default RMQ_SYS_TRACE_TOPIC).]:topic:{__mqadmin_custom_complete ---completion message consume -- --trace-topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_message_query() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar ___body_format=('text' 'hex' 'base64')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion message query -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '(-t --topic)'{-t,--topic}'[Topic of the messages.]:topic:{__mqadmin_custom_complete ---completion message query -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-k --key)'{-k,--key}'[Message key (one of the message'\''s KEYS).]:key:'
        '--begin[Stored at or after this time\: ISO-8601 (no zone\: the display zone), epoch ms, -2h (relative), now, or yyyy-MM-dd#HH\:mm\:ss\:SSS.]:time:'
        '--end[Stored at or before this time\: ISO-8601 (no zone\: the display zone), epoch ms, -2h (relative), now, or yyyy-MM-dd#HH\:mm\:ss\:SSS.]:time:'
        '--max[At most this many messages per broker.]:max:'
        '--body-format[Body encoding in JSON\: text, hex or base64 (default\: text if UTF-8).]:body-format:{__mqadmin_complete "${___body_format[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_message_get() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar ___body_format=('text' 'hex' 'base64')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion message get -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        ':id:'
        '(-t --topic)'{-t,--topic}'[Topic (for a UNIQ_KEY, or with --broker/--queue/--offset).]:topic:{__mqadmin_custom_complete ---completion message get -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--broker[Broker name of the queue.]:broker:'
        '(-q --queue)'{-q,--queue}'[Queue id.]:queue:'
        '--offset[Queue offset.]:offset:'
        '--body-format[text, hex or base64 (default\: text if valid UTF-8, else hex).]:body-format:{__mqadmin_complete "${___body_format[@]}"}'
        '--save[Also write the body (decompressed) to this file.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_message_browse() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar ___body_format=('text' 'hex' 'base64')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion message browse -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        ':topic:{__mqadmin_custom_complete ---completion message browse -- positional@0 "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--since[First store time (inclusive)\: ISO-8601 (no zone\: the display zone), epoch ms, -2h (relative), now, or yyyy-MM-dd#HH\:mm\:ss\:SSS.]:time:'
        '--until[Store time to stop before (exclusive), same forms.]:time:'
        '--limit[At most this many messages (default 100).]:limit:'
        '(-b --broker)'{-b,--broker}'[Only this broker'\''s queues.]:broker:'
        '(-q --queue)'{-q,--queue}'[Only this queue id.]:queue:'
        '--tag[Tag filter\: * or TagA || TagB.]:expr:'
        '(-k --key)'{-k,--key}'[Only messages whose keys include this key.]:key:'
        '--where[SQL92 property filter, e.g. "a > 5 AND region = '\''eu'\''".]:expr:'
        '--body-format[text, hex or base64 (default\: text if valid UTF-8, else hex).]:body-format:{__mqadmin_complete "${___body_format[@]}"}'
        '--format[One line per message from a template\: {time} store time (display zone), {timestamp} store time in epoch ms, {born} born time, {topic}, {broker}, {queue}, {offset}, {msgId}, {offsetMsgId}, {tags}, {keys}, {body}, {size} (body bytes), {prop\:NAME} a property.]:template:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_message_tail() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar ___body_format=('text' 'hex' 'base64')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion message tail -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        ':topic:{__mqadmin_custom_complete ---completion message tail -- positional@0 "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-c --count)'{-c,--count}'[How many of the newest messages to print first (default 10, or 0 with --follow).]:count:'
        '--since[Start at this store time instead\: ISO-8601 (no zone\: the display zone), epoch ms, -2h (relative), now, or yyyy-MM-dd#HH\:mm\:ss\:SSS.]:time:'
        '--follow[Keep printing new messages until Ctrl-C (SIGINT) or SIGTERM.]'
        '(-b --broker)'{-b,--broker}'[Only this broker'\''s queues.]:broker:'
        '(-q --queue)'{-q,--queue}'[Only this queue id.]:queue:'
        '--tag[Tag filter\: * or TagA || TagB.]:expr:'
        '(-k --key)'{-k,--key}'[Only messages whose keys include this key.]:key:'
        '--where[SQL92 property filter, e.g. "a > 5 AND region = '\''eu'\''".]:expr:'
        '--body-format[text, hex or base64 (default\: text if valid UTF-8, else hex).]:body-format:{__mqadmin_complete "${___body_format[@]}"}'
        '--format[One line per message from a template\: {time} store time (display zone), {timestamp} store time in epoch ms, {born} born time, {topic}, {broker}, {queue}, {offset}, {msgId}, {offsetMsgId}, {tags}, {keys}, {body}, {size} (body bytes), {prop\:NAME} a property.]:template:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_message_resend() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion message resend -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        ':id:'
        '(-g --group)'{-g,--group}'[Consumer group to give it to.]:group:{__mqadmin_custom_complete ---completion message resend -- --group "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-t --topic)'{-t,--topic}'[Topic (needed for a UNIQ_KEY).]:topic:{__mqadmin_custom_complete ---completion message resend -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--client[Push it to this client of the group (see `group describe`).]:client-id:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_message_export() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion message export -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        ':topic:{__mqadmin_custom_complete ---completion message export -- positional@0 "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--since[First store time (inclusive)\: ISO-8601 (no zone\: the display zone), epoch ms, -2h (relative), now, or yyyy-MM-dd#HH\:mm\:ss\:SSS.]:time:'
        '--until[Store time to stop before (exclusive), same forms.]:time:'
        '(-b --broker)'{-b,--broker}'[Only this broker'\''s queues.]:broker:'
        '(-q --queue)'{-q,--queue}'[Only this queue id.]:queue:'
        '(-k --key)'{-k,--key}'[Only messages whose keys include this key.]:key:'
        '--tag[Tag filter\: * or TagA || TagB.]:expr:'
        '(-f --file)'{-f,--file}'[Write to this file ("-" = stdout).]:path:'
        '--limit[At most this many messages (default 100000).]:limit:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_message_import() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion message import -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        ':topic:{__mqadmin_custom_complete ---completion message import -- positional@0 "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-f --file)'{-f,--file}'[A `message export` file ("-" = stdin).]:path:'
        '--execute[Apply the plan (without it, only print what would change).]'
        '(-y --yes)'{-y,--yes}'[Do not ask for confirmation.]'
        '--dry-run[Only print the plan (the default; for scripts that want to say so).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_backlog() {
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
            'report:Report every group'\''s backlog per topic: lag in messages and in time, TPS, consumers, status.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        report)
            "_mqadmin_backlog_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_mqadmin_backlog_report() {
    local -i ret=1
    local -ar ___output=('table' 'json' 'prometheus')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion backlog report -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table, json or prometheus.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '(-g --group)'{-g,--group}'[Only this consumer group.]:group:{__mqadmin_custom_complete ---completion backlog report -- --group "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-t --topic)'{-t,--topic}'[Only this topic.]:topic:{__mqadmin_custom_complete ---completion backlog report -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--queues[One row per queue (in JSON\: add each row'\''s queues).]'
        '--window[Time between the two samples (e.g. 6s; 0 for one sample).]:duration:'
        '--watch[Refresh every SECONDS until Ctrl-C.]:seconds:'
        '--fail-if-lag-over[Exit 6 if a group/topic lags more messages.]:n:'
        '--fail-if-age-over[Exit 6 if an oldest unconsumed message is older (e.g. 10m).]:duration:'
        '--risk-margin[AT_RISK when this close to the retention age (default\: 20% of it).]:duration:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_dlq() {
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
            'list:List the messages in a consumer group'\''s dead-letter queue, oldest first.'
            'resend:Resend a group'\''s dead-letter messages to their original topics (plan; --execute resends).'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        list|resend)
            "_mqadmin_dlq_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_mqadmin_dlq_list() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion dlq list -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        ':group:{__mqadmin_custom_complete ---completion dlq list -- positional@0 "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--since[First DLQ store time (inclusive)\: ISO-8601 (no zone\: the display zone), epoch ms, -2h (relative), now, or yyyy-MM-dd#HH\:mm\:ss\:SSS.]:time:'
        '--until[DLQ store time to stop before (exclusive), same forms.]:time:'
        '(-k --key)'{-k,--key}'[Only messages whose keys include this key.]:key:'
        '--limit[At most this many messages (default 100).]:limit:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_dlq_resend() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion dlq resend -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        ':group:{__mqadmin_custom_complete ---completion dlq resend -- positional@0 "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--since[First DLQ store time (inclusive)\: ISO-8601 (no zone\: the display zone), epoch ms, -2h (relative), now, or yyyy-MM-dd#HH\:mm\:ss\:SSS.]:time:'
        '--until[DLQ store time to stop before (exclusive), same forms.]:time:'
        '(-k --key)'{-k,--key}'[Only messages whose keys include this key.]:key:'
        '--limit[At most this many messages per run (default 10000).]:limit:'
        '--retry-uncertain[Also resend messages an interrupted run may or may not have resent (same new message id).]'
        '--execute[Apply the plan (without it, only print what would change).]'
        '(-y --yes)'{-y,--yes}'[Do not ask for confirmation.]'
        '--dry-run[Only print the plan (the default; for scripts that want to say so).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_sendMessage() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion sendMessage -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '(-t --topic)'{-t,--topic}'[Topic name]:topic:{__mqadmin_custom_complete ---completion sendMessage -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-p --body)'{-p,--body}'[UTF-8 string format of the message body]:body:'
        '(-k --key)'{-k,--key}'[Message keys (space-separated)]:key:'
        '(-c --tags)'{-c,--tags}'[Message tags]:tags:'
        '(-b --broker)'{-b,--broker}'[Send message to target broker]:broker:'
        '(-i --qid)'{-i,--qid}'[Send message to target queue]:qid:'
        '(-m --msgTraceEnable)'{-m,--msgTraceEnable}'[Message trace\: true writes a Pub trace record]:msgTraceEnable:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_queryMsgByKey() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion queryMsgByKey -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '(-t --topic)'{-t,--topic}'[topic name]:topic:{__mqadmin_custom_complete ---completion queryMsgByKey -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-k --msgKey)'{-k,--msgKey}'[Message Key]:msgKey:'
        '(-b --beginTimestamp)'{-b,--beginTimestamp}'[Begin timestamp (ms, ISO-8601 or -2h)]:beginTimestamp:'
        '(-e --endTimestamp)'{-e,--endTimestamp}'[End timestamp (ms, ISO-8601 or -2h)]:endTimestamp:'
        '(-m --maxNum)'{-m,--maxNum}'[The maximum number of messages returned]:maxNum:'
        '(-c --cluster)'{-c,--cluster}'[Cluster name (accepted; the route decides)]:cluster:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_queryMsgById() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion queryMsgById -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '(-t --topic)'{-t,--topic}'[topic name]:topic:{__mqadmin_custom_complete ---completion queryMsgById -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-i --msgId)'{-i,--msgId}'[Message Id (comma-separated for several)]:msgId:'
        '(-f --bodyFormat)'{-f,--bodyFormat}'[Print the body in this charset (UTF-8 only)]:bodyFormat:'
        '(-c --cluster)'{-c,--cluster}'[Cluster name (accepted; the route decides)]:cluster:'
        '(-g --consumerGroup)'{-g,--consumerGroup}'[consumer group name (with -d)]:consumerGroup:{__mqadmin_custom_complete ---completion queryMsgById -- --consumerGroup "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-d --clientId)'{-d,--clientId}'[The consumer'\''s client id (with -g)]:clientId:'
        '(-s --sendMessage)'{-s,--sendMessage}'[resend message (true\: send it again)]:sendMessage:'
        '(-u --unitName)'{-u,--unitName}'[unit name (accepted; no unit mode)]:unitName:'
        '--body-dir[Write bodies here (Apache\: /tmp/rocketmq/msgbodys).]:dir:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_queryMsgByUniqueKey() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion queryMsgByUniqueKey -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '(-i --msgId)'{-i,--msgId}'[Message Id]:msgId:'
        '(-t --topic)'{-t,--topic}'[The topic of msg]:topic:{__mqadmin_custom_complete ---completion queryMsgByUniqueKey -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-a --showAll)'{-a,--showAll}'[Print all message, the limit is 32]'
        '(-c --cluster)'{-c,--cluster}'[Cluster name (accepted; the route decides)]:cluster:'
        '--body-dir[Write bodies here (Apache\: /tmp/rocketmq/msgbodys).]:dir:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_queryMsgByOffset() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion queryMsgByOffset -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '(-t --topic)'{-t,--topic}'[topic name]:topic:{__mqadmin_custom_complete ---completion queryMsgByOffset -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-b --brokerName)'{-b,--brokerName}'[Broker Name]:brokerName:'
        '(-i --queueId)'{-i,--queueId}'[Queue Id]:queueId:'
        '(-o --offset)'{-o,--offset}'[Queue Offset]:offset:'
        '(-f --bodyFormat)'{-f,--bodyFormat}'[Print the body in this charset (UTF-8 only)]:bodyFormat:'
        '--body-dir[Write bodies here (Apache\: /tmp/rocketmq/msgbodys).]:dir:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_checkMsgSendRT() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion checkMsgSendRT -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '(-t --topic)'{-t,--topic}'[topic name]:topic:{__mqadmin_custom_complete ---completion checkMsgSendRT -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-a --amount)'{-a,--amount}'[message amount | default 100]:amount:'
        '(-s --size)'{-s,--size}'[message size | default 128 Byte]:size:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_queryCq() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion queryCq -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '(-t --topic)'{-t,--topic}'[topic name]:topic:{__mqadmin_custom_complete ---completion queryCq -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-q --queue)'{-q,--queue}'[queue num, ie. 1]:queue:'
        '(-i --index)'{-i,--index}'[start queue index.]:index:'
        '(-c --count)'{-c,--count}'[how many.]:count:'
        '(-b --broker)'{-b,--broker}'[broker addr.]:broker:'
        '(-g --consumer)'{-g,--consumer}'[consumer group.]:consumer:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_printMsg() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion printMsg -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '(-t --topic)'{-t,--topic}'[topic name]:topic:{__mqadmin_custom_complete ---completion printMsg -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-c --charsetName)'{-c,--charsetName}'[CharsetName (UTF-8 only)]:charsetName:'
        '(-s --subExpression)'{-s,--subExpression}'[Subscribe Expression(eg\: TagA || TagB)]:subExpression:'
        '(-b --beginTimestamp)'{-b,--beginTimestamp}'[Begin timestamp\[currentTimeMillis|yyyy-MM-dd#HH\:mm\:ss\:SSS\]]:beginTimestamp:'
        '(-e --endTimestamp)'{-e,--endTimestamp}'[End timestamp\[currentTimeMillis|yyyy-MM-dd#HH\:mm\:ss\:SSS\]]:endTimestamp:'
        '(-d --printBody)'{-d,--printBody}'[print body (default true)]:printBody:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_printMsgByQueue() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion printMsgByQueue -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '(-t --topic)'{-t,--topic}'[topic name]:topic:{__mqadmin_custom_complete ---completion printMsgByQueue -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-a --brokerName)'{-a,--brokerName}'[broker name]:brokerName:'
        '(-i --queueId)'{-i,--queueId}'[queue id]:queueId:'
        '(-c --charsetName)'{-c,--charsetName}'[CharsetName (UTF-8 only)]:charsetName:'
        '(-s --subExpression)'{-s,--subExpression}'[Subscribe Expression(eg\: TagA || TagB)]:subExpression:'
        '(-b --beginTimestamp)'{-b,--beginTimestamp}'[Begin timestamp\[currentTimeMillis|yyyy-MM-dd#HH\:mm\:ss\:SSS\]]:beginTimestamp:'
        '(-e --endTimestamp)'{-e,--endTimestamp}'[End timestamp\[currentTimeMillis|yyyy-MM-dd#HH\:mm\:ss\:SSS\]]:endTimestamp:'
        '(-p --printMsg)'{-p,--printMsg}'[print msg. eg\: true | false(default)]:printMsg:'
        '(-d --printBody)'{-d,--printBody}'[print body. eg\: true | false(default)]:printBody:'
        '(-f --calculate)'{-f,--calculate}'[calculate by tag. eg\: true | false(default)]:calculate:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_consumeMessage() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion consumeMessage -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '(-t --topic)'{-t,--topic}'[Topic name]:topic:{__mqadmin_custom_complete ---completion consumeMessage -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-b --brokerName)'{-b,--brokerName}'[Broker name]:brokerName:'
        '(-i --queueId)'{-i,--queueId}'[Queue Id]:queueId:'
        '(-o --offset)'{-o,--offset}'[Queue offset]:offset:'
        '(-g --consumerGroup)'{-g,--consumerGroup}'[Consumer group name]:consumerGroup:{__mqadmin_custom_complete ---completion consumeMessage -- --consumerGroup "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-s --beginTimestamp)'{-s,--beginTimestamp}'[Begin timestamp\[currentTimeMillis|yyyy-MM-dd#HH\:mm\:ss\:SSS\]]:beginTimestamp:'
        '(-e --endTimestamp)'{-e,--endTimestamp}'[End timestamp\[currentTimeMillis|yyyy-MM-dd#HH\:mm\:ss\:SSS\]]:endTimestamp:'
        '(-c --MessageNumber)'{-c,--MessageNumber}'[Number of message to be consumed]:MessageNumber:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_user() {
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
            'create:Create a user on every broker of the cluster.'
            'update:Change a user'\''s type, status or password on every broker.'
            'delete:Delete a user and its ACL from every broker.'
            'get:Show a user (never its password) as every master broker has it.'
            'list:List users (never their passwords) of every master broker.'
            'copy:Copy users, with their passwords, from one broker to another.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        create|update|delete|get|list|copy)
            "_mqadmin_user_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_mqadmin_user_create() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':username:'
        '(-t --type)'{-t,--type}'[Super or Normal.]:type:'
        '--password-stdin[Read the password from the first line of standard input.]'
        '--password-file[Read the password from the first line of this file.]:file:'
        '(-c --cluster)'{-c,--cluster}'[Cluster whose brokers to use (default\: the only cluster the name server knows).]:cluster:'
        '(-b --broker)'{-b,--broker}'[Only this broker.]:host\:port:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion user create -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_user_update() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':username:'
        '(-t --type)'{-t,--type}'[Super or Normal.]:type:'
        '(-s --status)'{-s,--status}'[enable or disable.]:status:'
        '--password-prompt[Ask for a new password on the terminal.]'
        '--password-stdin[Read the password from the first line of standard input.]'
        '--password-file[Read the password from the first line of this file.]:file:'
        '(-c --cluster)'{-c,--cluster}'[Cluster whose brokers to use (default\: the only cluster the name server knows).]:cluster:'
        '(-b --broker)'{-b,--broker}'[Only this broker.]:host\:port:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion user update -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_user_delete() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':username:'
        '(-y --yes)'{-y,--yes}'[Do not ask for confirmation.]'
        '(-c --cluster)'{-c,--cluster}'[Cluster whose brokers to use (default\: the only cluster the name server knows).]:cluster:'
        '(-b --broker)'{-b,--broker}'[Only this broker.]:host\:port:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion user delete -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_user_get() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':username:'
        '(-c --cluster)'{-c,--cluster}'[Cluster whose brokers to use (default\: the only cluster the name server knows).]:cluster:'
        '(-b --broker)'{-b,--broker}'[Only this broker.]:host\:port:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion user get -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_user_list() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-f --filter)'{-f,--filter}'[Only usernames containing this.]:filter:'
        '(-c --cluster)'{-c,--cluster}'[Cluster whose brokers to use (default\: the only cluster the name server knows).]:cluster:'
        '(-b --broker)'{-b,--broker}'[Only this broker.]:host\:port:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion user list -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_user_copy() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '*:usernames:'
        '--from[The broker to copy from.]:host\:port:'
        '--to[The broker to copy to.]:host\:port:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion user copy -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_acl() {
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
            'create:Grant or deny actions on resources to a user, on every broker.'
            'update:Change a user'\''s entries for the given resources, on every broker (same as create).'
            'delete:Delete a user'\''s ACL (or only one resource'\''s entry) from every broker.'
            'get:Show a user'\''s ACL on every master broker.'
            'list:List ACLs of every master broker.'
            'explain:Explain whether a user may do an action on a resource: the decision, the entry that decided, and the closest entry that would allow it.'
            'copy:Copy ACLs from one broker to another.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        create|update|delete|get|list|explain|copy)
            "_mqadmin_acl_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_mqadmin_acl_create() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-s --subject)'{-s,--subject}'[User\:NAME (or just NAME).]:subject:'
        '*'{-r,--resource}'[Topic\:NAME, Group\:NAME, Cluster\:NAME, Type\:prefix* or * (repeatable or comma-separated).]:resource:'
        '*'{-a,--action}'[Pub, Sub, Create, Update, Delete, Get, List or All (repeatable or comma-separated).]:action:'
        '(-d --decision)'{-d,--decision}'[Allow or Deny.]:decision:'
        '*'{-i,--source-ip}'[Only from these IPs or CIDR blocks (repeatable or comma-separated).]:ip:'
        '(-c --cluster)'{-c,--cluster}'[Cluster whose brokers to use (default\: the only cluster the name server knows).]:cluster:'
        '(-b --broker)'{-b,--broker}'[Only this broker.]:host\:port:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion acl create -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_acl_update() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-s --subject)'{-s,--subject}'[User\:NAME (or just NAME).]:subject:'
        '*'{-r,--resource}'[Topic\:NAME, Group\:NAME, Cluster\:NAME, Type\:prefix* or * (repeatable or comma-separated).]:resource:'
        '*'{-a,--action}'[Pub, Sub, Create, Update, Delete, Get, List or All (repeatable or comma-separated).]:action:'
        '(-d --decision)'{-d,--decision}'[Allow or Deny.]:decision:'
        '*'{-i,--source-ip}'[Only from these IPs or CIDR blocks (repeatable or comma-separated).]:ip:'
        '(-c --cluster)'{-c,--cluster}'[Cluster whose brokers to use (default\: the only cluster the name server knows).]:cluster:'
        '(-b --broker)'{-b,--broker}'[Only this broker.]:host\:port:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion acl update -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_acl_delete() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-s --subject)'{-s,--subject}'[User\:NAME (or just NAME).]:subject:'
        '(-r --resource)'{-r,--resource}'[Only this resource'\''s entry.]:resource:'
        '(-y --yes)'{-y,--yes}'[Do not ask for confirmation.]'
        '(-c --cluster)'{-c,--cluster}'[Cluster whose brokers to use (default\: the only cluster the name server knows).]:cluster:'
        '(-b --broker)'{-b,--broker}'[Only this broker.]:host\:port:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion acl delete -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_acl_get() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-s --subject)'{-s,--subject}'[User\:NAME (or just NAME).]:subject:'
        '(-c --cluster)'{-c,--cluster}'[Cluster whose brokers to use (default\: the only cluster the name server knows).]:cluster:'
        '(-b --broker)'{-b,--broker}'[Only this broker.]:host\:port:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion acl get -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_acl_list() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '--subject-filter[Only subjects containing this.]:subject-filter:'
        '--resource-filter[Only entries whose resource contains this.]:resource-filter:'
        '(-c --cluster)'{-c,--cluster}'[Cluster whose brokers to use (default\: the only cluster the name server knows).]:cluster:'
        '(-b --broker)'{-b,--broker}'[Only this broker.]:host\:port:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion acl list -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_acl_explain() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-u --user)'{-u,--user}'[Username (or User\:NAME).]:user:'
        '(-r --resource)'{-r,--resource}'[e.g. Topic\:orders or Group\:g1.]:resource:'
        '(-a --action)'{-a,--action}'[e.g. Pub (several, comma-separated\: any one suffices).]:action:'
        '(-i --source-ip)'{-i,--source-ip}'[The client'\''s IP address.]:source-ip:'
        '(-c --cluster)'{-c,--cluster}'[Cluster whose brokers to use (default\: the only cluster the name server knows).]:cluster:'
        '(-b --broker)'{-b,--broker}'[Only this broker.]:host\:port:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion acl explain -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_acl_copy() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '*:subjects:'
        '--from[The broker to copy from.]:host\:port:'
        '--to[The broker to copy to.]:host\:port:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion acl copy -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_createUser() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-c --clusterName)'{-c,--clusterName}'[the cluster (every broker of it)]:clusterName:'
        '(-b --brokerAddr)'{-b,--brokerAddr}'[one broker]:brokerAddr:'
        '(-u --username)'{-u,--username}'[the username of user to create.]:username:'
        '(-p --password)'{-p,--password}'[refused unless --insecure-password-arg]:password:'
        '(-t --userType)'{-t,--userType}'[the userType of user to create]:userType:'
        '--password-stdin[Read the password from the first line of standard input.]'
        '--password-file[Read the password from the first line of this file.]:file:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion createUser -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_updateUser() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-c --clusterName)'{-c,--clusterName}'[the cluster (every broker of it)]:clusterName:'
        '(-b --brokerAddr)'{-b,--brokerAddr}'[one broker]:brokerAddr:'
        '(-u --username)'{-u,--username}'[the username of user to update.]:username:'
        '(-p --password)'{-p,--password}'[refused unless --insecure-password-arg]:password:'
        '(-t --userType)'{-t,--userType}'[the userType of user to update]:userType:'
        '(-s --userStatus)'{-s,--userStatus}'[the userStatus of user to update]:userStatus:'
        '--password-stdin[Read the password from the first line of standard input.]'
        '--password-file[Read the password from the first line of this file.]:file:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion updateUser -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_deleteUser() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-c --clusterName)'{-c,--clusterName}'[the cluster (every broker of it)]:clusterName:'
        '(-b --brokerAddr)'{-b,--brokerAddr}'[one broker]:brokerAddr:'
        '(-u --username)'{-u,--username}'[the username of user to delete.]:username:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion deleteUser -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_getUser() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-c --clusterName)'{-c,--clusterName}'[the cluster (every broker of it)]:clusterName:'
        '(-b --brokerAddr)'{-b,--brokerAddr}'[one broker]:brokerAddr:'
        '(-u --username)'{-u,--username}'[the username of user to get]:username:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion getUser -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_listUser() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-c --clusterName)'{-c,--clusterName}'[the cluster (every broker of it)]:clusterName:'
        '(-b --brokerAddr)'{-b,--brokerAddr}'[one broker]:brokerAddr:'
        '(-f --filter)'{-f,--filter}'[the filter to list users]:filter:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion listUser -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_createAcl() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-c --clusterName)'{-c,--clusterName}'[the cluster (every broker of it)]:clusterName:'
        '(-b --brokerAddr)'{-b,--brokerAddr}'[one broker]:brokerAddr:'
        '(-s --subject)'{-s,--subject}'[the subject of acl (User\:NAME)]:subject:'
        '(-r --resources)'{-r,--resources}'[the resources of acl (comma-separated)]:resources:'
        '(-a --actions)'{-a,--actions}'[the actions of acl (comma-separated)]:actions:'
        '(-d --decision)'{-d,--decision}'[the decision of acl (Allow|Deny)]:decision:'
        '(-i --sourceIp)'{-i,--sourceIp}'[the sourceIps of acl (comma-separated)]:sourceIp:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion createAcl -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_updateAcl() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-c --clusterName)'{-c,--clusterName}'[the cluster (every broker of it)]:clusterName:'
        '(-b --brokerAddr)'{-b,--brokerAddr}'[one broker]:brokerAddr:'
        '(-s --subject)'{-s,--subject}'[the subject of acl (User\:NAME)]:subject:'
        '(-r --resources)'{-r,--resources}'[the resources of acl (comma-separated)]:resources:'
        '(-a --actions)'{-a,--actions}'[the actions of acl (comma-separated)]:actions:'
        '(-d --decision)'{-d,--decision}'[the decision of acl (Allow|Deny)]:decision:'
        '(-i --sourceIp)'{-i,--sourceIp}'[the sourceIps of acl (comma-separated)]:sourceIp:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion updateAcl -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_deleteAcl() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-c --clusterName)'{-c,--clusterName}'[the cluster (every broker of it)]:clusterName:'
        '(-b --brokerAddr)'{-b,--brokerAddr}'[one broker]:brokerAddr:'
        '(-s --subject)'{-s,--subject}'[the subject of acl to delete.]:subject:'
        '(-r --resources)'{-r,--resources}'[the resources of acl to delete]:resources:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion deleteAcl -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_getAcl() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-c --clusterName)'{-c,--clusterName}'[the cluster (every broker of it)]:clusterName:'
        '(-b --brokerAddr)'{-b,--brokerAddr}'[one broker]:brokerAddr:'
        '(-s --subject)'{-s,--subject}'[the subject of acl to get]:subject:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion getAcl -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_listAcl() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-c --clusterName)'{-c,--clusterName}'[the cluster (every broker of it)]:clusterName:'
        '(-b --brokerAddr)'{-b,--brokerAddr}'[one broker]:brokerAddr:'
        '(-s --subject)'{-s,--subject}'[the subject of acl to filter.]:subject:'
        '(-r --resource)'{-r,--resource}'[the resource of acl to filter.]:resource:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion listAcl -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_copyUser() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-f --fromBroker)'{-f,--fromBroker}'[the source broker that the users copy from]:fromBroker:'
        '(-t --toBroker)'{-t,--toBroker}'[the target broker that the users copy to]:toBroker:'
        '(-u --usernames)'{-u,--usernames}'[the username list of user to copy.]:usernames:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion copyUser -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_copyAcl() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-f --fromBroker)'{-f,--fromBroker}'[the source broker that the acls copy from]:fromBroker:'
        '(-t --toBroker)'{-t,--toBroker}'[the target broker that the acls copy to]:toBroker:'
        '(-s --subjects)'{-s,--subjects}'[the subject list of acl to copy.]:subjects:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion copyAcl -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_trace() {
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
            'show:Show a message'\''s trace as a timeline: produced, stored, and consumed by each group.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        show)
            "_mqadmin_trace_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_mqadmin_trace_show() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion trace show -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        ':msgid:'
        '(-t --topic)'{-t,--topic}'[The message'\''s topic (needed with --key).]:topic:{__mqadmin_custom_complete ---completion trace show -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-k --key)'{-k,--key}'[Find the messages by this key (with --topic).]:key:'
        '--trace-topic[Topic the traces were written to.]:topic:{__mqadmin_custom_complete ---completion trace show -- --trace-topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--begin[Traces stored at or after this time\: ISO-8601 (no zone\: the display zone), epoch ms, -2h (relative), now, or yyyy-MM-dd#HH\:mm\:ss\:SSS.]:time:'
        '--end[Traces stored at or before this time\: ISO-8601 (no zone\: the display zone), epoch ms, -2h (relative), now, or yyyy-MM-dd#HH\:mm\:ss\:SSS.]:time:'
        '--max[At most this many trace messages per broker.]:max:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_queryMsgTraceById() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion queryMsgTraceById -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '--output[Output format\: table (Apache'\''s layout) or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '(-i --msgId)'{-i,--msgId}'[Message Id]:msgId:'
        '(-t --traceTopic)'{-t,--traceTopic}'[The name value of message trace topic]:traceTopic:{__mqadmin_custom_complete ---completion queryMsgTraceById -- --traceTopic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-b --beginTimestamp)'{-b,--beginTimestamp}'[Begin timestamp (ms, ISO-8601 or -2h). default\: 0]:beginTimestamp:'
        '(-e --endTimestamp)'{-e,--endTimestamp}'[End timestamp (ms, ISO-8601 or -2h). default\: no end]:endTimestamp:'
        '(-c --maxNum)'{-c,--maxNum}'[The maximum number of messages returned by the query, default\: 64]:maxNum:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_transaction() {
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
            'list:List pending transactional (half) messages: topic, keys, producer group, age, checks, next check.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        list)
            "_mqadmin_transaction_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_mqadmin_transaction_list() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion transaction list -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '(-t --topic)'{-t,--topic}'[Only half messages of this topic.]:topic:{__mqadmin_custom_complete ---completion transaction list -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-g --group)'{-g,--group}'[Only half messages of this producer group.]:group:'
        '(-c --cluster)'{-c,--cluster}'[Only the masters of this cluster.]:cluster:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_timer() {
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
            'list:Show which timer messages fire next, per topic and minute.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        list)
            "_mqadmin_timer_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_mqadmin_timer_list() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-t --topic)'{-t,--topic}'[Only timer messages for this topic.]:topic:'
        '--within[Only what fires within this time from now (e.g. 30m, 1h, 2d).]:duration:'
        '(-c --cluster)'{-c,--cluster}'[Only the brokers of this cluster.]:cluster:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion timer list -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_metadata() {
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
            'export:Write the topics and groups of a cluster (optionally offsets, users and ACLs) as YAML or JSON.'
            'apply:Plan (and with --execute make) the changes that make a cluster match a metadata file.'
            'undo:Put back what an executed `metadata apply` changed (plan; --execute applies).'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        export|apply|undo)
            "_mqadmin_metadata_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_mqadmin_metadata_export() {
    local -i ret=1
    local -ar ___format=('yaml' 'json')
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-f --file)'{-f,--file}'[Write to this file (mode 0600) instead of stdout.]:file:'
        '--format[yaml or json (default\: from --file'\''s extension, else yaml).]:format:{__mqadmin_complete "${___format[@]}"}'
        '(-c --cluster)'{-c,--cluster}'[The cluster to export (needed with several).]:cluster:'
        '--with-offsets[Also export every exported group'\''s committed offsets.]'
        '--with-auth[Also export users (without passwords) and ACLs.]'
        '--include-system[Keep system topics and groups (retry, DLQ, the brokers'\'' own).]'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion metadata export -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_metadata_apply() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':file:_files -g '\''*.yaml *.yml *.json'\'''
        '--prune[Also delete topics, groups, users (never Super users) and ACLs the file does not name.]'
        '--check[Only report drift\: exit 1 when the plan is not empty, 0 when the cluster matches.]'
        '--credentials-file[A YAML/JSON file of `user\: password` for users to create.]:credentials-file:'
        '(-c --cluster)'{-c,--cluster}'[The cluster to change (needed with several).]:cluster:'
        '--execute[Apply the plan (without it, only print what would change).]'
        '(-y --yes)'{-y,--yes}'[Do not ask for confirmation.]'
        '--dry-run[Only print the plan (the default; for scripts that want to say so).]'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion metadata apply -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_metadata_undo() {
    local -i ret=1
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        ':id:'
        '--list[List this cluster'\''s metadata journal entries instead.]'
        '--credentials-file[A YAML/JSON file of `user\: password` for deleted users to recreate.]:credentials-file:'
        '--execute[Apply the plan (without it, only print what would change).]'
        '(-y --yes)'{-y,--yes}'[Do not ask for confirmation.]'
        '--dry-run[Only print the plan (the default; for scripts that want to say so).]'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion metadata undo -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_bench() {
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
            'produce:Send messages as fast as answers come (or at --rate) and report throughput and send latency.'
            'consume:Consume a topic with push consumers and report throughput and delivery lag.'
            'e2e:Produce and consume together and report end-to-end latency, lost and duplicate messages.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        produce|consume|e2e)
            "_mqadmin_bench_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_mqadmin_bench_produce() {
    local -i ret=1
    local -ar ___mode=('sync' 'async' 'oneway')
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '--size[Body bytes per message.]:bytes:'
        '--rate[Target messages per second over all producers (0\: open loop).]:msg/s:'
        '--producers[Concurrent producers.]:n:'
        '--batch[Messages per send (a batch above 1).]:n:'
        '(-m --mode)'{-m,--mode}'[sync (one send at a time per producer), async (--inflight at a time) or oneway (no answer).]:mode:{__mqadmin_complete "${___mode[@]}"}'
        '--inflight[Sends in flight per producer with --mode async.]:n:'
        '--keys[Give every message a unique key (KEYS, which the broker indexes).]'
        '--count[Stop after this many measured messages.]:n:'
        '--duration[Stop after this long (default 10s).]:duration:'
        '--warmup[Run this long first, left out of the figures (0 for none).]:duration:'
        '--progress[Print a progress line on stderr every second (the default when stderr is a terminal).]'
        '(-t --topic)'{-t,--topic}'[Use this existing topic (kept) instead of creating one.]:topic:{__mqadmin_custom_complete ---completion bench produce -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--queues[Queues per master of the topic it creates.]:n:'
        '--keep-topic[Keep the topic it creates.]'
        '(-c --cluster)'{-c,--cluster}'[Create the topic on this cluster'\''s masters.]:cluster:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion bench produce -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_bench_consume() {
    local -i ret=1
    local -ar ___from=('first' 'last')
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '(-t --topic)'{-t,--topic}'[The topic to consume (required\: consume reads what exists).]:topic:{__mqadmin_custom_complete ---completion bench consume -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '(-g --group)'{-g,--group}'[Consume as this group (kept) instead of a new one.]:group:'
        '--consumers[Concurrent consumers in the group.]:n:'
        '--from[Where a new group starts\: first (the queues'\'' first messages) or last (what arrives).]:from:{__mqadmin_complete "${___from[@]}"}'
        '--count[Stop after this many measured messages.]:n:'
        '--duration[Stop after this long (default 10s).]:duration:'
        '--warmup[Run this long first, left out of the figures (0 for none).]:duration:'
        '--progress[Print a progress line on stderr every second (the default when stderr is a terminal).]'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion bench consume -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mqadmin_bench_e2e() {
    local -i ret=1
    local -ar ___mode=('sync' 'async' 'oneway')
    local -ar ___output=('table' 'json')
    local -ar arg_specs=(
        '--size[Body bytes per message.]:bytes:'
        '--rate[Target messages per second over all producers (0\: open loop).]:msg/s:'
        '--producers[Concurrent producers.]:n:'
        '--batch[Messages per send (a batch above 1).]:n:'
        '(-m --mode)'{-m,--mode}'[sync (one send at a time per producer), async (--inflight at a time) or oneway (no answer).]:mode:{__mqadmin_complete "${___mode[@]}"}'
        '--inflight[Sends in flight per producer with --mode async.]:n:'
        '--keys[Give every message a unique key (KEYS, which the broker indexes).]'
        '--count[Stop after this many measured messages.]:n:'
        '--duration[Stop after this long (default 10s).]:duration:'
        '--warmup[Run this long first, left out of the figures (0 for none).]:duration:'
        '--progress[Print a progress line on stderr every second (the default when stderr is a terminal).]'
        '(-t --topic)'{-t,--topic}'[Use this existing topic (kept) instead of creating one.]:topic:{__mqadmin_custom_complete ---completion bench e2e -- --topic "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--queues[Queues per master of the topic it creates.]:n:'
        '--keep-topic[Keep the topic it creates.]'
        '(-c --cluster)'{-c,--cluster}'[Create the topic on this cluster'\''s masters.]:cluster:'
        '--consumers[Concurrent consumers in the group.]:n:'
        '--drain[How long to wait for acknowledged messages after the last send.]:duration:'
        '(-n --namesrv --namesrvAddr)'{-n,--namesrv,--namesrvAddr}'[Name server address(es), '\'';'\''-separated (env NAMESRV_ADDR).]:addr:'
        '--context[Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.]:name:{__mqadmin_custom_complete ---completion bench e2e -- --context "${current_word_index}" "$(__mqadmin_cursor_index_in_current_word)"}'
        '--timeout[Timeout of each request to the cluster, in milliseconds.]:ms:'
        '--data[Data directory of the bundled broker (env MQADMIN_DATA).]:dir:'
        '--access-key[ACL user to sign requests as (env MQADMIN_ACCESS_KEY).]:user:'
        '--secret-key-file[File whose first line is the user'\''s secret (env MQADMIN_SECRET_KEY).]:file:'
        '--secret-key-stdin[Read the user'\''s secret from the first line of standard input.]'
        '--secret-key[The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.]:secret:'
        '--insecure-password-arg[Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.]'
        '(-o --output)'{-o,--output}'[Output format\: table or json.]:output:{__mqadmin_complete "${___output[@]}"}'
        '--utc[Print and read times in UTC (default\: MQADMIN_TZ, else the local time zone).]'
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

# mqadmin: options every command takes may stand before the subcommand; they are moved behind the word
# being completed, where the generated parser does not look but the custom completion sees them.
_mqadmin() {
    local -ar with_value=(--access-key --context --data --namesrv --namesrvAddr --output --secret-key --secret-key-file --timeout -n -o)
    local -ar flags=(--insecure-password-arg --secret-key-stdin --utc)
    local -a moved=()
    while ((CURRENT > 2)); do
        local word="${words[2]}"
        if ((${flags[(Ie)${word}]})) || { [[ "${word}" == --*=* ]] && ((${with_value[(Ie)${word%%=*}]})) }; then
            moved+=("${word}")
            words[2]=()
            ((CURRENT -= 1))
        elif ((${with_value[(Ie)${word}]})) && ((CURRENT > 3)); then
            moved+=("${word}" "${words[3]}")
            words[2,3]=()
            ((CURRENT -= 2))
        else
            break
        fi
    done
    words+=("${moved[@]}")
    __mqadmin_generated "${@}"
}

if [[ "${funcstack[1]}" = _mqadmin ]]; then
    _mqadmin "${@}"
else
    compdef _mqadmin mqadmin
fi
