import MQProtocol

extension Producer {
    /// Recalls a timer message before it is delivered (Java's `DefaultMQProducer.recallMessage`): `handle` is the
    /// send result's `recallHandle`, which names the topic and the broker. Returns the recalled message's id
    /// (UNIQ_KEY). A broker refuses a handle whose time has passed (ILLEGAL_OPERATION): the message was delivered.
    @discardableResult
    public func recall(_ handle: String, timeout: Duration? = nil) async throws -> String {
        let decoded: RecallHandle
        do {
            decoded = try RecallHandle(decoding: handle)
        } catch {
            throw ClientError.invalidArgument(error.description)
        }
        guard !decoded.topic.hasPrefix(SystemTopics.retryPrefix), !decoded.topic.hasPrefix(SystemTopics.dlqPrefix)
        else { throw ClientError.invalidArgument("topic is not supported") }
        let address = try await client.masterAddress(brokerName: decoded.brokerName)
        let header = RecallMessageRequestHeader(
            producerGroup: group, topic: decoded.topic, recallHandle: handle, brokerName: decoded.brokerName)
        let response = try await client.invoke(address, .request(.recallMessage, header: header), timeout: timeout)
        try response.expect(from: address)
        return try response.decodeHeader(RecallMessageResponseHeader.self).msgId
    }
}
