import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `consumerConnection`: a group's client connections and subscription, in its exact layout.
struct ClassicConsumerConnection: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consumerConnection",
        abstract: "Query consumer's socket connection, client version and subscription.",
        discussion: "Exits 3 when the group has no online consumer."
    )

    @Option(name: [.customShort("g"), .customLong("consumerGroup")], help: "consumer group name",
        completion: .custom(LiveNames.groups))
    var consumerGroup: String
    @Option(name: [.customShort("b"), .customLong("brokerAddr")], help: "broker address") var brokerAddr: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws { try GroupTargets.validateName(consumerGroup, option: "-g") }

    func run() async throws {
        let cc = try await Session.with(connection) { session in
            let client = session.client
            let found: ConsumerConnection?
            if let brokerAddr {
                found = try await client.consumerConnection(group: consumerGroup, broker: brokerAddr)
            } else {
                found = try await client.consumerConnection(group: consumerGroup)
            }
            guard let found, !found.connectionSet.isEmpty else {
                throw CLIError("consumer group \(consumerGroup) is not online (no consumer connected)", exit: .notFound)
            }
            return found
        }
        let view = ConsumerConnectionView(group: consumerGroup, cc)
        Emit.output(view, format: output.output) { Self.layout(cc) }
    }

    /// Apache's layout: `%-36s %-22s %-10s %s` rows, then the subscription and the consume settings.
    static func layout(_ cc: ConsumerConnection) -> String {
        var out = JavaFormat.format("%-36s %-22s %-10s %s%n", ["#ClientId", "#ClientAddr", "#Language", "#Version"])
        for c in cc.connectionSet {
            out += JavaFormat.format(
                "%-36s %-22s %-10s %s%n", [c.clientId, c.clientAddr, c.language, MQVersion.describe(c.version)])
        }
        out += "\nBelow is subscription:\n"
        out += JavaFormat.format("%-20s %s%n", ["#Topic", "#SubExpression"])
        for s in cc.subscriptionTable.values.sorted(by: { $0.topic < $1.topic }) {
            out += JavaFormat.format("%-20s %s%n", [s.topic, s.subString])
        }
        out += "\n"
        out += "ConsumeType: \(cc.consumeType?.rawValue ?? "null")\n"
        out += "MessageModel: \(cc.messageModel?.rawValue ?? "null")\n"
        out += "ConsumeFromWhere: \(cc.consumeFromWhere?.rawValue ?? "null")\n"
        return out
    }
}

/// `consumerConnection --output json` (docs/json/groups.md).
struct ConsumerConnectionView: Encodable {
    struct Client: Encodable {
        var clientId: String
        var clientAddr: String
        var language: String
        var version: String
        var versionCode: Int32
    }

    struct Subscription: Encodable {
        var topic: String
        var expression: String
    }

    var group: String
    var connections: [Client]
    var subscriptions: [Subscription]
    var consumeType: OrNull<String>
    var messageModel: OrNull<String>
    var consumeFromWhere: OrNull<String>

    init(group: String, _ cc: ConsumerConnection) {
        self.group = group
        connections = cc.connectionSet.map {
            Client(
                clientId: $0.clientId, clientAddr: $0.clientAddr, language: $0.language,
                version: MQVersion.describe($0.version),
                versionCode: $0.version)
        }
        subscriptions = cc.subscriptionTable.values.sorted { $0.topic < $1.topic }.map {
            Subscription(topic: $0.topic, expression: $0.subString)
        }
        consumeType = OrNull(cc.consumeType?.rawValue)
        messageModel = OrNull(cc.messageModel?.rawValue)
        consumeFromWhere = OrNull(cc.consumeFromWhere?.rawValue)
    }
}
