import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin offset reset GROUP -t TOPIC --to-...`: a plan per queue, applied with --execute.
struct OffsetReset: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Move a group's offsets on a topic; prints the plan, applies it only with --execute.",
        discussion: """
            Exactly one target: --to-earliest, --to-latest, --to-time T (ISO-8601, without a zone read in \
            the display zone; epoch ms; relative like -2h; or yyyy-MM-dd#HH:mm:ss:SSS), --to-offset N, or \
            --shift-by ±N. Online consumers are moved on their next pull (server-side reset). Before applying, \
            the previous offsets are saved so `mqadmin offset undo` restores them.
            """
    )

    @Argument(help: "Consumer group.", completion: .custom(LiveNames.groups)) var group: String
    @Option(name: [.customShort("t"), .customLong("topic")], help: "Topic whose offsets move.",
        completion: .custom(LiveNames.topics))
    var topic: String
    @Flag(name: .customLong("to-earliest"), help: "To the first message still stored.") var toEarliest = false
    @Flag(name: .customLong("to-latest"), help: "To the end: skip everything not consumed yet.") var toLatest = false
    // .unconditional: a relative time (-2h) or a negative shift (-10) is a value, not an option.
    @Option(
        name: .customLong("to-time"), parsing: .unconditional,
        help: ArgumentHelp(
            "To the first message stored at or after this time: " + TimeArgument.forms + ".", valueName: "time"))
    var toTime: String?
    @Option(name: .customLong("to-offset"), help: ArgumentHelp("To this queue offset.", valueName: "n"))
    var toOffset: Int64?
    @Option(
        name: .customLong("shift-by"), parsing: .unconditional,
        help: ArgumentHelp("Move by N (negative replays, positive skips).", valueName: "±n"))
    var shiftBy: Int64?
    @Option(name: [.customShort("q"), .customLong("queue")], help: "Only this queue id.") var queue: Int32?
    @Option(name: .customLong("broker-name"), help: "Only the queues on this broker (name, e.g. broker-a).")
    var brokerName: String?
    @OptionGroup var execute: ExecuteOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try GroupTargets.validateName(group)
        let given = [toEarliest, toLatest, toTime != nil, toOffset != nil, shiftBy != nil].filter { $0 }.count
        guard given == 1 else {
            throw ValidationError(
                given == 0
                    ? "say where to move the offsets: one of --to-earliest, --to-latest, --to-time, --to-offset, "
                        + "--shift-by"
                    : "pass only one of --to-earliest, --to-latest, --to-time, --to-offset, --shift-by")
        }
        if let toTime { try TimeArgument.validate(toTime, option: "--to-time") }
        if let toOffset, toOffset < 0 { throw ValidationError("--to-offset must be 0 or more") }
        if let queue, queue < 0 { throw ValidationError("--queue must be 0 or more") }
    }

    var target: OffsetTarget {
        if toEarliest { return .earliest }
        if toLatest { return .latest }
        if let toTime, let t = try? TimeArgument.require(toTime, option: "--to-time") { return .time(t) }
        if let toOffset { return .offset(toOffset) }
        return .shift(shiftBy ?? 0)
    }

    var operation: String {
        var words = ["offset reset", group, "-t", topic]
        if toEarliest { words.append("--to-earliest") }
        if toLatest { words.append("--to-latest") }
        if let toTime { words += ["--to-time", toTime] }
        if let toOffset { words += ["--to-offset", String(toOffset)] }
        if let shiftBy { words += ["--shift-by", String(shiftBy)] }
        if let queue { words += ["--queue", String(queue)] }
        if let brokerName { words += ["--broker-name", brokerName] }
        return words.joined(separator: " ")
    }

    func run() async throws {
        try await Session.with(connection) { session in
            let client = session.client
            _ = try await GroupTargets.existing(
                client, group: group, on: try await GroupTargets.resolve(client, cluster: nil, broker: nil))
            let plan = try await client.planReset(
                group: group, topic: topic, target: target, queueId: queue, brokerName: brokerName)
            try await PlanRunner.run(
                plan, client: client, connection: connection, format: output.output, execute: execute,
                operation: operation)
        }
    }
}
