import MQClient
import MQProtocol

/// What `message resend` did: the client's answer (--client), or the copy handed to the retry topic.
struct MessageResendView: Encodable, Sendable {
    /// The stored message's offset id and topic.
    var offsetMsgId: String
    var msgId: String
    var topic: String
    var group: String
    /// `client` (pushed to one client) or `retry` (handed to the group's retry topic).
    var mode: String
    @NullEncoded var clientId: String?
    /// The client's answer, with --client.
    @NullEncoded var result: ConsumeMessageDirectlyResult? = nil
    /// Where the copy went and its reconsume times, without --client.
    @NullEncoded var retryTopic: String? = nil
    @NullEncoded var reconsumeTimes: Int32? = nil

    static func resend(
        _ message: MessageExt, group: String, client clientId: String?, using client: MQClientInstance
    ) async throws -> MessageResendView {
        var view = MessageResendView(
            offsetMsgId: message.offsetMsgId, msgId: message.msgId, topic: message.topic, group: group,
            mode: clientId == nil ? "retry" : "client", clientId: clientId)
        if let clientId {
            do {
                view.result = try await client.consumeMessageDirectly(message, group: group, clientId: clientId)
            } catch let error as ClientError {
                throw explain(error, group: group, clientId: clientId)
            }
        } else {
            do {
                try await client.resendToRetry(message, group: group)
            } catch let error as ClientError where error.responseCode == .subscriptionGroupNotExist {
                throw CLIError(
                    "consumer group \(group) does not exist; create it with `mqadmin group create \(group)`",
                    exit: .notFound)
            }
            view.retryTopic = SystemTopics.retryTopic(group)
            view.reconsumeTimes = message.reconsumeTimes + 1
        }
        return view
    }

    /// The broker's refusals of CONSUME_MESSAGE_DIRECTLY, as the operator can act on them.
    static func explain(_ error: ClientError, group: String, clientId: String) -> any Error {
        guard case .brokerError(let code, let remark, _) = error else { return error }
        if code == ResponseCode.consumeMessageTimeout.rawValue {
            return CLIError(
                "client \(clientId) of group \(group) did not answer within 10 s: it does not implement "
                    + "CONSUME_MESSAGE_DIRECTLY (the C++ client does not) or its listener is still running; "
                    + "resend without --client to give the message to the whole group", exit: .unreachable)
        }
        if code == ResponseCode.systemError.rawValue && remark.hasSuffix("not online") {
            return CLIError(
                "client \(clientId) is not an online consumer of group \(group); "
                    + "see the group's clients with `mqadmin group describe \(group)`", exit: .notFound)
        }
        return error
    }

    func text() -> String {
        if let result {
            let lines: [(String, String)] = [
                ("Message", "\(offsetMsgId) (topic \(topic))"), ("Client", "\(clientId ?? "") of group \(group)"),
                ("Result", result.consumeResult?.rawValue ?? "none (the listener's status has no CMResult)"),
                ("Spent", "\(result.spentTimeMills) ms"), ("Remark", result.remark ?? "-"),
            ]
            return lines.map { $0.0.padding(toLength: 9, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n")
                + "\n"
        }
        return "Message \(offsetMsgId) (topic \(topic)) handed to \(retryTopic ?? "") with reconsume times "
            + "\(reconsumeTimes ?? 0): group \(group) consumes it again in about 1 s (one member, once); "
            + "its offsets did not move.\n"
    }
}
