/// A record of a trace body that could not be read, and why.
public struct UnreadableTraceRecord: Sendable, Equatable {
    /// Position of the record in the body (0-based, counting every U+0002-terminated piece).
    public var index: Int
    /// The record's text as found (without its U+0002).
    public var text: String
    /// What is wrong, for people.
    public var reason: String

    public init(index: Int, text: String, reason: String) {
        self.index = index
        self.text = text
        self.reason = reason
    }
}

/// What a trace body holds: the records read, and the ones that could not be.
public struct TraceDecoding: Sendable, Equatable {
    public var records: [TraceRecord] = []
    public var unreadable: [UnreadableTraceRecord] = []

    public init(records: [TraceRecord] = [], unreadable: [UnreadableTraceRecord] = []) {
        self.records = records
        self.unreadable = unreadable
    }
}

/// Reads trace bodies written by Java clients (`TraceDataEncoder.decoderFromTraceDataString`) and by
/// ``TraceEncoder``. A pure function that never traps: a record with the wrong separators, missing
/// fields, bad numbers or an unknown type is reported in ``TraceDecoding/unreadable`` and the rest
/// of the body is still read. It is one of the decoders the hostile-input work (issue 9) fuzzes.
///
/// Tolerances match Java's: a Pub may have 13 fields (no offsetMsgId) or 15+ (old clientHost); a
/// SubAfter may lack the context code (6 fields) or the CLOUD-omitted time and group (7). Extra
/// trailing fields are ignored, unless one of them is a record type name, which means two records
/// were joined without U+0002. Empty pieces (a trailing U+0002, blank lines) are skipped.
public enum TraceDecoder {
    /// Decodes every record of a body.
    public static func decode(_ body: String) -> TraceDecoding {
        var out = TraceDecoding()
        for (index, piece) in body.split(separator: TraceEncoder.recordSeparator, omittingEmptySubsequences: false)
            .enumerated()
        {
            if piece.allSatisfy({ $0.isWhitespace }) { continue }
            switch decodeRecord(piece) {
            case .success(let record): out.records.append(record)
            case .failure(let problem):
                out.unreadable.append(UnreadableTraceRecord(index: index, text: String(piece), reason: problem.reason))
            }
        }
        return out
    }

    /// The body bytes as UTF-8 (invalid sequences become U+FFFD), then ``decode(_:)-swift.type.method``.
    public static func decode(bytes: some Sequence<UInt8>) -> TraceDecoding {
        decode(String(decoding: Array(bytes), as: UTF8.self))
    }

    /// Entry point for a fuzzer: decodes arbitrary bytes and checks the decoder's promises.
    public static func fuzz(_ bytes: [UInt8]) {
        let result = decode(bytes: bytes)
        // Every readable record re-encodes to text that decodes to one record encoding to that same text.
        for record in result.records {
            let text = TraceEncoder.encode(record)
            let again = decode(text)
            precondition(
                again.records.count == 1 && again.unreadable.isEmpty && TraceEncoder.encode(again.records[0]) == text,
                "trace round trip broke: \(record)")
        }
    }

    struct Problem: Error {
        var reason: String
    }

    static func decodeRecord(_ piece: Substring) -> Result<TraceRecord, Problem> {
        let f = Fields(piece.split(separator: TraceEncoder.fieldSeparator, omittingEmptySubsequences: false))
        guard f.count > 1 else {
            return .failure(Problem(reason: "no U+0001 field separators in \"\(preview(piece))\""))
        }
        guard let type = TraceType(rawValue: String(f.values[0])) else {
            let names = TraceType.allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(
                Problem(reason: "unknown record type \"\(preview(f.values[0]))\"; expected one of \(names)"))
        }
        do {
            switch type {
            case .pub: return .success(.pub(try pub(f)))
            case .subBefore: return .success(.subBefore(try subBefore(f)))
            case .subAfter: return .success(.subAfter(try subAfter(f)))
            case .endTransaction: return .success(.endTransaction(try endTransaction(f)))
            case .recall: return .success(.recall(try recall(f)))
            }
        } catch {
            return .failure(error)
        }
    }

    static func pub(_ f: Fields) throws(Problem) -> PubTrace {
        try f.require(13, of: .pub, reads: 15)
        let with14 = f.count >= 14
        return PubTrace(
            timestamp: try f.long(1, "timeStamp"), regionId: f[2], group: f[3], topic: f[4], msgId: f[5],
            tags: f.optional(6), keys: f.optional(7), storeHost: f[8], bodyLength: try f.int(9, "bodyLength"),
            costTime: try f.int(10, "costTime"), msgType: try f.messageType(11),
            offsetMsgId: with14 ? f[12] : nil, success: try f.bool(with14 ? 13 : 12, "success"),
            clientHost: f.count >= 15 ? f[14] : nil)
    }

