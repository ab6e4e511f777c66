import NIOCore

extension MessageDecoder {
    /// The properties of the stored record at the start of `record`, read without copying its body or topic
    /// (Apache's `MessageDecoder.decodeProperties`): what a broker evaluates a SQL92 filter against on every
    /// pull. Nil when the bytes are not a well-formed record.
    public static func properties(ofRecord record: ByteBuffer) -> MessageProperties? {
        let start = record.readerIndex
        guard case .message(let size) = peek(record, at: start), size <= record.readableBytes,
            let magic = record.getInteger(at: start + 4, as: UInt32.self),
            let sysFlag = record.getInteger(at: start + MessageRecord.sysFlagPosition, as: Int32.self)
        else { return nil }
        let end = start + size
        // BODY's length field ends the fixed part; then body, topic and properties with their lengths.
        var at = start + MessageRecord.fixedLength(sysFlag: sysFlag) - 4
        guard let bodyLength = record.getInteger(at: at, as: Int32.self), bodyLength >= 0 else { return nil }
        at += 4 + Int(bodyLength)
        let topicLength: Int
        if magic == MessageRecord.magicV2 {
            guard at + 2 <= end, let n = record.getInteger(at: at, as: Int16.self), n >= 0 else { return nil }
            topicLength = Int(n)
            at += 2
        } else {
            guard at + 1 <= end, let n = record.getInteger(at: at, as: Int8.self), n >= 0 else { return nil }
            topicLength = Int(n)
            at += 1
        }
        at += topicLength
        guard at + 2 <= end, let n = record.getInteger(at: at, as: Int16.self), n >= 0,
            at + 2 + Int(n) == end
        else { return nil }
        return record.withUnsafeReadableBytes { raw in
            let from = at + 2 - start
            return MessageProperties(utf8: UnsafeRawBufferPointer(rebasing: raw[from..<(from + Int(n))]))
        }
    }
}
