import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin group set-mode GROUP --topic T --mode pull|pop`: how the brokers hand out the topic's queues to the
/// group's members (SET_MESSAGE_REQUEST_MODE), on every master broker unless --cluster/--broker narrows it.
struct GroupSetMode: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-mode",
        abstract: "Set whether a consumer group reads a topic by pull or by POP, on every master broker.",
        discussion: """
            Read by Java 5.x clients that ask the broker for their queues (QUERY_ASSIGNMENT). In POP mode each \
            member pops every queue, unless --pop-share-queues N gives it its own share plus that of the N members \
            after it. A retry topic is always read by pull.
            """
    )

    @Argument(help: "Consumer group.", completion: .custom(LiveNames.groups)) var group: String
    @Option(name: [.customShort("t"), .customLong("topic")], help: "Topic the mode applies to.") var topic: String
    @Option(name: [.customShort("m"), .customLong("mode")], help: ArgumentHelp("Read mode.", valueName: "pull|pop"))
    var mode: String
    @Option(name: .customLong("pop-share-queues"), help: "POP only: also pop the queues of the N following members.")
    var popShareQueues: Int32 = 0
    @OptionGroup var scope: BrokerScopeOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try GroupTargets.validateName(group)
        _ = try Self.parseMode(mode, option: "--mode")
        if topic.hasPrefix(SystemTopics.retryPrefix) {
            throw ValidationError("--topic \(topic): a retry topic is always read by pull; name the group's topic")
        }
        if popShareQueues < 0 { throw ValidationError("--pop-share-queues must be 0 or more, e.g. 1") }
    }

    static func parseMode(_ text: String, option: String) throws -> MessageRequestMode {
        guard let mode = MessageRequestMode(rawValue: text.uppercased()) else {
            throw ValidationError("\(option) \(text): unknown mode; use pull or pop")
        }
        return mode
    }

    func run() async throws {
        let body = SetMessageRequestModeBody(
            topic: topic, consumerGroup: group, mode: try Self.parseMode(mode, option: "--mode"),
            popShareQueueNum: popShareQueues)
        let outcomes = try await Session.with(connection) { session in
            await RequestModeWrite.run(session.client, body, on: try await scope.resolve(session.client))
        }
        let view = GroupSetModeView(body, brokers: outcomes)
        Emit.output(view, format: output.output) { BrokerOutcome.table(outcomes) }
        try BrokerOutcome.check(outcomes, what: "setting the mode of group \(group)")
    }
}

/// SET_MESSAGE_REQUEST_MODE to each broker, every outcome recorded (one failing broker does not stop the rest).
enum RequestModeWrite {
    static func run(_ client: MQClientInstance, _ body: SetMessageRequestModeBody, on brokers: [BrokerRef]) async
        -> [BrokerOutcome]
    {
        var outcomes: [BrokerOutcome] = []
        for b in brokers {
            do {
                try await client.setMessageRequestMode(body, broker: b.address)
                outcomes.append(BrokerOutcome(b, result: "set"))
            } catch {
                outcomes.append(BrokerOutcome(b, result: "failed", error: error))
            }
        }
        return outcomes
    }
}

/// `group set-mode -o json`.
struct GroupSetModeView: Encodable {
    var group: String
    var topic: String
    var mode: String
    var popShareQueueNum: Int32
    var brokers: [BrokerOutcome]

    init(_ body: SetMessageRequestModeBody, brokers: [BrokerOutcome]) {
        group = body.consumerGroup
        topic = body.topic
        mode = body.mode.rawValue
        popShareQueueNum = body.popShareQueueNum
        self.brokers = brokers
    }
}
