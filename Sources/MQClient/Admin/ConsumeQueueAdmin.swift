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

extension MQClientInstance {
    /// GET_BROKER_CONSUME_STATS (317): every group's offsets on every queue of one broker (Apache's
    /// brokerConsumeStats; `isOrder`: only ordered topics).
    public func brokerConsumeStats(broker address: String, isOrder: Bool, timeout: Duration?) async throws
        -> ConsumeStatsList
    {
        let header = GetConsumeStatsInBrokerHeader(isOrder: isOrder)
        let response = try await invoke(address, .request(.getBrokerConsumeStats, header: header), timeout: timeout)
        try response.expect(from: address)
        return try consumeStatsList(response)
    }
}