    static func subBefore(_ f: Fields) throws(Problem) -> SubBeforeTrace {
        try f.require(8, of: .subBefore, reads: 8)
        return SubBeforeTrace(
            timestamp: try f.long(1, "timeStamp"), regionId: f[2], group: f[3], requestId: f[4], msgId: f[5],
            retryTimes: try f.int(6, "retryTimes"), keys: f.optional(7))
    }

    static func subAfter(_ f: Fields) throws(Problem) -> SubAfterTrace {
        try f.require(6, of: .subAfter, reads: 9)
        // A CLOUD record ends "code U+0001": its eighth field is present but empty.
        let hasTime = f.count >= 8 && !f[7].isEmpty
        return SubAfterTrace(
            requestId: f[1], msgId: f[2], costTime: try f.int(3, "costTime"), success: try f.bool(4, "success"),
            keys: f.optional(5), contextCode: f.count >= 7 ? try f.int(6, "contextCode") : nil,
            timestamp: hasTime ? try f.long(7, "timeStamp") : nil, group: hasTime ? (f.count >= 9 ? f[8] : "") : nil)
    }

    static func endTransaction(_ f: Fields) throws(Problem) -> EndTransactionTrace {
        try f.require(13, of: .endTransaction, reads: 13)
        let state = f[11]
        guard ["COMMIT_MESSAGE", "ROLLBACK_MESSAGE", "UNKNOW"].contains(state) else {
            throw Problem(reason: "EndTransaction transactionState \"\(state)\" is not COMMIT_MESSAGE, "
                + "ROLLBACK_MESSAGE or UNKNOW")
        }
        return EndTransactionTrace(
            timestamp: try f.long(1, "timeStamp"), regionId: f[2], group: f[3], topic: f[4], msgId: f[5],
            tags: f.optional(6), keys: f.optional(7), storeHost: f[8], msgType: try f.messageType(9),
            transactionId: f[10], transactionState: state, fromTransactionCheck: try f.bool(12, "fromTransactionCheck"))
    }

    static func recall(_ f: Fields) throws(Problem) -> RecallTrace {
        try f.require(7, of: .recall, reads: 7)
        return RecallTrace(
            timestamp: try f.long(1, "timeStamp"), regionId: f[2], group: f[3], topic: f[4], msgId: f[5],
            success: try f.bool(6, "success"))
    }

    /// At most 40 characters of `text` for a message, control characters written as `\u{1}`.
    public static func preview(_ text: some StringProtocol, limit: Int = 40) -> String {
        var out = ""
        for c in text.prefix(limit).unicodeScalars {
            out += c.value < 0x20 || c.value == 0x7F ? "\\u{\(String(c.value, radix: 16))}" : String(c)
        }
        return text.count > limit ? out + "..." : out
    }

    /// The fields of one record, with checked conversions.
    struct Fields {
        let values: [Substring]
        init(_ values: [Substring]) { self.values = values }

        var count: Int { values.count }
        subscript(_ i: Int) -> String { String(values[i]) }

        /// nil for Java's `null` text.
        func optional(_ i: Int) -> String? {
            values[i] == TraceEncoder.javaNull ? nil : String(values[i])
        }

        /// At least `minimum` fields, and no second record inside: a field past the `reads` the decoder
        /// uses that is a record type, or a line break followed by one (records joined by newlines).
        func require(_ minimum: Int, of type: TraceType, reads: Int) throws(Problem) {
            guard count >= minimum else {
                throw Problem(reason: "\(type.rawValue) record has \(count) fields; it needs at least \(minimum)")
            }
            let joined = values.indices.dropFirst().contains { i in
                let v = values[i]
                return (i >= reads && TraceType(rawValue: String(v)) != nil)
                    || (v.contains("\n") && TraceType.allCases.contains { v.contains("\n" + $0.rawValue) })
            }
            if joined {
                throw Problem(
                    reason: "\(type.rawValue) record has \(count) fields and another record inside; "
                        + "records must end with U+0002")
            }
        }

        func long(_ i: Int, _ name: String) throws(Problem) -> Int64 {
            guard let v = Int64(values[i]) else { throw notNumber(i, name) }
            return v
        }

        /// A Java `int` (32 bits).
        func int(_ i: Int, _ name: String) throws(Problem) -> Int {
            guard let v = Int32(values[i]) else { throw notNumber(i, name) }
            return Int(v)
        }

        func bool(_ i: Int, _ name: String) throws(Problem) -> Bool {
            switch values[i].lowercased() {
            case "true": return true
            case "false": return false
            default:
                throw Problem(
                    reason: "\(values[0]) field \(i) (\(name)) \"\(preview(values[i]))\" is not true or false")
            }
        }

        func messageType(_ i: Int) throws(Problem) -> Int {
            let v = try int(i, "msgType")
            guard TraceMessageType(rawValue: v) != nil else {
                throw Problem(reason: "\(values[0]) field \(i) (msgType) \(v) is not a message type ordinal (0-4)")
            }
            return v
        }

        private func notNumber(_ i: Int, _ name: String) -> Problem {
            Problem(reason: "\(values[0]) field \(i) (\(name)) \"\(preview(values[i]))\" is not a number")
        }
    }
}
