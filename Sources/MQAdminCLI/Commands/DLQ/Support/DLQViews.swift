import Foundation
import MQClient
import MQProtocol

/// One DLQ message as `dlq list` and `dlq resend` show it.
struct DLQMessageJSON: Encodable {
    var msgId: String
    var offsetMsgId: String
    var originMsgId: OrNull<String>
    /// The topic it was consumed from (RETRY_TOPIC); null when the broker recorded none.
    var originalTopic: OrNull<String>
    var queueId: Int32
    var queueOffset: Int64
    var keys: [String]
    var tags: OrNull<String>
    var reconsumeTimes: Int32
    /// Epoch ms: when the DLQ stored it, and when its producer sent the first copy.
    var storeTime: Int64
    var bornTime: Int64
    var bodySize: Int
    /// The first 64 characters of the body as text (invalid UTF-8 shown as U+FFFD).
    var bodyPreview: String

    init(_ letter: DeadLetter) {
        let m = letter.message
        msgId = m.msgId
        offsetMsgId = m.offsetMsgId
        originMsgId = OrNull(letter.originMsgId)
        originalTopic = OrNull(letter.originalTopic)
        queueId = m.queueId
        queueOffset = m.queueOffset
        keys = m.keys
        tags = OrNull(m.tags)
        reconsumeTimes = m.reconsumeTimes
        storeTime = m.storeTimestamp
        bornTime = m.bornTimestamp
        bodySize = m.body.readableBytes
        bodyPreview = Self.preview(m)
    }

    static func preview(_ m: MessageExt, length: Int = 64) -> String {
        let text = String(decoding: m.body.readableBytesView, as: UTF8.self)
        let flat = text.map { $0.isNewline || $0 == "\t" ? " " : String($0) }.joined()
        return flat.count <= length ? flat : String(flat.prefix(length)) + "…"
    }
}

/// `dlq list`: the table and the JSON report.
struct DLQListView: Encodable {
    var group: String
    var topic: String
    var count: Int
    /// More messages were in the window than --limit.
    var more: Bool
    var messages: [DLQMessageJSON]

    init(group: String, found: DeadLetters) {
        self.group = group
        topic = SystemTopics.dlqTopic(group)
        count = found.letters.count
        more = found.more
        messages = found.letters.map(DLQMessageJSON.init)
    }

    func table() -> String {
        guard !messages.isEmpty else { return "no messages in the DLQ window of \(topic)\n" }
        var t = TextTable("Store Time", "Msg ID", "Original Topic", "Keys", "Tags", "Retries", "Body")
        for m in messages {
            t.add(
                TimeFormat.iso(m.storeTime), m.msgId, m.originalTopic.value ?? "-",
                m.keys.isEmpty ? "-" : m.keys.joined(separator: " "), m.tags.value ?? "-", String(m.reconsumeTimes),
                DLQMessageJSON.shortened(m.bodyPreview, to: 32))
        }
        return t.render(trimmingTrailingSpaces: true)
    }
}

extension DLQMessageJSON {
    static func shortened(_ text: String, to length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length)) + "…"
    }
}

/// `dlq resend`: the plan or the per-message results.
struct DLQResendView: Encodable {
    struct Item: Encodable {
        var message: DLQMessageJSON
        /// planned, resent, already-resent, uncertain or failed.
        var result: String
        /// The resent copy's id (resent, already-resent; uncertain: the id it may have been stored as).
        var newMsgId: OrNull<String>
        var error: OrNull<String>
    }

    var group: String
    /// The messages were sent (false: this is the plan).
    var executed: Bool
    var journal: String
    var count: Int
    var resent: Int
    var skipped: Int
    var failed: Int
    var items: [Item]

    init(group: String, items found: [DeadLetterResendItem], executed: Bool, journal: String = "") {
        self.group = group
        self.executed = executed
        self.journal = journal
        items = found.map { Self.item($0) }
        count = items.count
        resent = items.filter { $0.result == "resent" }.count
        skipped = items.filter { ["already-resent", "uncertain"].contains($0.result) }.count
        failed = items.filter { $0.result == "failed" }.count
    }

    var pending: Int { items.filter { $0.result == "planned" }.count }
    var uncertain: Int { items.filter { $0.result == "uncertain" }.count }

    static func item(_ i: DeadLetterResendItem) -> Item {
        let m = DLQMessageJSON(i.letter)
        switch i.outcome {
        case .pending: return Item(message: m, result: "planned", newMsgId: OrNull(nil), error: OrNull(nil))
        case .resent(let id): return Item(message: m, result: "resent", newMsgId: OrNull(id), error: OrNull(nil))
        case .alreadyResent(let id):
            return Item(message: m, result: "already-resent", newMsgId: OrNull(id), error: OrNull(nil))
        case .uncertain(let id): return Item(message: m, result: "uncertain", newMsgId: OrNull(id), error: OrNull(nil))
        case .failed(let why): return Item(message: m, result: "failed", newMsgId: OrNull(nil), error: OrNull(why))
        }
    }

    func table() -> String {
        guard !items.isEmpty else { return "no messages in the DLQ window of \(SystemTopics.dlqTopic(group))\n" }
        var t = TextTable("Msg ID", "To Topic", "Keys", "Stored", "Result")
        for i in items {
            let m = i.message
            t.add(
                m.msgId, m.originalTopic.value ?? "-", m.keys.isEmpty ? "-" : m.keys.joined(separator: " "),
                TimeFormat.iso(m.storeTime), resultText(i))
        }
        var text = t.render(trimmingTrailingSpaces: true)
        if executed { text += "resent \(resent), skipped \(skipped), failed \(failed); journal \(journal)\n" }
        return text
    }

    static func resultText(_ i: Item) -> String {
        switch i.result {
        case "planned": return "would resend"
        case "resent": return "ok " + (i.newMsgId.value ?? "")
        case "already-resent": return "skipped: already resent as " + (i.newMsgId.value ?? "")
        case "uncertain": return "skipped: uncertain, maybe stored as " + (i.newMsgId.value ?? "")
        default: return "failed: " + (i.error.value ?? "")
        }
    }

    /// The plan says what would fail rather than that it failed.
    func resultText(_ i: Item) -> String {
        let text = Self.resultText(i)
        return !executed && i.result == "failed" ? "would fail: " + (i.error.value ?? "") : text
    }
}
