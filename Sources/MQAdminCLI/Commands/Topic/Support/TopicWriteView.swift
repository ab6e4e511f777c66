import Foundation
import MQClient
import MQProtocol

/// A topic configuration as commands print it in JSON.
struct TopicConfigJSON: Encodable, Sendable {
    var topicName: String
    var readQueueNums: Int32
    var writeQueueNums: Int32
    var perm: Int32
    var permName: String
    var order: Bool
    var topicSysFlag: Int32
    var topicFilterType: String
    var attributes: [String: String]

    init(_ c: TopicConfig) {
        topicName = c.topicName
        readQueueNums = c.readQueueNums
        writeQueueNums = c.writeQueueNums
        perm = c.perm
        permName = PermName.string(c.perm)
        order = c.order
        topicSysFlag = c.topicSysFlag
        topicFilterType = c.topicFilterType
        attributes = c.attributes
    }
}

/// The result of `topic create|update` and classic `updateTopic` (docs/json/topics.md).
struct TopicWriteView: Encodable, Sendable {
    struct Broker: Encodable, Sendable {
        var cluster: String
        var broker: String
        var address: String
        var result: TopicWriteResult.Outcome
        @NullEncoded var previous: TopicConfigJSON?
        @NullEncoded var config: TopicConfigJSON?
        @NullEncoded var error: String?
        /// Whether the failure was a failure to connect; not in the JSON.
        var connectivity = false
        /// Whether the write was sent and not answered, so the broker may have carried it out; not in the JSON.
        var unconfirmed = false

        enum CodingKeys: String, CodingKey { case cluster, broker, address, result, previous, config, error }
    }

    var topic: String
    var action: String
    var brokers: [Broker]
    /// The order configuration written to the name servers (`brokerName:queues;...`), if any.
    @NullEncoded var orderConf: String?
    /// Why the order configuration could not be written to every name server.
    @NullEncoded var orderError: String?
    var succeeded: Bool

    init(
        topic: String, action: String, results: [TopicWriteResult], orderConf: String? = nil, orderError: String? = nil
    ) {
        self.topic = topic
        self.action = action
        self.orderConf = orderConf
        brokers = results.map {
            Broker(
                cluster: $0.endpoint.cluster, broker: $0.endpoint.brokerName, address: $0.endpoint.address,
                result: $0.outcome, previous: $0.previous.map(TopicConfigJSON.init),
                config: $0.config.map(TopicConfigJSON.init), error: $0.error?.description,
                connectivity: $0.error?.isConnectivity ?? false, unconfirmed: $0.error?.outcomeUnknown ?? false)
        }
        self.orderError = orderError
        succeeded = orderError == nil && !results.contains { $0.outcome == .failed }
    }

    var failed: [Broker] { brokers.filter { $0.result == .failed } }

    /// One row per broker, with what changed.
    func table() -> String {
        var t = TextTable("BROKER", "ADDRESS", "RESULT", "READ", "WRITE", "PERM", "ORDER", "CHANGES")
        for b in brokers {
            let c = b.config
            t.add([
                b.broker.isEmpty ? "-" : b.broker, b.address, b.result.rawValue,
                c.map { String($0.readQueueNums) } ?? "-",
                c.map { String($0.writeQueueNums) } ?? "-", c?.permName ?? "-", c.map { String($0.order) } ?? "-",
                b.error ?? Self.changes(b.previous, b.config),
            ])
        }
        var out = t.render()
        if let orderConf { out += "order configuration on the name servers: \(orderConf)\n" }
        return out
    }

    /// `read 8→16, perm RW-→R--` for an update; empty when nothing changed or the topic is new.
    static func changes(_ old: TopicConfigJSON?, _ new: TopicConfigJSON?) -> String {
        guard let old, let new else { return "" }
        var parts: [String] = []
        if old.readQueueNums != new.readQueueNums { parts.append("read \(old.readQueueNums)→\(new.readQueueNums)") }
        if old.writeQueueNums != new.writeQueueNums {
            parts.append("write \(old.writeQueueNums)→\(new.writeQueueNums)")
        }
        if old.perm != new.perm { parts.append("perm \(old.permName)→\(new.permName)") }
        if old.order != new.order { parts.append("order \(old.order)→\(new.order)") }
        if old.attributes != new.attributes {
            func text(_ a: [String: String]) -> String {
                "{" + a.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + "}"
            }
            parts.append("attributes \(text(old.attributes))→\(text(new.attributes))")
        }
        return parts.joined(separator: ", ")
    }

    /// Throws (exit 1) naming every broker that failed and every one that changed, after output.
    func failIfPartial() throws {
        let failed = self.failed
        guard !failed.isEmpty || !succeeded else { return }
        let changed = brokers.filter { [.created, .updated].contains($0.result) }.map {
            "\($0.broker) (\($0.address))"
        }
        let failures = failed.map { "\($0.broker.isEmpty ? $0.address : $0.broker): \($0.error ?? "failed")" }
        var message =
            failures.isEmpty
            ? "the order configuration could not be written to every name server: \(orderError ?? "")"
            : "\(action) of topic \(topic) failed on \(failed.count) of \(brokers.count) brokers: "
                + failures.joined(separator: "; ")
        let unconfirmed = failed.filter(\.unconfirmed).map { $0.broker.isEmpty ? $0.address : $0.broker }
        message += PartialWrite.tail(
            done: changed.isEmpty ? nil : "changed: \(changed.joined(separator: ", "))", unconfirmed: unconfirmed,
            check: "`mqadmin topic describe \(topic)` shows what the brokers have")
        if failed.contains(where: \.connectivity) {
            message += "; the command is idempotent: re-run it once the broker is back"
        }
        throw CLIError(message, exit: .failed)
    }
}

extension TopicWriteView {
    /// The view of a write, after writing the order configuration to the name servers when `order`
    /// asks for it and every broker succeeded (Apache's updateTopic writes it only then, too).
    static func after(
        _ results: [TopicWriteResult], topic: String, action: String, order: Bool, writeQueues: Int32,
        mergeOrderConf: Bool, client: MQClientInstance
    ) async -> TopicWriteView {
        guard order, !results.contains(where: { $0.outcome == .failed }) else {
            return TopicWriteView(topic: topic, action: action, results: results)
        }
        let names = results.map(\.endpoint.brokerName).filter { !$0.isEmpty }
        let (conf, error) = await client.writeOrderConf(
            topic: topic, brokers: names, writeQueues: writeQueues, merge: mergeOrderConf)
        return TopicWriteView(
            topic: topic, action: action, results: results, orderConf: conf, orderError: error?.description)
    }
}
