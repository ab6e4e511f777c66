import Foundation
import MQProtocol

/// A message of a group's dead-letter queue (`%DLQ%GROUP`), and where it came from: the broker records the topic
/// it was first consumed from in RETRY_TOPIC and the id of that first message in ORIGIN_MESSAGE_ID when it moves it
/// to the retry topic or the DLQ (Apache's consumerSendMsgBack).
public struct DeadLetter: Sendable {
    public var message: MessageExt

    public init(_ message: MessageExt) { self.message = message }

    /// The topic to resend to: RETRY_TOPIC; nil when the broker left none (the message was sent to the DLQ by hand).
    public var originalTopic: String? {
        message.properties[MessageConst.retryTopic].flatMap { $0.isEmpty ? nil : $0 }
    }

    public var originMsgId: String? { message.properties[MessageConst.originMessageId] }

    /// What identifies this DLQ message in the resend journal across runs: queue, offset, store time and msgId,
    /// none of which changes when the broker's address does (the offset message id would).
    public var journalKey: String {
        "\(message.queueId):\(message.queueOffset):\(message.storeTimestamp):\(message.msgId)"
    }
}

/// Which messages of a DLQ a list or resend covers.
public struct DeadLetterWindow: Sendable {
    public var group: String
    public var since: Int64?
    public var until: Int64?
    public var key: String?
    public var limit: Int

    public init(group: String, since: Int64? = nil, until: Int64? = nil, key: String? = nil, limit: Int) {
        self.group = group
        self.since = since
        self.until = until
        self.key = key
        self.limit = limit
    }
}

/// The group has no DLQ topic (nothing was ever dead-lettered, or it was deleted).
public struct NoDeadLetterQueue: Error, CustomStringConvertible, Sendable {
    public var group: String

    public init(group: String) { self.group = group }

    public var description: String {
        "group \(group) has no dead-letter queue (topic \(SystemTopics.dlqTopic(group)) does not exist): no message "
            + "of it has exhausted its retries; check the group name with `mqadmin group list`"
    }
}

/// What a DLQ read found.
public struct DeadLetters: Sendable {
    public var letters: [DeadLetter]
    /// More messages were in the window than the limit.
    public var more: Bool
    public var failures: [BacklogFailure]
}

extension MQClientInstance {
    /// The messages of `%DLQ%GROUP` in the window, in store-time order (read as TOOLS_CONSUMER, nothing commits).
    public func deadLetters(_ w: DeadLetterWindow) async throws -> DeadLetters {
        var window = MessageWindow(topic: SystemTopics.dlqTopic(w.group))
        window.since = w.since
        window.until = w.until
        window.key = w.key
        let found: BrowsedMessages
        do {
            found = try await browse(window, limit: w.limit)
        } catch ClientError.topicNotFound {
            throw NoDeadLetterQueue(group: w.group)
        }
        return DeadLetters(letters: found.messages.map(DeadLetter.init), more: found.more, failures: found.failures)
    }
}
