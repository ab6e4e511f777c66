import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin offset clone SRC DST -t TOPIC`: DST's offsets on a topic become SRC's (plan; --execute applies).
struct OffsetClone: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clone",
        abstract: "Copy a group's committed offsets on a topic to another group (plan; --execute applies).",
        discussion: "The destination group must exist (`mqadmin group create`). Its online consumers are moved."
    )

    @Argument(help: "Source group.") var source: String
    @Argument(help: "Destination group.") var destination: String
    @Option(name: [.customShort("t"), .customLong("topic")], help: "Topic whose offsets are copied.",
        completion: .custom(LiveNames.topics))
    var topic: String
    @OptionGroup var execute: ExecuteOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try GroupTargets.validateName(source, option: "SOURCE")
        try GroupTargets.validateName(destination, option: "DESTINATION")
        if source == destination { throw ValidationError("source and destination are the same group") }
    }

    func run() async throws {
        try await Session.with(connection) { session in
            let client = session.client
            let masters = try await GroupTargets.resolve(client, cluster: nil, broker: nil)
            _ = try await GroupTargets.existing(client, group: source, on: masters)
            do {
                _ = try await GroupTargets.existing(client, group: destination, on: masters)
            } catch let e as CLIError where e.exit == .notFound {
                throw CLIError(
                    "consumer group \(destination) does not exist; "
                        + "create it first with `mqadmin group create \(destination)`",
                    exit: .notFound)
            }
            let states = try await client.offsetStates(group: source, topic: topic)
            let offsets = states.compactMap { s in s.committed.map { (queue: s.queue, offset: $0) } }
            guard !offsets.isEmpty else {
                throw CLIError(
                    "group \(source) has no committed offsets on \(topic); nothing to clone", exit: .notFound)
            }
            let plan = try await client.planOffsets(group: destination, offsets: offsets, what: "clone from \(source)")
            try await PlanRunner.run(
                plan, client: client, connection: connection, format: output.output, execute: execute,
                operation: "offset clone \(source) \(destination) -t \(topic)")
        }
    }
}
