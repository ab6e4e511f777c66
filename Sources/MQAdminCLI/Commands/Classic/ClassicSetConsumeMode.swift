import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `setConsumeMode`: SET_MESSAGE_REQUEST_MODE to one broker or to a cluster's masters.
/// Apache spells the share count `-n`, which mqadmin's name-server option already takes, so it is `-q` here.
struct ClassicSetConsumeMode: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setConsumeMode",
        abstract: "set consume message mode. pull/pop etc.",
        discussion: "Classic form of `mqadmin group set-mode`; Apache's -n (popShareQueueNum) is -q here."
    )

    @Option(name: [.customShort("b"), .customLong("brokerAddr")], help: "set the mode on this broker")
    var brokerAddr: String?
    @Option(name: [.customShort("c"), .customLong("clusterName")], help: "set the mode on this cluster's masters")
    var clusterName: String?
    @Option(name: [.customShort("t"), .customLong("topicName")], help: "topic name") var topicName: String
    @Option(name: [.customShort("g"), .customLong("groupName")], help: "consumer group name",
        completion: .custom(LiveNames.groups))
    var groupName: String
    @Option(name: [.customShort("m"), .customLong("mode")], help: "consume mode. PULL/POP") var mode: String
    @Option(name: [.customShort("q"), .customLong("popShareQueueNum")], help: "num of queue which share in pop mode")
    var popShareQueueNum: Int32 = 0
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        try GroupTargets.validateName(groupName.trimmed, option: "-g")
        // Apache's MessageRequestMode.valueOf: the exact upper-case name.
        guard MessageRequestMode(rawValue: mode.trimmed) != nil else {
            throw ValidationError("-m \(mode): unknown consume mode; use PULL or POP")
        }
        if topicName.trimmed.hasPrefix(SystemTopics.retryPrefix) {
            throw ValidationError("-t \(topicName): a retry topic is always read by pull; name the group's topic")
        }
        try ClassicBrokerOrCluster.validate(broker: brokerAddr, cluster: clusterName, checkAddress: false)
    }

    func run() async throws {
        let body = SetMessageRequestModeBody(
            topic: topicName.trimmed, consumerGroup: groupName.trimmed,
            mode: MessageRequestMode(rawValue: mode.trimmed) ?? .pull, popShareQueueNum: popShareQueueNum)
        let outcomes = try await Session.with(connection) { session in
            let client = session.client
            let brokers = try await GroupTargets.resolve(client, cluster: clusterName, broker: brokerAddr)
            return await RequestModeWrite.run(client, body, on: brokers)
        }
        let view = GroupSetModeView(body, brokers: outcomes)
        Emit.output(view, format: output.output) { Self.lines(view) }
        try BrokerOutcome.check(outcomes, what: "setConsumeMode")
    }

    /// Apache's lines: one per broker set, then the mode.
    static func lines(_ view: GroupSetModeView) -> String {
        view.brokers.filter { $0.error.value == nil }.map { "set consume mode to \($0.address) success.\n" }.joined()
            + "topic[\(view.topic)] group[\(view.group)] consume mode[\(view.mode)] "
            + "popShareQueueNum[\(view.popShareQueueNum)]\n"
    }
}
