import MQClient
import MQProtocol
import NIOCore

/// Apache's `queryMsgById -g G -d CLIENT` (push each message to one client) and `-s true` (send each message
/// again to its topic through a producer), with Apache's output: `toString`s printed back to back, no newlines.
enum ClassicQueryMsgByIdActions {
    /// One pushed message: its id and the client's answer.
    struct Pushed: Encodable, Sendable {
        var msgId: String
        var clientId: String
        var result: ConsumeMessageDirectlyResult
    }

    /// One message sent again: the id asked for and the new send's result (nil: no such message).
    struct Resent: Encodable, Sendable {
        var originalMsgId: String
        @NullEncoded var sendResult: SendJSON?
    }

    static func push(
        _ messages: [(id: String, view: MessageView)], group: String, clientId: String, client: MQClientInstance
    ) async throws -> [Pushed] {
        var out: [Pushed] = []
        for (id, view) in messages {
            do {
                let result = try await client.consumeMessageDirectly(view.message, group: group, clientId: clientId)
                out.append(Pushed(msgId: id, clientId: clientId, result: result))
            } catch let error as ClientError {
                throw MessageResendView.explain(error, group: group, clientId: clientId)
            }
        }
        return out
    }

    static func pushText(_ pushed: [Pushed]) -> String {
        pushed.map(\.result.apacheDescription).joined()
    }

    /// Sends each message as stored (body, flag and every property, UNIQ_KEY included, as Java's producer keeps
    /// a message's id) to its topic, through any writable queue.
    static func resend(
        _ messages: [(id: String, view: MessageView?)], client: MQClientInstance
    ) async throws -> [Resent] {
        var out: [Resent] = []
        for (id, view) in messages {
            guard let view else {
                out.append(Resent(originalMsgId: id, sendResult: nil))
                continue
            }
            var message = Message(topic: view.message.topic, body: ByteBuffer(bytes: view.body))
            message.flag = view.message.flag
            message.properties = view.message.properties
            let sent = try await SendSupport.send(message, client: client, broker: nil, queue: nil)
            out.append(Resent(originalMsgId: id, sendResult: SendJSON(sent)))
        }
        return out
    }

    /// `prepare resend msg. originalMsgId=ID` and Java's `SendResult#toString` (5.x: with `recallHandle`).
    static func resendText(_ resent: [Resent]) -> String {
        resent.map { r in
            guard let s = r.sendResult else { return "no message. msgId=\(r.originalMsgId)" }
            return "prepare resend msg. originalMsgId=\(r.originalMsgId)"
                + "SendResult [sendStatus=\(s.status), msgId=\(s.msgId), offsetMsgId=\(s.offsetMsgId), "
                + "messageQueue=MessageQueue [topic=\(s.topic), brokerName=\(s.broker), queueId=\(s.queueId)], "
                + "queueOffset=\(s.queueOffset), recallHandle=null]"
        }.joined()
    }
}
