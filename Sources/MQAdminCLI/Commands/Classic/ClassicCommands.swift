import ArgumentParser

/// Apache mqadmin's command names, option letters and output layouts, so existing scripts keep working.
/// Each list sits in `mqadmin --help` beside the noun it is the classic spelling of.
enum ClassicCommands {
    static let topics: [any ParsableCommand.Type] = [
        ClassicUpdateTopic.self, ClassicDeleteTopic.self, ClassicTopicList.self, ClassicTopicStatus.self,
        ClassicTopicRoute.self, ClassicTopicClusterList.self, ClassicClusterList.self, ClassicBrokerStatus.self,
        ClassicWipeWritePerm.self, ClassicAddWritePerm.self, ClassicClusterRT.self,
        ClassicUpdateTopicList.self, ClassicUpdateTopicPerm.self, ClassicUpdateOrderConf.self,
        ClassicExportMetadata.self,
    ]

    static let groups: [any ParsableCommand.Type] = [
        ClassicUpdateSubGroup.self, ClassicDeleteSubGroup.self, ClassicConsumerConnection.self,
        ClassicConsumerProgress.self, ClassicResetOffsetByTime.self, ClassicSkipAccumulatedMessage.self,
        ClassicCloneGroupOffset.self, ClassicBrokerConsumeStats.self,
        ClassicUpdateSubGroupList.self, ClassicGetConsumerConfig.self,
        ClassicConsumerStatus.self, ClassicSetConsumeMode.self,
    ]

    static let messages: [any ParsableCommand.Type] = [
        ClassicSendMessage.self, ClassicQueryMsgByKey.self, ClassicQueryMsgById.self, ClassicQueryMsgByUniqueKey.self,
        ClassicQueryMsgByOffset.self, ClassicCheckMsgSendRT.self, ClassicQueryCq.self,
        ClassicPrintMsg.self, ClassicPrintMsgByQueue.self,
        ClassicConsumeMessage.self,
    ]

    static let auth: [any ParsableCommand.Type] = [
        ClassicCreateUser.self, ClassicUpdateUser.self, ClassicDeleteUser.self, ClassicGetUser.self,
        ClassicListUser.self, ClassicCreateAcl.self, ClassicUpdateAcl.self, ClassicDeleteAcl.self, ClassicGetAcl.self,
        ClassicListAcl.self,
        ClassicCopyUser.self, ClassicCopyAcl.self,
    ]

    static let trace: [any ParsableCommand.Type] = [ClassicQueryMsgTraceById.self]

    /// Live producers, broker statistics and the allocation preview (issue 17). Apache's `producer -b` is the
    /// `producer` noun run with -b (ProducerCommand).
    static let producers: [any ParsableCommand.Type] = [
        ClassicProducerConnection.self, ClassicStatsAll.self, ClassicSendMsgStatus.self, ClassicAllocateMQ.self,
    ]

    static let config: [any ParsableCommand.Type] = [
        ClassicGetBrokerConfig.self, ClassicUpdateBrokerConfig.self, ClassicGetNamesrvConfig.self,
        ClassicUpdateNamesrvConfig.self,
    ]

    static let namesrvKV: [any ParsableCommand.Type] = [ClassicUpdateKvConfig.self, ClassicDeleteKvConfig.self]

    static let cleanup: [any ParsableCommand.Type] = [
        ClassicDeleteExpiredCommitLog.self, ClassicCleanExpiredCQ.self, ClassicCleanUnusedTopic.self,
    ]

    static var all: [any ParsableCommand.Type] {
        topics + groups + messages + auth + trace + config + namesrvKV + cleanup + producers
    }

    /// Their command names: these print Apache's layouts in the local zone (`DisplayZone`).
    static let names = Set(all.flatMap { [$0._commandName] + $0.configuration.aliases })

    /// Whether `command` is one of these: its byte-compatible layout gets no target footer or field.
    static func contains(_ command: any ParsableCommand) -> Bool {
        // `producer -b` is Apache's classic `producer`, run by the noun itself (a parsed subcommand is not it).
        all.contains { $0 == type(of: command) } || command is ProducerCommand
    }
}
