import ArgumentParser
import MQClient
import MQProtocol

/// The group settings `group create|update` take; unset means "leave as is" (update) or the default (create).
struct GroupSettingsOptions: ParsableArguments {
    @Option(name: .customLong("retry-max-times"), help: "Deliveries after which a failing message goes to the DLQ.")
    var retryMaxTimes: Int32?

    @Option(name: .customLong("retry-queues"), help: "Queues of the group's %RETRY% topic.")
    var retryQueues: Int32?

    @Flag(inversion: .prefixedNo, help: "Allow broadcasting consumers.")
    var broadcast: Bool?

    @Flag(
        name: .customLong("consume-from-min"), inversion: .prefixedNo, help: "A new group starts from the min offset.")
    var consumeFromMin: Bool?

    @Flag(inversion: .prefixedNo, help: "Consume each queue in order (FIFO group).")
    var orderly: Bool?

    @Flag(
        name: .customLong("consume-enable"), inversion: .prefixedNo,
        help: "Allow the group to consume (--no-consume-enable pauses it).")
    var consumeEnable: Bool?

    func validate() throws {
        if let retryMaxTimes, retryMaxTimes < -1 {
            throw ValidationError("--retry-max-times must be -1 (no retries) or more")
        }
        if let retryQueues, retryQueues < 0 { throw ValidationError("--retry-queues must be 0 or more") }
    }

    var isEmpty: Bool {
        retryMaxTimes == nil && retryQueues == nil && broadcast == nil && consumeFromMin == nil && orderly == nil
            && consumeEnable == nil
    }

    func apply(to c: inout SubscriptionGroupConfig) {
        if let retryMaxTimes { c.retryMaxTimes = retryMaxTimes }
        if let retryQueues { c.retryQueueNums = retryQueues }
        if let broadcast { c.consumeBroadcastEnable = broadcast }
        if let consumeFromMin { c.consumeFromMinEnable = consumeFromMin }
        if let orderly { c.consumeMessageOrderly = orderly }
        if let consumeEnable { c.consumeEnable = consumeEnable }
    }
}

/// A group's settings in JSON (docs/json/groups.md).
struct GroupConfigView: Codable, Sendable {
    var consumeEnable: Bool
    var consumeFromMinEnable: Bool
    var consumeBroadcastEnable: Bool
    var consumeMessageOrderly: Bool
    var retryQueueNums: Int32
    var retryMaxTimes: Int32
    var brokerId: Int64
    var whichBrokerWhenConsumeSlowly: Int64
    var notifyConsumerIdsChangedEnable: Bool

    init(_ c: SubscriptionGroupConfig) {
        consumeEnable = c.consumeEnable
        consumeFromMinEnable = c.consumeFromMinEnable
        consumeBroadcastEnable = c.consumeBroadcastEnable
        consumeMessageOrderly = c.consumeMessageOrderly
        retryQueueNums = c.retryQueueNums
        retryMaxTimes = c.retryMaxTimes
        brokerId = c.brokerId
        whichBrokerWhenConsumeSlowly = c.whichBrokerWhenConsumeSlowly
        notifyConsumerIdsChangedEnable = c.notifyConsumerIdsChangedEnable
    }

    /// One line for people.
    var summary: String {
        "retryMaxTimes=\(retryMaxTimes) retryQueues=\(retryQueueNums) orderly=\(consumeMessageOrderly) "
            + "broadcast=\(consumeBroadcastEnable) consumeFromMin=\(consumeFromMinEnable) "
            + "consumeEnable=\(consumeEnable)"
    }
}

/// What a write to each broker did.
struct BrokerOutcome: Encodable {
    var broker: String
    var address: String
    var result: String
    var error: OrNull<String>
    /// The write was sent and not answered, so the broker may have carried it out; not in the JSON.
    var unconfirmed = false

    enum CodingKeys: String, CodingKey { case broker, address, result, error }

    init(_ b: BrokerRef, result: String, error: (any Error)? = nil) {
        broker = b.name
        address = b.address
        self.result = result
        self.error = OrNull(error.map { "\($0)" })
        unconfirmed = (error as? ClientError)?.outcomeUnknown ?? false
    }

    static func table(_ outcomes: [BrokerOutcome]) -> String {
        var t = TextTable("BROKER", "ADDRESS", "RESULT")
        for o in outcomes { t.add(o.broker, o.address, o.error.value.map { "\(o.result): \($0)" } ?? o.result) }
        return t.render()
    }

    /// Exit 1 naming exactly where it worked and where not.
    static func check(_ outcomes: [BrokerOutcome], what: String) throws {
        let failed = outcomes.filter { $0.error.value != nil }
        guard let first = failed.first else { return }
        let ok = outcomes.filter { $0.error.value == nil }.map(\.broker)
        let unconfirmed = failed.filter(\.unconfirmed).map(\.broker)
        var message = "\(what) failed on \(failed.map(\.broker).joined(separator: ", ")): \(first.error.value ?? "")"
        message += PartialWrite.tail(
            done: ok.isEmpty ? nil : "done on \(ok.joined(separator: ", ")) — re-run to finish",
            unconfirmed: unconfirmed, nothing: "nothing changed")
        throw CLIError(message, exit: .failed)
    }
}

/// `group create|update` output.
struct GroupWriteView: Encodable {
    var group: String
    var action: String
    var config: GroupConfigView
    var brokers: [BrokerOutcome]

    var table: String {
        BrokerOutcome.table(brokers) + "Group \(group): \(config.summary)\n"
    }
}
