import NIOCore

/// JSON headers whose extFields hold only plain strings and integers (every answer to a send, pull and heartbeat
/// requests, most others) are read without building the field map: the command fields from the bytes
/// (``JSONCommandReader``), the extFields object only checked and its place kept. The map is built from those bytes
/// when something reads `extFields`; a send's answer is read from them straight into ``SendMessageResponseHeader``
/// (``RemotingCommand/decodeHeader(_:)``). Anything else takes the generic path (nil), so what is accepted and
/// what the map holds are the same. Requests are taken too: turning them back after the walk would make every
/// non-send request (pulls, on the consume path) read its header twice.
enum PlainHeaderReader {
    static func readJSON(_ raw: UnsafeRawBufferPointer, header: ByteBuffer) -> RemotingCommand? {
        var fieldsObject: Range<Int>?
        let read = JSONCommandReader.read(raw) { parser throws(JSONError) in
            let start = parser.pos
            try parser.object(key: { parser throws(JSONError) in
                guard parser.plainString() != nil else { throw parser.error("not read here") }
            }) { parser, _ throws(JSONError) in
                guard parser.plainString() != nil || parser.plainInteger() != nil else {
                    throw parser.error("not read here")
                }
            }
            fieldsObject = start..<parser.pos
        }
        guard var cmd = read else { return nil }
        cmd.setReceivedHeader(ReceivedHeader(send: nil, code: cmd.code, source: header, fieldsObject: fieldsObject))
        return cmd
    }

    /// The send response header ``SendMessageResponseHeader/init(fields:)`` reads from the map of the same bytes;
    /// nil where it throws (the generic path then gives its error).
    static func sendResponseHeader(_ received: ReceivedHeader) -> SendMessageResponseHeader? {
        guard let object = received.fieldsObject else { return nil }
        return received.source.withUnsafeReadableBytes { raw in
            var parser = JSONParser(bytes: UnsafeRawBufferPointer(rebasing: raw[object]))
            var values = SendResponseValues()
            do throws(JSONError) {
                try parser.object(key: { parser throws(JSONError) in
                    guard let bytes = parser.plainString() else { throw parser.error("not read here") }
                    return SendResponseValues.Key(bytes)
                }) { parser, key throws(JSONError) in
                    guard let bytes = parser.plainString() ?? parser.plainInteger() else {
                        throw parser.error("not read here")
                    }
                    values.set(key, bytes)
                }
            } catch {
                return nil
            }
            return values.header()
        }
    }
}

/// The map values ``SendMessageResponseHeader`` reads, last value of a key winning, as text bytes.
private struct SendResponseValues {
    enum Key {
        case msgId, queueId, queueOffset, transactionId, region, traceOn, recallHandle, other

        /// Byte equality is the map's `String` equality for these names (none holds a `K`, the one ASCII letter
        /// with a canonically equivalent non-ASCII spelling: the Kelvin sign).
        init(_ key: UnsafeRawBufferPointer) {
            switch key.count {
            case 5 where key.holds("msgId"): self = .msgId
            case 7 where key.holds("queueId"): self = .queueId
            case 8 where key.holds("TRACE_ON"): self = .traceOn
            case 10 where key.holds("MSG_REGION"): self = .region
            case 11 where key.holds("queueOffset"): self = .queueOffset
            case 12 where key.holds("recallHandle"): self = .recallHandle
            case 13 where key.holds("transactionId"): self = .transactionId
            default: self = .other
            }
        }
    }

    var msgId, transactionId, region, recallHandle: String?
    var queueId, queueOffset: Int64??
    var traceOn: Bool?

    mutating func set(_ key: Key, _ bytes: UnsafeRawBufferPointer) {
        switch key {
        case .msgId: msgId = text(bytes)
        case .transactionId: transactionId = text(bytes)
        case .region: region = text(bytes)
        case .recallHandle: recallHandle = text(bytes)
        case .queueId: queueId = .some(integer(bytes))
        case .queueOffset: queueOffset = .some(integer(bytes))
        case .traceOn: traceOn = SendFieldValues.plainBool(bytes) ?? HeaderFields.parseBool(text(bytes))
        case .other: break
        }
    }

    private func text(_ bytes: UnsafeRawBufferPointer) -> String { String(decoding: bytes, as: UTF8.self) }

    /// ``HeaderFields``'s reading of the text (nil: not an integer).
    private func integer(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        SendFieldValues.plainInteger(bytes) ?? HeaderFields.parseInteger(text(bytes))
    }

    func header() -> SendMessageResponseHeader? {
        guard let msgId, case .some(.some(let id)) = queueId, let queueId = Int32(exactly: id),
            case .some(.some(let queueOffset)) = queueOffset
        else { return nil }
        var h = SendMessageResponseHeader(
            msgId: msgId, queueId: queueId, queueOffset: queueOffset, transactionId: transactionId)
        h.regionId = region
        h.traceOn = traceOn
        h.recallHandle = recallHandle
        return h
    }
}
