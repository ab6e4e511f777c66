import NIOCore

/// SEND_MESSAGE, SEND_MESSAGE_V2 and SEND_BATCH_MESSAGE request headers read from the frame's header bytes straight
/// into ``SendMessageRequestHeader``: no `[String: String]`, no `String` per key or number (docs/performance.md
/// "CPU per message"). The command's `extFields` map is read again from the same bytes only when asked for.
///
/// The generic path (``HeaderCodec``, then ``SendMessageRequestHeader/decode(_:)``) stays the authority: this reader
/// gives up (nil) whenever that path would not give the same header — a malformed header, one the typed decode
/// refuses, a response — and for signed requests (their map is read to verify them), and the frame then takes the
/// generic path, so what is accepted or refused and the answer given are the same.
enum SendHeaderReader {
    static func isSendCode(_ code: Int32) -> Bool {
        code == RequestCode.sendMessage.rawValue || code == RequestCode.sendMessageV2.rawValue
            || code == RequestCode.sendBatchMessage.rawValue
    }

    static func readJSON(_ raw: UnsafeRawBufferPointer, header: ByteBuffer) -> RemotingCommand? {
        guard let code = leadingCode(raw), isSendCode(code) else { return nil }
        var values = SendHeaderValues()
        let read = JSONCommandReader.read(raw) { parser throws(JSONError) in try parser.sendFields(into: &values) }
        guard let cmd = read else { return nil }
        return finish(cmd, values, header: header)
    }

    static func readBinary(_ buffer: ByteBuffer) -> RemotingCommand? {
        guard let code = buffer.getInteger(at: buffer.readerIndex, as: Int16.self), isSendCode(Int32(code)),
            let fixed = try? HeaderCodec.readBinaryFixedPart(buffer)
        else { return nil }
        var values = SendHeaderValues()
        let complete = fixed.1.withUnsafeReadableBytes { raw in readBinaryFields(raw, into: &values) }
        guard complete else { return nil }
        return finish(fixed.0, values, header: buffer)
    }

    /// The entries `HeaderCodec.readBinary` reads into its map; false where it throws.
    private static func readBinaryFields(_ raw: UnsafeRawBufferPointer, into values: inout SendHeaderValues) -> Bool {
        var pos = 0
        while pos < raw.count {
            guard pos + 2 <= raw.count else { return false }
            let keyLength = Int(Int16(bigEndian: raw.loadUnaligned(fromByteOffset: pos, as: Int16.self)))
            pos += 2
            guard keyLength >= 0, pos + keyLength + 4 <= raw.count else { return false }
            let key = UnsafeRawBufferPointer(rebasing: raw[pos..<(pos + keyLength)])
            pos += keyLength
            let valueLength = Int(Int32(bigEndian: raw.loadUnaligned(fromByteOffset: pos, as: Int32.self)))
            pos += 4
            guard valueLength >= 0, valueLength <= raw.count - pos else { return false }
            let value = UnsafeRawBufferPointer(rebasing: raw[pos..<(pos + valueLength)])
            pos += valueLength
            // Java decodes zero-length strings as null; the map keeps such entries out.
            if keyLength > 0 && valueLength > 0 { values.set(SendHeaderKey(key), bytes: value) }
        }
        return true
    }

    /// The code of a header that begins `{"code":<digits>,` as Java and the C++ client write it; nil for any other
    /// beginning (the generic path reads those).
    private static func leadingCode(_ raw: UnsafeRawBufferPointer) -> Int32? {
        let prefix: StaticString = #"{"code":"#
        let count = prefix.utf8CodeUnitCount
        guard raw.count > count + 1,
            UnsafeRawBufferPointer(rebasing: raw[..<count]).holds(prefix)
        else { return nil }
        var code: Int32 = 0
        var pos = count
        while pos < raw.count && pos < count + 4, raw[pos] >= UInt8(ascii: "0") && raw[pos] <= UInt8(ascii: "9") {
            code = code * 10 + Int32(raw[pos] - UInt8(ascii: "0"))
            pos += 1
        }
        return pos > count && pos < raw.count && raw[pos] == UInt8(ascii: ",") ? code : nil
    }

    private static func finish(_ cmd: RemotingCommand, _ values: SendHeaderValues, header: ByteBuffer)
        -> RemotingCommand?
    {
        guard isSendCode(cmd.code), !cmd.isResponse, !values.signed else { return nil }
        let isV2 = cmd.code != RequestCode.sendMessage.rawValue
        guard let typed = try? (isV2 ? values.v2 : values.long).header() else { return nil }
        var cmd = cmd
        cmd.setReceivedHeader(ReceivedHeader(send: typed, code: cmd.code, source: header))
        return cmd
    }
}
