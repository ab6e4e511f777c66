import ArgumentParser

/// The root of the command tree.
public struct MQAdmin: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "mqadmin",
        abstract: "Administer Apache RocketMQ clusters, or run a lightweight bundled broker.",
        discussion: """
            With -n/--namesrv (or NAMESRV_ADDR) commands talk to a RocketMQ cluster over its remoting \
            protocol. Without, they use the bundled broker on the local data directory.
            """,
        version: MQAdminVersion.current,
        subcommands: [Demo.self, BrokerCommand.self, ReplCommand.self] + TopicsCommands.topLevel + GroupsCommands.topLevel
            + MessagesCommands.topLevel + ACLCommands.topLevel + TraceCommands.topLevel
    )

    public init() {}
}

public enum MQAdminVersion {
    public static let current = "0.1.0"
}
