import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `getConsumerConfig -g GROUP`: the group's SubscriptionGroupConfig on every broker that has it, each
/// field on a line of its own under a `cluster:broker` banner.
struct ClassicGetConsumerConfig: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "getConsumerConfig",
        abstract: "Get consumer config by subscription group name (Apache's classic command and output).",
        discussion: """
            Classic form of `mqadmin group describe` (which shows the main settings with members and lag). \
            Brokers are read in name order (Apache's follows a hash map). A group no broker has exits 3 with a \
            message, where Apache's tool prints nothing.
            """)

    @Option(name: [.customShort("g"), .customLong("groupName")], help: "subscription group name")
    var groupName: String

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws { try GroupTargets.validateName(groupName.trimmed, option: "-g") }

    func run() async throws {
        let group = groupName.trimmed
        let view = try await Session.withClient(connection) { client in
            let info = try await client.clusterInfo()
            var brokers: [ConsumerConfigView.Broker] = []
            for (name, data) in info.brokerAddrTable.sorted(by: { $0.key < $1.key }) {
                // Apache's selectBrokerAddr: the master, else a slave.
                guard let address = data.masterAddress ?? data.brokerAddrs.sorted(by: { $0.key < $1.key }).first?.value,
                    let config = try await client.groupConfig(group, broker: address)
                else { continue }
                let cluster = info.clusterAddrTable.first { $0.value.contains(name) }?.key
                brokers.append(.init(cluster: OrNull(cluster), broker: name, address: address, config: config))
            }
            guard !brokers.isEmpty else { throw GroupTargets.notFound(group) }
            return ConsumerConfigView(group: group, brokers: brokers)
        }
        Emit.output(view, format: output.output) { view.classicText }
    }
}

/// `getConsumerConfig` output: each broker's full configuration of the group.
struct ConsumerConfigView: Encodable {
    struct Broker: Encodable {
        var cluster: OrNull<String>
        var broker: String
        var address: String
        var config: SubscriptionGroupConfig

        enum CodingKeys: String, CodingKey { case cluster, broker, address, config }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(cluster, forKey: .cluster)
            try c.encode(broker, forKey: .broker)
            try c.encode(address, forKey: .address)
            try c.encode(ConsumerConfigJSON(config), forKey: .config)
        }
    }

    var group: String
    var brokers: [Broker]

    /// Apache's layout: a banner per broker, then `%-40s=  %s` per declared field of SubscriptionGroupConfig
    /// (Java's toString of each value; an unset one empty).
    var classicText: String {
        brokers.map { b in
            let c = b.config
            let fields: [(String, String)] = [
                ("groupName", c.groupName), ("consumeEnable", String(c.consumeEnable)),
                ("consumeFromMinEnable", String(c.consumeFromMinEnable)),
                ("consumeBroadcastEnable", String(c.consumeBroadcastEnable)),
                ("consumeMessageOrderly", String(c.consumeMessageOrderly)),
                ("retryQueueNums", String(c.retryQueueNums)), ("retryMaxTimes", String(c.retryMaxTimes)),
                ("groupRetryPolicy", ClassicGroupText.retryPolicy(c.groupRetryPolicy)),
                ("brokerId", String(c.brokerId)),
                ("whichBrokerWhenConsumeSlowly", String(c.whichBrokerWhenConsumeSlowly)),
                ("notifyConsumerIdsChangedEnable", String(c.notifyConsumerIdsChangedEnable)),
                ("groupSysFlag", String(c.groupSysFlag)), ("consumeTimeoutMinute", String(c.consumeTimeoutMinute)),
                ("subscriptionDataSet", c.subscriptionDataSet.map { ClassicGroupText.subscriptions($0) } ?? ""),
                ("attributes", ClassicGroupText.javaMap(c.attributes)),
            ]
            let banner = "=============================\(b.cluster.value ?? "null"):\(b.broker)"
                + "=============================\n"
            return banner + fields.map { Printf.left($0.0, 40) + "=  " + $0.1 + "\n" }.joined()
        }.joined()
    }
}

/// Every field of a SubscriptionGroupConfig in JSON; the retry policy and subscriptions as plain objects
/// (`JSONValue` only encodes through the broker's own encoder).
struct ConsumerConfigJSON: Encodable {
    struct RetryPolicy: Encodable {
        var type: String
        var exponentialRetryPolicy: [String: Int64]?
        var customizedRetryPolicy: [String: [Int64]]?
    }

    struct Subscription: Encodable {
        var topic: String
        var expressionType: String
        var expression: String
    }

    var groupName: String
    var consumeEnable: Bool
    var consumeFromMinEnable: Bool
    var consumeBroadcastEnable: Bool
    var consumeMessageOrderly: Bool
    var retryQueueNums: Int32
    var retryMaxTimes: Int32
    var groupRetryPolicy: RetryPolicy
    var brokerId: Int64
    var whichBrokerWhenConsumeSlowly: Int64
    var notifyConsumerIdsChangedEnable: Bool
    var groupSysFlag: Int32
    var consumeTimeoutMinute: Int32
    @NullEncoded var subscriptionDataSet: [Subscription]?
    var attributes: [String: String]

    init(_ c: SubscriptionGroupConfig) {
        groupName = c.groupName
        consumeEnable = c.consumeEnable
        consumeFromMinEnable = c.consumeFromMinEnable
        consumeBroadcastEnable = c.consumeBroadcastEnable
        consumeMessageOrderly = c.consumeMessageOrderly
        retryQueueNums = c.retryQueueNums
        retryMaxTimes = c.retryMaxTimes
        let p = c.groupRetryPolicy
        var exponential: [String: Int64]?
        if let e = p["exponentialRetryPolicy"], case .object = e {
            exponential = [
                "initial": e["initial"]?.int64Value ?? 5000, "max": e["max"]?.int64Value ?? 7_200_000,
                "multiplier": e["multiplier"]?.int64Value ?? 2,
            ]
        }
        var customized: [String: [Int64]]?
        if let cp = p["customizedRetryPolicy"], case .object = cp {
            var next = ClassicGroupText.defaultNext
            if case .array(let items)? = cp["next"] { next = items.compactMap(\.int64Value) }
            customized = ["next": next]
        }
        groupRetryPolicy = RetryPolicy(
            type: p["type"]?.stringValue ?? "CUSTOMIZED", exponentialRetryPolicy: exponential,
            customizedRetryPolicy: customized)
        brokerId = c.brokerId
        whichBrokerWhenConsumeSlowly = c.whichBrokerWhenConsumeSlowly
        notifyConsumerIdsChangedEnable = c.notifyConsumerIdsChangedEnable
        groupSysFlag = c.groupSysFlag
        consumeTimeoutMinute = c.consumeTimeoutMinute
        if case .array(let items)? = c.subscriptionDataSet {
            subscriptionDataSet = items.map {
                Subscription(
                    topic: $0["topic"]?.stringValue ?? "", expressionType: $0["expressionType"]?.stringValue ?? "TAG",
                    expression: $0["expression"]?.stringValue ?? "*")
            }
        }
        attributes = c.attributes
    }
}
