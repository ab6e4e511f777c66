import ArgumentParser

/// `mqadmin topic ...`
struct TopicCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topic",
        abstract: "Create, change, delete and inspect topics.",
        subcommands: [
            TopicCreate.self, TopicUpdate.self, TopicDelete.self, TopicListCommand.self, TopicDescribe.self,
            TopicRouteCommand.self,
        ])
}
