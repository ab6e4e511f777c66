import MQProtocol

extension MQClientInstance {
    /// The broker waits 10 s for the client (Apache's `Broker2Client#callClient`); this waits a little longer so
    /// that a client that does not answer shows as the broker's CONSUME_MSG_TIMEOUT, not as a broker time-out.
    static let consumeDirectlyTimeout: Duration = .seconds(13)

    /// CONSUME_MESSAGE_DIRECTLY through the broker that stores `message` (its store host, as Apache's admin
    /// does): the named client runs its listener on it once and answers how it went. The broker's refusals
    /// (client not online: SYSTEM_ERROR; no answer in 10 s: CONSUME_MSG_TIMEOUT) throw `brokerError`.
    public func consumeMessageDirectly(
        _ message: MessageExt, group: String, clientId: String
    ) async throws -> ConsumeMessageDirectlyResult {
        let address = message.storeHost.description
        let header = ConsumeMessageDirectlyRequestHeader(
            consumerGroup: group, clientId: clientId, msgId: message.offsetMsgId, topic: message.topic)
        let response = try await invoke(
            address, .request(.consumeMessageDirectly, header: header), timeout: Self.consumeDirectlyTimeout)
        try response.expect(from: address)
        do {
            return try response.decodeBody(ConsumeMessageDirectlyResult.self)
        } catch {
            throw ClientError.malformedResponse("consume-directly result of \(clientId): \(error)")
        }
    }

    /// Hands a stored message to its group's retry topic `%RETRY%<group>` with CONSUMER_SEND_MSG_BACK, as a
    /// consumer whose listener failed does: the broker stores it again with RETRY_TOPIC (its topic),
    /// ORIGIN_MESSAGE_ID and reconsume times + 1, and the group's members pull it after `delayLevel` (1: 1 s).
    /// The request's maxReconsumeTimes is the message's reconsume times + 1, so that one which used up the group's
    /// retries (a dead letter) is retried once more instead of going straight back to `%DLQ%<group>`.
    public func resendToRetry(_ message: MessageExt, group: String, delayLevel: Int32 = 1) async throws {
        let address = message.storeHost.description
        var header = ConsumerSendMsgBackRequestHeader(
            offset: message.commitLogOffset, group: group, delayLevel: delayLevel)
        header.originMsgId = message.msgId
        header.originTopic = message.topic
        header.maxReconsumeTimes = message.reconsumeTimes + 1
        try await invoke(address, .request(.consumerSendMsgBack, header: header)).expect(from: address)
    }
}
