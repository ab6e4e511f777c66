import MQClient
import MQProtocol

extension MessageResolve {
    /// One message by offset message id, or by UNIQ_KEY in `topic` (the oldest when sent more than once);
    /// not found is exit 3, as `message get` says it.
    static func one(_ id: String, topic: String?, client: MQClientInstance) async throws -> MessageView {
        let names = await BrokerNames.load(client)
        var failures: [BacklogFailure] = []
        if let topic {
            let found = try await byUniqueKey(id, topic: topic, client: client, names: names)
            if let first = found.views.first { return first }
            failures = found.failures
        }
        if let view = try await byOffsetId(id, client: client, names: names) {
            if let topic, view.message.topic != topic {
                throw CLIError("message \(id) is in topic \(view.message.topic), not \(topic)", exit: .notFound)
            }
            return view
        }
        if let f = failures.first {
            throw CLIError(
                "lookup incomplete: broker \(f.broker) (\(f.address)): \(f.error)",
                exit: f.unreachable ? .unreachable : .failed)
        }
        throw notFound(id, topic: topic)
    }
}
