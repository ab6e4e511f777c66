import MQProtocol

extension MQClientInstance {
    /// QUERY_CONSUME_QUEUE (321): `count` consume-queue entries of one queue from `index`, each evaluated against
    /// `group`'s subscription when one is given (Apache's queryCq).
    public func queryConsumeQueue(
        broker address: String, topic: String, queueId: Int32, index: Int64, count: Int32, group: String?
    ) async throws -> QueryConsumeQueueResponseBody {
        let header = QueryConsumeQueueRequestHeader(
            topic: topic, queueId: queueId, index: index, count: count, consumerGroup: group)
        let response = try await invoke(address, .request(.queryConsumeQueue, header: header))
        try response.expect(from: address)
        return try decode(QueryConsumeQueueResponseBody.self, response)
    }
}
