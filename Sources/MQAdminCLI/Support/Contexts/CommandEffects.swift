import ArgumentParser

/// What running a command does to its target. Every leaf command has exactly one row in `CommandEffects.table`
/// (CommandEffectsTests walks the tree and fails on a command without one), so a new command cannot slip past
/// the read-only guard or the audit log.
enum CommandEffect: Sendable {
    /// Only reads the target.
    case reads
    /// Changes the target whenever it runs: refused by a read-only context, audited.
    case changes
    /// Changes the target only as invoked (`offset reset` with --execute): the closure says whether this one does.
    case changesWhen(@Sendable (any ParsableCommand) -> Bool)
    /// Reaches no cluster it could change: mqadmin's own files (contexts, audit) or a broker it runs itself.
    case local
}

enum CommandEffects {
    /// One row per leaf command; keep it in the order of `mqadmin --help`.
    static let table: [(command: any ParsableCommand.Type, effect: CommandEffect)] = [
        (Demo.self, .local), (BrokerStart.self, .local), (BrokerStatusCommand.self, .reads), (ReplCommand.self, .local),
        (BrokerDrain.self, .changes), (BrokerUndrain.self, .changes),
        // Configuration (broker config, namesrv config and their classic names): `set` changes only with --execute.
        (BrokerConfigGet.self, .reads), (BrokerConfigDiff.self, .reads),
        (BrokerConfigSet.self, .changesWhen { ($0 as? BrokerConfigSet)?.execute ?? true }),
        (NamesrvConfigGet.self, .reads),
        (NamesrvConfigSet.self, .changesWhen { ($0 as? NamesrvConfigSet)?.execute ?? true }),
        (ClassicGetBrokerConfig.self, .reads), (ClassicUpdateBrokerConfig.self, .changes),
        (ClassicGetNamesrvConfig.self, .reads), (ClassicUpdateNamesrvConfig.self, .changes),
        (ContextAdd.self, .local), (ContextUse.self, .local), (ContextList.self, .local), (ContextShow.self, .local),
        (ContextDelete.self, .local), (AuditCommand.self, .local), (GenerateManual.self, .local),
        (TopicCreate.self, .changes), (TopicUpdate.self, .changes), (TopicDelete.self, .changes),
        (TopicListCommand.self, .reads), (TopicDescribe.self, .reads), (TopicRouteCommand.self, .reads),
        (ClusterListCommand.self, .reads),
        // --probe writes one message to every master.
        (ClusterCheckCommand.self, .changesWhen { ($0 as? ClusterCheckCommand)?.probe ?? true }),
        // Both send messages to measure.
        (ClassicClusterRT.self, .changes), (ClassicCheckMsgSendRT.self, .changes), (ClassicQueryCq.self, .reads),
        (ClassicBrokerConsumeStats.self, .reads),
        (ClassicUpdateTopic.self, .changes), (ClassicDeleteTopic.self, .changes), (ClassicTopicList.self, .reads),
        (ClassicTopicStatus.self, .reads), (ClassicTopicRoute.self, .reads), (ClassicTopicClusterList.self, .reads),
        (ClassicClusterList.self, .reads), (ClassicBrokerStatus.self, .reads),
        (ClassicWipeWritePerm.self, .changes), (ClassicAddWritePerm.self, .changes),
        (GroupCreate.self, .changes), (GroupUpdate.self, .changes), (GroupSetMode.self, .changes),
        (GroupDelete.self, .changes),
        (GroupList.self, .reads), (GroupDescribe.self, .reads),
        // Reads offsets, connections and the retry/DLQ topics (as TOOLS_CONSUMER, never committing).
        (GroupDoctorCommand.self, .reads),
        // Asks the members about themselves (GET_CONSUMER_RUNNING_INFO); consumerStatus writes only local files.
        (GroupStatus.self, .reads), (ClassicConsumerStatus.self, .reads),
        (OffsetShow.self, .reads), (OffsetExport.self, .reads),
        (OffsetReset.self, .changesWhen { ($0 as? OffsetReset)?.execute.execute ?? true }),
        (OffsetClone.self, .changesWhen { ($0 as? OffsetClone)?.execute.execute ?? true }),
        (OffsetImport.self, .changesWhen { ($0 as? OffsetImport)?.execute.execute ?? true }),
        (OffsetUndo.self, .changesWhen { ($0 as? OffsetUndo)?.execute.execute ?? true }),
        (ClassicUpdateSubGroup.self, .changes), (ClassicDeleteSubGroup.self, .changes),
        (ClassicSetConsumeMode.self, .changes),
        (ClassicConsumerConnection.self, .reads), (ClassicConsumerProgress.self, .reads),
        (ClassicResetOffsetByTime.self, .changes), (ClassicSkipAccumulatedMessage.self, .changes),
        (ClassicCloneGroupOffset.self, .changes),
        (MessageSend.self, .changes),
        // Consuming commits the group's offsets, and --trace writes trace messages.
        (
            MessageConsume.self,
            .changesWhen { ($0 as? MessageConsume).map { !$0.noCommit || $0.tracing.enabled } ?? true }
        ),
        (MessageGet.self, .reads), (MessageQuery.self, .reads), (BacklogReportCommand.self, .reads),
        (ClassicSendMessage.self, .changes), (ClassicQueryMsgByKey.self, .reads),
        // Resending stores a copy; pushing to a client has it process the message.
        (MessageResend.self, .changes),
        (ClassicQueryMsgById.self, .changesWhen { ($0 as? ClassicQueryMsgById)?.changesCluster ?? true }),
        // Pulls as TOOLS_CONSUMER (or -g) and never commits.
        (ClassicConsumeMessage.self, .reads),
        (ClassicQueryMsgByUniqueKey.self, .reads), (ClassicQueryMsgByOffset.self, .reads),
        (UserCreate.self, .changes), (UserUpdate.self, .changes), (UserDelete.self, .changes), (UserGet.self, .reads),
        (UserList.self, .reads),
        (AclCreate.self, .changes), (AclUpdate.self, .changes), (AclDelete.self, .changes), (AclGet.self, .reads),
        (AclList.self, .reads), (AclExplain.self, .reads),
        (ClassicCreateUser.self, .changes), (ClassicUpdateUser.self, .changes), (ClassicDeleteUser.self, .changes),
        (ClassicGetUser.self, .reads), (ClassicListUser.self, .reads), (ClassicCreateAcl.self, .changes),
        (ClassicUpdateAcl.self, .changes), (ClassicDeleteAcl.self, .changes), (ClassicGetAcl.self, .reads),
        (ClassicListAcl.self, .reads),
        (TraceShow.self, .reads), (ClassicQueryMsgTraceById.self, .reads), (TransactionListCommand.self, .reads),
        (TimerList.self, .reads),
        (NamesrvKVGet.self, .reads), (NamesrvKVList.self, .reads), (NamesrvKVSet.self, .changes),
        (NamesrvKVDelete.self, .changes), (ClassicUpdateKvConfig.self, .changes),
        (ClassicDeleteKvConfig.self, .changes),
        (BrokerClean.self, .changesWhen { ($0 as? BrokerClean)?.execute.execute ?? true }),
        (ClassicDeleteExpiredCommitLog.self, .changes), (ClassicCleanExpiredCQ.self, .changes),
        (ClassicCleanUnusedTopic.self, .changes),
        // Browse and tail pull as TOOLS_CONSUMER and never commit.
        (MessageBrowse.self, .reads), (MessageTail.self, .reads), (ClassicPrintMsg.self, .reads),
        (ClassicPrintMsgByQueue.self, .reads),
        (MetadataExport.self, .reads),
        (MetadataApply.self, .changesWhen { ($0 as? MetadataApply)?.execute.execute ?? true }),
        (MetadataUndo.self, .changesWhen { ($0 as? MetadataUndo)?.execute.execute ?? true }),
        // Classic metadata commands (issue 16): batch writes, perm and order conf, export, auth copies.
        (ClassicUpdateTopicList.self, .changes), (ClassicUpdateSubGroupList.self, .changes),
        (ClassicUpdateTopicPerm.self, .changes),
        (ClassicUpdateOrderConf.self, .changesWhen { ($0 as? ClassicUpdateOrderConf)?.method != .get }),
        (ClassicExportMetadata.self, .reads), (ClassicGetConsumerConfig.self, .reads),
        (ClassicCopyUser.self, .changes), (ClassicCopyAcl.self, .changes),
        (UserCopy.self, .changes), (AclCopy.self, .changes),
        // DLQ and message export/import (issue 17 item 4): reads, and sends only with --execute.
        (DLQList.self, .reads), (DLQResend.self, .changesWhen { ($0 as? DLQResend)?.execute.execute ?? true }),
        (MessageExport.self, .reads),
        (MessageImport.self, .changesWhen { ($0 as? MessageImport)?.execute.execute ?? true }),
        // Live producers and broker statistics (issue 17); `producer -b` (Apache's classic) is the noun itself,
        // not a leaf, and only reads. sendMsgStatus writes count + 1 messages.
        (ProducerList.self, .reads), (ProducerDescribe.self, .reads), (ClassicProducerConnection.self, .reads),
        (ClassicStatsAll.self, .reads), (ClassicSendMsgStatus.self, .changes), (ClassicAllocateMQ.self, .reads),
        // Benchmarks (issue 18): each creates and deletes a topic (or writes to --topic) and a consumer group.
        (BenchProduce.self, .changes), (BenchConsume.self, .changes), (BenchE2E.self, .changes),
    ]

