import ArgumentParser
import Foundation
import MQClient
import MQProtocol

/// Apache's `consumeMessage`: pulls up to -c messages (default 128) of a topic, or of one queue (-b -i [-o]),
/// between -s and -e, and prints each pull as Apache's tool does (`Consume ok`, then printMsgByQueue's lines).
/// Pulls as TOOLS_CONSUMER (or -g's group) and never commits.
struct ClassicConsumeMessage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consumeMessage", abstract: "Consume message (Apache's layout; see `message browse`).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    @Option(
        name: [.customShort("t"), .customLong("topic")], help: "Topic name", completion: .custom(LiveNames.topics))
    var topic: String
    @Option(name: [.customShort("b"), .customLong("brokerName")], help: "Broker name") var broker: String?
    @Option(name: [.customShort("i"), .customLong("queueId")], help: "Queue Id") var queueId: Int32?
    @Option(name: [.customShort("o"), .customLong("offset")], help: "Queue offset") var offset: Int64?
    @Option(name: [.customShort("g"), .customLong("consumerGroup")], help: "Consumer group name",
        completion: .custom(LiveNames.groups))
    var group: String?
    @Option(
        name: [.customShort("s"), .customLong("beginTimestamp")],
        help: "Begin timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]")
    var begin: String?
    @Option(
        name: [.customShort("e"), .customLong("endTimestamp")],
        help: "End timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]")
    var end: String?
    @Option(name: [.customShort("c"), .customLong("MessageNumber")], help: "Number of message to be consumed")
    var count: Int64 = 128

    func validate() throws {
        if let why = SystemTopics.validate(topic: topic) { throw ValidationError(why) }
        // Apache's own words, as one line each.
        guard count > 0 else { throw ValidationError("Please input a positive messageNumber! (-c)") }
        if queueId != nil && broker == nil { throw ValidationError("Please set the brokerName before queueId! (-b)") }
        if offset != nil && queueId == nil { throw ValidationError("Please set queueId before offset! (-i)") }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let from = try begin.map { try TimeArgument.validated($0, option: "-s") }
        let to = try end.map { try TimeArgument.validated($0, option: "-e") }
        if let from, from > now { throw ValidationError("Please set the beginTimestamp before now! (-s)") }
        if let to, to > now { throw ValidationError("Please set the endTimestamp before now! (-e)") }
        if let from, let to, from > to {
            throw ValidationError("Please make sure that the beginTimestamp is less than or equal to the endTimestamp")
        }
    }

    func run() async throws {
        let from = try begin.map { try TimeArgument.require($0, option: "-s", classic: true) }
        let to = try end.map { try TimeArgument.require($0, option: "-e", classic: true) }
        var read = ClassicQueueRead(subExpression: "*")
        read.group = group?.trimmingCharacters(in: .whitespaces) ?? MQClientInstance.toolsConsumerGroup
        read.capAtLast = true
        let (text, views) = try await Session.with(connection) { session in
            var out = ClassicConsumeMessageOutput(read: read, client: session.client, begin: from, end: to)
            if let broker, let queueId {
                try await out.consume(
                    MessageQueue(topic: topic, brokerName: broker, queueId: queueId), from: offset ?? 0, count: count)
            } else {
                try await out.consumeTopic(topic, count: count)
            }
            return (out.text, out.views)
        }
        switch output.output {
        case .table: Emit.write(text)
        case .json: Emit.write(Emit.json(views.map { MessageJSON($0, format: nil) }))
        }
    }
}

extension TimeArgument {
    /// A classic -s/-e value as epoch milliseconds, or the usage error naming the option.
    static func validated(_ text: String, option: String) throws -> Int64 {
        try validate(text, option: option, classic: true)
        return try require(text, option: option, classic: true)
    }
}
