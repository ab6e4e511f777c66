import ArgumentParser
import MQClient
import MQProtocol
import NIOCore

/// The JSON shape of a send result.
struct SendJSON: Encodable {
    var status: String
    var msgId: String
    var offsetMsgId: String
    var topic: String
    var broker: String
    var queueId: Int32
    var queueOffset: Int64

    init(_ r: SendResult) {
        status = r.status.rawValue
        msgId = r.msgId
        offsetMsgId = r.offsetMsgId
        topic = r.queue.topic
        broker = r.queue.brokerName
        queueId = r.queue.queueId
        queueOffset = r.queueOffset
    }
}

/// What `message send` and classic `sendMessage` share.
enum SendSupport {
    static let producerGroup = "MQADMIN_PRODUCER"

    /// Parses `NAME=VALUE` properties; names the bad one and the fix.
    static func properties(_ pairs: [String]) throws -> [(String, String)] {
        try pairs.map { pair in
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                throw ValidationError("--property \"\(pair)\" is not NAME=VALUE")
            }
            let name = String(pair[..<eq])
            let value = String(pair[pair.index(after: eq)...])
            if name.contains("\u{1}") || name.contains("\u{2}") || value.contains("\u{1}") || value.contains("\u{2}") {
                throw ValidationError(
                    "--property \"\(name)\" contains a control character RocketMQ uses as a separator")
            }
            if [MessageConst.keys, MessageConst.tags].contains(name) {
                throw ValidationError("set \(name) with --\(name == MessageConst.keys ? "key" : "tag"), not --property")
            }
            if MessageConst.reservedByBroker.contains(name) || name == MessageConst.uniqueKey {
                throw ValidationError("--property \(name) is reserved for the broker/client")
            }
            return (name, value)
        }
    }

    static func message(
        topic: String, body: [UInt8], keys: [String], tag: String?, properties: [(String, String)]
    ) throws
        -> Message
    {
        guard !body.isEmpty else {
            throw CLIError("the message body is empty; RocketMQ does not store empty bodies", exit: .usage)
        }
        var m = Message(topic: topic, body: ByteBuffer(bytes: body), tags: tag, keys: keys)
        for (k, v) in properties { m.properties[k] = v }
        return m
    }

    /// Sends through a fresh producer; the topic must exist (no auto-creation through TBW102).
    static func send(
        _ message: Message, client: MQClientInstance, broker: String?, queue: Int32?, tracer: TraceDispatcher? = nil
    ) async throws
        -> SendResult
    {
        let route = try await client.route(topic: message.topic)
        let producer = Producer(group: producerGroup, client: client)
        func send(_ to: MessageQueue?) async throws -> SendResult {
            guard let tracer else { return try await producer.send(message, to: to) }
            return try await producer.send(message, to: to, tracer: tracer)
        }
        guard let broker else { return try await send(nil) }
        guard let data = route.queueDatas.first(where: { $0.brokerName == broker }), PermName.isWriteable(data.perm)
        else {
            let names = route.queueDatas.map(\.brokerName).sorted().joined(separator: ", ")
            throw CLIError(
                "topic \(message.topic) has no writable queues on broker \(broker) (it is on: \(names))", exit: .usage)
        }
        let id = queue ?? Int32.random(in: 0..<max(1, data.writeQueueNums))
        guard id < data.writeQueueNums else {
            throw CLIError(
                "queue \(id) does not exist on \(broker); topic \(message.topic) has queues "
                    + "0-\(data.writeQueueNums - 1) there",
                exit: .usage)
        }
        return try await send(MessageQueue(topic: message.topic, brokerName: broker, queueId: id))
    }

    static func table(_ r: SendResult) -> String {
        Labels.render([
            ("Status", r.status.rawValue), ("Msg ID", r.msgId), ("Offset Msg ID", r.offsetMsgId),
            ("Topic", r.queue.topic), ("Broker", r.queue.brokerName), ("Queue", String(r.queue.queueId)),
            ("Queue Offset", String(r.queueOffset)),
        ])
    }
}
