import MQProtocol
import MQRemoting
import NIOCore

/// Admin requests answered by one client, not by the broker (Apache's `AdminBrokerProcessor#callConsumer`):
/// the broker finds the client's own connection by group and client id, sends it the request and relays
/// the client's answer unchanged. The call waits on the client, never on a broker thread: the response
/// is deferred until the client answers or the call times out.
extension BrokerCore {
    /// Apache's `Broker2Client#callClient` waits 10 s.
    static let clientCallTimeout: TimeAmount = .seconds(10)
    /// Apache refuses clients older than V3_1_8_SNAPSHOT: they do not know these codes.
    static let oldestCallableClientVersion: Int32 = 62

    func handleGetConsumerRunningInfo(_ request: RemotingCommand) throws -> ProcessResult {
        let h = try request.decodeHeader(GetConsumerRunningInfoRequestHeader.self)
        return callConsumer(.getConsumerRunningInfo, request, group: h.consumerGroup, clientId: h.clientId)
    }

    /// Adds what the client needs to consume the message as if pulled: the broker's name, the topic's and
    /// group's system flags, and the stored message itself as the body.
    func handleConsumeMessageDirectly(_ request: RemotingCommand) throws -> ProcessResult {
        let h = try request.decodeHeader(ConsumeMessageDirectlyRequestHeader.self)
        var forwarded = request
        forwarded.extFields["brokerName"] = config.brokerName
        if let topic = h.topic, let topicConfig = topics.topic(topic) {
            forwarded.extFields["topicSysFlag"] = String(topicConfig.topicSysFlag)
        }
        if let group = groups.group(h.consumerGroup) {
            forwarded.extFields["groupSysFlag"] = String(group.groupSysFlag)
        }
        // Apache sends the request on without a body when the id is not an offset id; the client then fails.
        if let msgId = h.msgId, let decoded = try? MessageId.decode(msgId),
            let record = store.message(atCommitLogOffset: decoded.offset)
        {
            forwarded.body = record
        }
        return callConsumer(.consumeMessageDirectly, forwarded, group: h.consumerGroup, clientId: h.clientId ?? "")
    }

    private func callConsumer(
        _ code: RequestCode, _ request: RemotingCommand, group: String, clientId: String
    ) -> ProcessResult {
        let channel = consumers.group(group)?.channels.values.first { $0.clientId == clientId && $0.peer.isActive }
        guard let channel else {
            return .response(request.response(.systemError, remark: "The Consumer <\(group)> <\(clientId)> not online"))
        }
        guard channel.version >= Self.oldestCallableClientVersion else {
            let version = MQVersion.describe(channel.version)
            return .response(request.response(
                .systemError,
                remark: "The Consumer <\(clientId)> Version <\(version)> too low to finish, please upgrade it to "
                    + "V3_1_8_SNAPSHOT"))
        }
        let call = RemotingCommand(code: code.rawValue, extFields: request.extFields, body: request.body)
        let answer = channel.peer.sendRequest(call, timeout: Self.clientCallTimeout)
            .map { Optional($0) }
            .flatMapErrorThrowing { error -> RemotingCommand? in
                if case RemotingError.timeout = error {
                    return request.response(
                        .consumeMessageTimeout, remark: "consumer <\(group)> <\(clientId)> Timeout: \(error)")
                }
                return request.response(
                    .systemError, remark: "invoke consumer <\(group)> <\(clientId)> Exception: \(error)")
            }
        return .deferred(answer)
    }
}
