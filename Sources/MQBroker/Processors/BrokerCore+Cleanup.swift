import MQProtocol
import MQRemoting

/// The admin clean-ups (Apache's deleteExpiredCommitLog, cleanExpiredCQ, cleanUnusedTopic): what the store's
/// retention would do later, done now. They delete files, so their routes run on the admin thread. Apache answers
/// SUCCESS with no body; this broker adds a JSON body saying what went (`CleanupReport`), which Apache's tools
/// ignore and mqadmin prints.
extension BrokerCore {
    /// DELETE_EXPIRED_COMMITLOG (329): a retention run now. Like Apache's manual deletion it removes only
    /// segments past the retention time (`fileReservedTime`), oldest first, never the active one.
    func handleDeleteExpiredCommitLog(_ request: RemotingCommand) throws -> RemotingCommand {
        let report = store.runRetention()
        logger.warning("deleteExpiredCommitLog by admin", metadata: ["segments": "\(report.files)"])
        return request.response().withJSONBody(report)
    }

    /// CLEAN_EXPIRED_CONSUMEQUEUE (306): consume-queue files whose messages are all below the commit log's
    /// first offset.
    func handleCleanExpiredConsumeQueue(_ request: RemotingCommand) throws -> RemotingCommand {
        let report = store.cleanExpiredConsumeQueues()
        logger.warning("cleanExpiredConsumeQueue by admin", metadata: ["files": "\(report.files)"])
        return request.response().withJSONBody(report)
    }

    /// CLEAN_UNUSED_TOPIC (316): the consume queues of topics the topic table no longer has (system topics
    /// are kept, as Apache keeps its schedule topic).
    func handleCleanUnusedTopic(_ request: RemotingCommand) throws -> RemotingCommand {
        let known = Set(topics.all.keys)
        let report = store.cleanUnusedTopics { known.contains($0) || SystemTopics.isSystem($0) }
        logger.warning("cleanUnusedTopic by admin", metadata: ["topics": "\(report.topics)"])
        return request.response().withJSONBody(report)
    }
}
