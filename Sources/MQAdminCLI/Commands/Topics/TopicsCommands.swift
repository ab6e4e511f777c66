import ArgumentParser

/// The topics area's commands: noun-verb groups and Apache's classic names.
enum TopicsCommands {
    /// Top-level commands this area adds to `mqadmin`.
    static let topLevel: [any ParsableCommand.Type] = [
        TopicCommand.self, ClusterCommand.self, ClassicUpdateTopic.self, ClassicDeleteTopic.self, ClassicTopicList.self,
        ClassicTopicStatus.self, ClassicTopicRoute.self, ClassicTopicClusterList.self, ClassicClusterList.self,
        ClassicBrokerStatus.self,
    ]
    /// Subcommands this area adds under `mqadmin broker`.
    static let brokerSubcommands: [any ParsableCommand.Type] = [BrokerStatusCommand.self]
}
