import MQClient
import MQProtocol

/// Finding one message by offset message id, by unique key (UNIQ_KEY) or by queue offset.
enum MessageResolve {
    /// VIEW_MESSAGE_BY_ID when `id` is an offset message id naming a broker of this cluster; nil when it
    /// is not one (so it may be a UNIQ_KEY). A broker that has no message there is "not found" (exit 3).
    static func byOffsetId(_ id: String, client: MQClientInstance, names: BrokerNames) async throws -> MessageView? {
        guard let decoded = try? MessageId.decode(id), let broker = names.name(decoded.storeHost) else { return nil }
        do {
            return MessageView(try await client.storedMessage(offsetMsgId: id), broker: broker)
        } catch let error as ClientError where !error.isConnectivity {
            if case .brokerError(let code, _, _) = error, code == ResponseCode.systemError.rawValue {
                throw CLIError(
                    "no message with offset message id \(id): broker \(broker) has no message at commit-log offset "
                        + "\(decoded.offset) (deleted by retention, or a wrong id)", exit: .notFound)
            }
            throw error
        }
    }

    /// Messages of `topic` whose UNIQ_KEY is `key`, oldest first (a message sent twice has two).
    static func byUniqueKey(
        _ key: String, topic: String, client: MQClientInstance, names: BrokerNames
    ) async throws
        -> (views: [MessageView], failures: [BacklogFailure])
    {
        let r = try await client.lookupMessages(topic: topic, key: key, maxNum: 32, unique: true)
        return (r.messages.map { MessageView($0, broker: names.name($0.storeHost)) }, r.failures)
    }

    /// The message at a queue offset; not found (exit 3) names the queue's stored range.
    static func byQueueOffset(
        _ queue: MessageQueue, offset: Int64, client: MQClientInstance
    ) async throws -> MessageView {
        let route = try await client.route(topic: queue.topic)
        guard let data = route.queueDatas.first(where: { $0.brokerName == queue.brokerName }) else {
            let names = route.queueDatas.map(\.brokerName).sorted().joined(separator: ", ")
            throw CLIError(
                "topic \(queue.topic) has no queues on broker \(queue.brokerName) (it is on: \(names))", exit: .notFound
            )
        }
        guard queue.queueId < data.readQueueNums else {
            throw CLIError(
                "queue \(queue.queueId) does not exist on \(queue.brokerName); topic \(queue.topic) has queues "
                    + "0-\(data.readQueueNums - 1) there", exit: .notFound)
        }
        let r = try await client.storedMessage(queue: queue, offset: offset)
        guard let m = r.message else {
            let range = r.maxOffset > r.minOffset ? "offsets \(r.minOffset)-\(r.maxOffset - 1)" : "no messages"
            throw CLIError(
                "no message at offset \(offset) of \(queue.topic) queue \(queue.queueId) on \(queue.brokerName); "
                    + "the queue holds \(range)", exit: .notFound)
        }
        return MessageView(m, broker: queue.brokerName)
    }

    static func notFound(_ id: String, topic: String?) -> CLIError {
        if let topic {
            return CLIError(
                "no message with id \(id) in topic \(topic); give a message id (UNIQ_KEY) or an offset message id "
                    + "from the send result", exit: .notFound)
        }
        return CLIError(
            "\(id) is not an offset message id of this cluster's brokers; if it is a message id (UNIQ_KEY), "
                + "add --topic TOPIC", exit: .notFound)
    }
}
