import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin group describe GROUP`: members, subscriptions, consume settings and lag per topic.
struct GroupDescribe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Describe a consumer group: online clients, subscriptions, consume settings, lag per topic."
    )

    @Argument(help: "Consumer group.", completion: .custom(LiveNames.groups)) var group: String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws { try GroupTargets.validateName(group) }

    func run() async throws {
        let view = try await Session.with(connection) { session in
            let client = session.client
            let masters = try await GroupTargets.resolve(client, cluster: nil, broker: nil)
            var configs: [(broker: BrokerRef, config: SubscriptionGroupConfig)] = []
            for b in masters {
                if let c = try await client.groupConfig(group, broker: b.address) { configs.append((b, c)) }
            }
            let connection = try await client.consumerConnection(group: group, on: masters)
            guard !configs.isEmpty || connection != nil else { throw GroupTargets.notFound(group) }
            let stats = try await client.consumeStats(group: group)
            let modes = await Self.requestModes(client, group: group, on: masters)
            return GroupDescribeView(
                group: group, configs: configs, connection: connection, stats: stats, modes: modes)
        }
        Emit.output(view, format: output.output) { view.table }
    }

    /// The group's request modes, per topic (the first master's where they differ). A broker that cannot say
    /// (Apache 4.x answers REQUEST_CODE_NOT_SUPPORTED) adds nothing: the mode is extra, not what describe is for.
    static func requestModes(_ client: MQClientInstance, group: String, on masters: [BrokerRef]) async
        -> [SetMessageRequestModeBody]
    {
        var byTopic: [String: SetMessageRequestModeBody] = [:]
        for b in masters {
            guard let table = try? await client.messageRequestModes(broker: b.address) else { continue }
            for (topic, groups) in table.messageRequestModeMap where byTopic[topic] == nil {
                byTopic[topic] = groups[group]
            }
        }
        return byTopic.values.sorted { $0.topic < $1.topic }
    }
}

/// `group describe` output (docs/json/groups.md).
struct GroupDescribeView: Encodable {
    struct Member: Encodable {
        var clientId: String
        var address: String
        var language: String
        var version: String
        var versionCode: Int32
        /// `REMOTING` or `GRPC_V2` (bundled broker's extension); null from Apache brokers.
        var `protocol`: OrNull<String>
        /// The raw version a gRPC client announced (e.g. 5.1.2); null otherwise.
        var clientVersion: OrNull<String>
    }

    struct Subscription: Encodable {
        var topic: String
        var expression: String
    }

    struct RequestMode: Encodable {
        var topic: String
        var mode: String
        var popShareQueueNum: Int32
    }

    struct TopicLag: Encodable {
        var topic: String
        var queues: Int
        var brokerOffset: Int64
        var consumerOffset: Int64
        var lag: Int64
        /// Σ (pull offset − consumer offset), Apache consumerProgress's "#Inflight": delivered, not yet committed.
        /// For a POP group (a gRPC SimpleConsumer's) the messages received and not acked past the oldest unacked.
        var inflight: Int64
        var lastConsumedTimestamp: OrNull<Int64>
        var lastConsumedTime: OrNull<String>
    }

    var group: String
    var online: Bool
    var members: [Member]
    var subscriptions: [Subscription]
    var consumeType: OrNull<String>
    var messageModel: OrNull<String>
    var consumeFromWhere: OrNull<String>
    var consumeReason: OrNull<String>
    var brokers: [String]
    var config: OrNull<GroupConfigView>
    var configReason: OrNull<String>
    /// Set by `group set-mode`; a topic not listed is read by pull.
    var requestModes: [RequestMode]
    var topics: [TopicLag]
    var totals: LagTotals
    var consumeTps: Double

    init(
        group: String, configs: [(broker: BrokerRef, config: SubscriptionGroupConfig)], connection: ConsumerConnection?,
        stats: ConsumeStats, modes: [SetMessageRequestModeBody] = []
    ) {
        self.group = group
        requestModes = modes.map {
            RequestMode(topic: $0.topic, mode: $0.mode.rawValue, popShareQueueNum: $0.popShareQueueNum)
        }
        online = !(connection?.connectionSet.isEmpty ?? true)
        members = (connection?.connectionSet ?? []).map {
            Member(
                clientId: $0.clientId, address: $0.clientAddr, language: $0.language,
                version: MQVersion.describe($0.version), versionCode: $0.version,
                protocol: OrNull($0.clientProtocol), clientVersion: OrNull($0.clientVersion))
        }
        subscriptions =
            (connection?.subscriptionTable.values.map { Subscription(topic: $0.topic, expression: $0.subString) } ?? [])
            .sorted { $0.topic < $1.topic }
        consumeType = OrNull(connection?.consumeType?.rawValue)
        messageModel = OrNull(connection?.messageModel?.rawValue)
        consumeFromWhere = OrNull(connection?.consumeFromWhere?.rawValue)
        consumeReason = OrNull(online ? nil : "no consumer of the group is online")
        brokers = configs.map(\.broker.name)
        config = OrNull(configs.first.map { GroupConfigView($0.config) })
        configReason = OrNull(configs.isEmpty ? "no broker holds a configuration for the group" : nil)
        var byTopic: [String: TopicLag] = [:]
        for (mq, w) in stats.offsetTable.entries {
            var t =
                byTopic[mq.topic]
                ?? TopicLag(
                    topic: mq.topic, queues: 0, brokerOffset: 0, consumerOffset: 0, lag: 0, inflight: 0,
                    lastConsumedTimestamp: OrNull(nil), lastConsumedTime: OrNull(nil))
            t.queues += 1
            t.brokerOffset += w.brokerOffset
            t.consumerOffset += w.consumerOffset
            t.lag += w.brokerOffset - w.consumerOffset
            t.inflight += max(0, w.pullOffset - w.consumerOffset)
            if w.lastTimestamp > (t.lastConsumedTimestamp.value ?? 0) {
                t.lastConsumedTimestamp = OrNull(w.lastTimestamp)
                t.lastConsumedTime = OrNull(TimeFormat.iso(w.lastTimestamp))
            }
            byTopic[mq.topic] = t
        }
        topics = byTopic.values.sorted { $0.topic < $1.topic }
        totals = LagTotals(lag: stats.totalDiff)
        consumeTps = stats.consumeTps
    }

    var table: String {
        var out = "Group:     \(group)\n"
        out += "Brokers:   \(brokers.isEmpty ? "-" : brokers.joined(separator: ", "))\n"
        out += "Members:   \(members.count) online\n"
        if online {
            out +=
                "Consume:   \(consumeType.value ?? "-"), \(messageModel.value ?? "-"), "
                + "\(consumeFromWhere.value ?? "-")\n"
        }
        if let c = config.value { out += "Settings:  \(c.summary)\n" }
        if !requestModes.isEmpty {
            let modes = requestModes.map { "\($0.topic) \($0.mode) (share \($0.popShareQueueNum))" }
            out += "Modes:     \(modes.joined(separator: ", "))\n"
        }
        if !members.isEmpty {
            var t = TextTable("CLIENT-ID", "ADDRESS", "LANGUAGE", "VERSION")
            for m in members {
                let version = ClientProtocolText.version(m.versionCode, protocol: m.protocol.value)
                t.add(m.clientId, m.address, m.language, version)
            }
            out += "\n" + t.render()
        }
        if !subscriptions.isEmpty {
            var t = TextTable("TOPIC", "EXPRESSION")
            for s in subscriptions { t.add(s.topic, s.expression) }
            out += "\n" + t.render()
        }
        var t = TextTable([
            .init("TOPIC"), .init("QUEUES", .right), .init("LAG", .right), .init("IN-FLIGHT", .right),
            .init("LAST-CONSUMED"),
        ])
        for l in topics {
            t.add(
                l.topic, String(l.queues), String(l.lag), String(l.inflight),
                l.lastConsumedTimestamp.value.map(TimeFormat.iso) ?? "-")
        }
        out += "\n" + t.render()
        out += "Total lag: \(totals.lag)  Consume TPS: \(String(format: "%.2f", consumeTps))\n"
        return out
    }
}