    /// The row of `type`, nil for a command without one (a group, or a forgotten leaf: the test catches it).
    static func effect(of type: any ParsableCommand.Type) -> CommandEffect? {
        table.first { $0.command == type }?.effect
    }

    /// Whether this parsed invocation changes its target. A leaf missing from the table counts as changing:
    /// refusing a read by mistake is safer than letting a change through a read-only context.
    static func changesTarget(_ command: any ParsableCommand) -> Bool {
        let type = type(of: command)
        guard let effect = effect(of: type) else { return CommandNames.subcommands(of: type).isEmpty }
        switch effect {
        case .reads, .local: return false
        case .changes: return true
        case .changesWhen(let decide): return decide(command)
        }
    }

    /// The connection options of a parsed command (its `@OptionGroup var connection`), nil when it has none.
    /// Read by reflection so no command has to repeat a declaration for it.
    static func connection(of command: any ParsableCommand) -> ConnectionOptions? {
        Mirror(reflecting: command).children.lazy
            .compactMap { ($0.value as? OptionGroup<ConnectionOptions>)?.wrappedValue }.first
    }
}

extension CommandEffects {
    /// The words that run `type` (`["topic", "create"]`, `["deleteTopic"]`), from the configurations.
    static func path(of type: any ParsableCommand.Type, from root: any ParsableCommand.Type = MQAdmin.self)
        -> [String]
    {
        for sub in CommandNames.subcommands(of: root) {
            if sub == type { return [sub._commandName] }
            let below = path(of: type, from: sub)
            if !below.isEmpty { return [sub._commandName] + below }
        }
        return []
    }
}
