import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `updateSubGroup`: create or replace a group's configuration on a broker or a cluster's masters.
struct ClassicUpdateSubGroup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "updateSubGroup",
        abstract: "Update or create subscription group.",
        discussion: """
            Classic form of `mqadmin group create|update`. Unset options take Apache's defaults (it replaces the \
            whole configuration); boolean options are true only for "true".
            """
    )

    @Option(name: [.customShort("g"), .customLong("groupName")], help: "consumer group name") var groupName: String
    @Option(name: [.customShort("b"), .customLong("brokerAddr")], help: "create subscription group to which broker")
    var brokerAddr: String?
    @Option(name: [.customShort("c"), .customLong("clusterName")], help: "create subscription group to which cluster")
    var clusterName: String?
    @Option(name: [.customShort("s"), .customLong("consumeEnable")], help: "consume enable") var consumeEnable: String?
    @Option(name: [.customShort("m"), .customLong("consumeFromMinEnable")], help: "from min offset")
    var consumeFromMinEnable: String?
    @Option(name: [.customShort("d"), .customLong("consumeBroadcastEnable")], help: "broadcast")
    var consumeBroadcastEnable: String?
    @Option(name: [.customShort("o"), .customLong("consumeMessageOrderly")], help: "consume message orderly")
    var consumeMessageOrderly: String?
    @Option(name: [.customShort("q"), .customLong("retryQueueNums")], help: "retry queue nums")
    var retryQueueNums: Int32?
    @Option(name: [.customShort("r"), .customLong("retryMaxTimes")], help: "retry max times") var retryMaxTimes: Int32?
    @Option(name: [.customShort("p"), .customLong("groupRetryPolicy")], help: "the json string of retry policy")
    var groupRetryPolicy: String?
    @Option(name: [.customShort("i"), .customLong("brokerId")], help: "consumer from which broker id")
    var brokerId: Int64?
    @Option(
        name: [.customShort("w"), .customLong("whichBrokerWhenConsumeSlowly")],
        help: "which broker id when consume slowly")
    var whichBrokerWhenConsumeSlowly: Int64?
    @Option(name: [.customShort("a"), .customLong("notifyConsumerIdsChanged")], help: "notify consumerId changed")
    var notifyConsumerIdsChanged: String?
    @Option(name: .customLong("attributes"), help: "attribute(+a=b,+c=d,-e)") var attributes: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        try GroupTargets.validateName(groupName, option: "-g")
        try GroupTargets.checkBool(consumeEnable, option: "-s")
        try GroupTargets.checkBool(consumeFromMinEnable, option: "-m")
        try GroupTargets.checkBool(consumeBroadcastEnable, option: "-d")
        try GroupTargets.checkBool(consumeMessageOrderly, option: "-o")
        try GroupTargets.checkBool(notifyConsumerIdsChanged, option: "-a")
        try ClassicBrokerOrCluster.validate(broker: brokerAddr, cluster: clusterName, checkAddress: false)
        if let p = groupRetryPolicy,
            (try? JSONReader.parse(p)).map({ if case .object = $0 { true } else { false } }) != true
        {
            throw ValidationError(
                "-p must be a JSON object, e.g. "
                    + #"{"type":"EXPONENTIAL","exponentialRetryPolicy":{"initial":5000,"max":7200000,"multiplier":2}}"#
            )
        }
        if let attributes { _ = try Self.parseAttributes(attributes) }
    }

    /// Apache's AttributeParser: `+key=value` sets, `-key` deletes (kept as the broker expects them).
    static func parseAttributes(_ text: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for kv in text.split(separator: ",").map(String.init) where !kv.isEmpty {
            let parts = kv.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 {
                guard parts[0].hasPrefix("+") else {
                    throw ValidationError("--attributes: \"\(kv)\" must start with + to set a value")
                }
            } else if !kv.hasPrefix("-") {
                throw ValidationError("--attributes: \"\(kv)\" must be +key=value or -key")
            }
            guard out.updateValue(parts.count == 2 ? parts[1] : "", forKey: parts[0]) == nil else {
                throw ValidationError("--attributes: key \(parts[0]) given twice")
            }
        }
        return out
    }

    var config: SubscriptionGroupConfig {
        var c = SubscriptionGroupConfig(groupName: groupName)
        c.consumeBroadcastEnable = false
        c.consumeFromMinEnable = false
        if let consumeEnable { c.consumeEnable = GroupTargets.javaBool(consumeEnable) }
        if let consumeFromMinEnable { c.consumeFromMinEnable = GroupTargets.javaBool(consumeFromMinEnable) }
        if let consumeBroadcastEnable { c.consumeBroadcastEnable = GroupTargets.javaBool(consumeBroadcastEnable) }
        if let consumeMessageOrderly { c.consumeMessageOrderly = GroupTargets.javaBool(consumeMessageOrderly) }
        if let retryQueueNums { c.retryQueueNums = retryQueueNums }
        if let retryMaxTimes { c.retryMaxTimes = retryMaxTimes }
        if let p = groupRetryPolicy, let v = try? JSONReader.parse(p) { c.groupRetryPolicy = v }
        if let brokerId { c.brokerId = brokerId }
        if let whichBrokerWhenConsumeSlowly { c.whichBrokerWhenConsumeSlowly = whichBrokerWhenConsumeSlowly }
        if let notifyConsumerIdsChanged {
            c.notifyConsumerIdsChangedEnable = GroupTargets.javaBool(notifyConsumerIdsChanged)
        }
        if let attributes, let a = try? Self.parseAttributes(attributes) { c.attributes = a }
        return c
    }

    func run() async throws {
        let config = self.config
        let outcomes = try await Session.with(connection) { session in
            let brokers = try await GroupTargets.resolve(session.client, cluster: clusterName, broker: brokerAddr)
            var outcomes: [BrokerOutcome] = []
            for b in brokers {
                do {
                    try await session.client.updateGroup(config, broker: b.address)
                    outcomes.append(BrokerOutcome(b, result: "updated"))
                } catch {
                    outcomes.append(BrokerOutcome(b, result: "failed", error: error))
                }
            }
            return outcomes
        }
        let view = GroupWriteView(
            group: groupName, action: "updateSubGroup", config: GroupConfigView(config), brokers: outcomes)
        Emit.output(view, format: output.output) {
            // Apache: one line per broker written, then the config's toString without a newline.
            outcomes.filter { $0.error.value == nil }.map { "create subscription group to \($0.address) success.\n" }
                .joined()
                + ClassicGroupText.config(config)
        }
        try BrokerOutcome.check(outcomes, what: "updateSubGroup")
    }
}
