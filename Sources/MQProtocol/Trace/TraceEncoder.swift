/// Writes trace records exactly as Java's `TraceDataEncoder.encoderFromContextBean` does, so Apache's
/// tools and dashboard read ours: fields joined by U+0001, each record ended by U+0002, numbers in
/// decimal, booleans `true`/`false`, and a null string as `null`.
public enum TraceEncoder {
    /// Between the fields of a record (Java `TraceConstants.CONTENT_SPLITOR`).
    public static let fieldSeparator: Character = "\u{1}"
    /// After each record (Java `TraceConstants.FIELD_SPLITOR`).
    public static let recordSeparator: Character = "\u{2}"
    /// How Java's `StringBuilder.append` writes a null string; the decoder reads it back as nil.
    public static let javaNull = "null"

    /// One record, terminated by U+0002.
    public static func encode(_ record: TraceRecord) -> String {
        var fields: [String]
        switch record {
        case .pub(let r):
            fields = [
                TraceType.pub.rawValue, String(r.timestamp), r.regionId, r.group, r.topic, r.msgId, text(r.tags),
                text(r.keys), r.storeHost, String(r.bodyLength), String(r.costTime), String(r.msgType),
                r.offsetMsgId ?? "", String(r.success),
            ]
        case .subBefore(let r):
            fields = [
                TraceType.subBefore.rawValue, String(r.timestamp), r.regionId, r.group, r.requestId, r.msgId,
                String(r.retryTimes), text(r.keys),
            ]
        case .subAfter(let r):
            fields = [
                TraceType.subAfter.rawValue, r.requestId, r.msgId, String(r.costTime), String(r.success), text(r.keys),
                String(r.contextCode ?? 0),
            ]
            // Java ends the context code with a separator in both forms; LOCAL then adds time and group.
            if let timestamp = r.timestamp {
                fields += [String(timestamp), r.group ?? ""]
            } else {
                fields.append("")
            }
        case .endTransaction(let r):
            fields = [
                TraceType.endTransaction.rawValue, String(r.timestamp), r.regionId, r.group, r.topic, r.msgId,
                text(r.tags), text(r.keys), r.storeHost, String(r.msgType), r.transactionId, r.transactionState,
                String(r.fromTransactionCheck),
            ]
        case .recall(let r):
            fields = [
                TraceType.recall.rawValue, String(r.timestamp), r.regionId, r.group, r.topic, r.msgId,
                String(r.success),
            ]
        }
        return fields.joined(separator: String(fieldSeparator)) + String(recordSeparator)
    }

    /// Records concatenated into one trace message body.
    public static func encode(_ records: [TraceRecord]) -> String {
        records.map(encode).joined()
    }

    /// The keys a trace message carries (its `KEYS` property), as Java's dispatcher collects them:
    /// every record's msgId and each of its keys, without duplicates (first-seen order), so the
    /// broker's key index finds the trace by the message id and by the business keys.
    public static func keys(of records: [TraceRecord]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        func add(_ k: String) {
            if !k.isEmpty, seen.insert(k).inserted { out.append(k) }
        }
        for r in records {
            add(r.msgId)
            for k in (r.keys ?? "").split(separator: " ") { add(String(k)) }
        }
        return out
    }

    private static func text(_ s: String?) -> String { s ?? javaNull }
}
