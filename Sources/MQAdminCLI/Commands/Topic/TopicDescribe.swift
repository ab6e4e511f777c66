import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin topic describe TOPIC`: per queue offsets, message counts and last store times.
struct TopicDescribe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Show a topic's brokers and queues: offsets, message counts, last store time, put TPS.")

    @Argument(help: "Topic name.", completion: .custom(LiveNames.topics))
    var topic: String

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws { try TopicArgs.topic(topic) }

    func run() async throws {
        let view = try await Session.withClient(connection) { client in
            let (route, masters) = try await client.routeMasters(topic: topic)
            var view = TopicDescribeView(topic: topic, route: route, stats: try await client.topicStats(topic: topic))
            await view.readMessageType(client: client, masters: masters)
            return view
        }
        Emit.output(view, format: output.output) { view.table() }
        try view.failIfPartial()
    }
}

/// The result of `topic describe` (docs/json/topics.md).
struct TopicDescribeView: Encodable, Sendable {
    struct Broker: Encodable, Sendable {
        var cluster: String
        var broker: String
        var address: String
        var readQueues: Int32
        var writeQueues: Int32
        var perm: Int32
        var permName: String
        var putTps: OrNull<Double>
        var reachable: Bool
        @NullEncoded var error: String?
        /// Whether the error is a failure to connect (exit 4 rather than 1); not in the JSON.
        var connectivity = false

        enum CodingKeys: String, CodingKey {
            case cluster, broker, address, readQueues, writeQueues, perm, permName, putTps, reachable, error
        }
    }

    struct Queue: Encodable, Sendable {
        var broker: String
        var queueId: Int32
        var minOffset: Int64
        var maxOffset: Int64
        var messages: Int64
        var lastStoreTime: OrNull<Int64>
        var lastStoreTimeIso: OrNull<String>
        /// Why lastStoreTime is null: "empty queue" or "last message no longer readable".
        @NullEncoded var lastStoreTimeReason: String?
    }

    struct Totals: Encodable, Sendable {
        var brokers: Int
        var queues: Int
        var messages: Int64
        var putTps: Double
    }

    var topic: String
    /// The `message.type` attribute (NORMAL when absent); null when no master's topic config could be read.
    @NullEncoded var messageType: String? = nil
    var brokers: [Broker]
    var queues: [Queue]
    var totals: Totals

    init(topic: String, route: TopicRouteData?, stats: [BrokerResult<TopicStatsTable?>]) {
        self.topic = topic
        let queueData = Dictionary(
            (route?.queueDatas ?? []).map { ($0.brokerName, $0) }, uniquingKeysWith: { a, _ in a })
        var queues: [Queue] = []
        brokers = stats.map { r in
            let q = queueData[r.endpoint.brokerName]
            var b = Broker(
                cluster: r.endpoint.cluster, broker: r.endpoint.brokerName, address: r.endpoint.address,
                readQueues: q?.readQueueNums ?? 0, writeQueues: q?.writeQueueNums ?? 0, perm: q?.perm ?? 0,
                permName: PermName.string(q?.perm ?? 0), putTps: OrNull(nil), reachable: true, error: nil)
            switch r.result {
            case .failure(let error):
                b.reachable = false
                b.error = error.description
                b.connectivity = error.isConnectivity
            case .success(nil):
                b.error = "the broker does not have the topic (its route is stale)"
            case .success(let table?):
                b.putTps = OrNull(table.topicPutTps)
                queues += table.offsetTable.entries.map { Self.queue($0.queue, $0.value) }
            }
            return b
        }
        self.queues = queues.sorted { ($0.broker, $0.queueId) < ($1.broker, $1.queueId) }
        totals = Totals(
            brokers: brokers.count, queues: queues.count, messages: queues.reduce(0) { $0 + $1.messages },
            putTps: brokers.reduce(0) { $0 + ($1.putTps.value ?? 0) })
    }

    /// Sets `messageType` as the first of `masters` that answers GET_TOPIC_CONFIG has it.
    mutating func readMessageType(client: MQClientInstance, masters: [BrokerEndpoint]) async {
        for master in masters {
            if let config = try? await client.topicConfig(topic, broker: master.address) {
                messageType = config.messageType
                return
            }
        }
    }

    /// Exit 1 (4 when it could not connect) after the output when a broker could not be read.
    func failIfPartial() throws {
        guard let failed = brokers.first(where: { !$0.reachable }) else { return }
        throw CLIError(
            "cannot read topic \(topic) from broker \(failed.broker): \(failed.error ?? ""); "
                + "the figures above leave it out",
            exit: failed.connectivity ? .unreachable : .failed)
    }

    static func queue(_ mq: MessageQueue, _ o: TopicOffset) -> Queue {
        let known = o.lastUpdateTimestamp > 0
        return Queue(
            broker: mq.brokerName, queueId: mq.queueId, minOffset: o.minOffset, maxOffset: o.maxOffset,
            messages: max(0, o.maxOffset - o.minOffset), lastStoreTime: OrNull(known ? o.lastUpdateTimestamp : nil),
            lastStoreTimeIso: OrNull(known ? TimeFormat.iso(o.lastUpdateTimestamp) : nil),
            lastStoreTimeReason: known ? nil : (o.maxOffset == 0 ? "empty queue" : "last message no longer readable"))
    }

    func table() -> String {
        var out =
            "Topic \(topic): \(totals.brokers) broker(s), \(totals.queues) queues, \(totals.messages) messages, "
            + "put \(String(format: "%.2f", totals.putTps)) msg/s, type \(messageType ?? "unknown")\n\n"
        var b = TextTable("BROKER", "CLUSTER", "ADDRESS", "READ", "WRITE", "PERM", "PUT TPS", "NOTE")
        for x in brokers {
            b.add(
                x.broker, x.cluster, x.address, String(x.readQueues), String(x.writeQueues), x.permName,
                x.putTps.value.map { String(format: "%.2f", $0) } ?? "-", x.error ?? "")
        }
        out += b.render() + "\n"
        var q = TextTable([
            .init("BROKER"), .init("QUEUE", .right), .init("MIN", .right), .init("MAX", .right),
            .init("MESSAGES", .right), .init("LAST STORED"),
        ])
        for x in queues {
            let last = x.lastStoreTime.value.map { TimeFormat.iso($0) } ?? "-"
            q.add(x.broker, String(x.queueId), String(x.minOffset), String(x.maxOffset), String(x.messages), last)
        }
        q.add("TOTAL", "", "", "", String(totals.messages), "")
        return out + q.render()
    }
}
