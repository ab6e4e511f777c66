import NIOCore

/// A header the frame decoder read without building its field map (``SendHeaderReader``, ``PlainHeaderReader``),
/// with the bytes it came from: the command's `extFields` is read from them, by the generic path, when something
/// asks for it.
final class ReceivedHeader: Sendable {
    /// A send request's typed header; nil for a response.
    let send: SendMessageRequestHeader?
    /// The command code the header was read for (the naming of a send header's fields depends on it).
    let code: Int32
    /// The frame's header bytes (a slice of the frame, which the command's body holds anyway).
    let source: ByteBuffer
    /// A response's extFields object: its offsets within `source`'s readable bytes (nil: the header has none).
    let fieldsObject: Range<Int>?

    init(send: SendMessageRequestHeader?, code: Int32, source: ByteBuffer, fieldsObject: Range<Int>? = nil) {
        self.send = send
        self.code = code
        self.source = source
        self.fieldsObject = fieldsObject
    }

    /// The generic path's map of the same bytes (it accepts them: the readers take only what it accepts).
    var fields: [String: String] {
        guard send != nil else {
            guard let fieldsObject else { return [:] }
            return source.withUnsafeReadableBytes { raw in
                var parser = JSONParser(bytes: UnsafeRawBufferPointer(rebasing: raw[fieldsObject]))
                return (try? parser.stringMap()) ?? [:]
            }
        }
        let command: RemotingCommand?
        // A JSON header the reader takes begins with `{`; a binary send header with its code's high byte, 0 or 1.
        if source.getInteger(at: source.readerIndex, as: UInt8.self) == UInt8(ascii: "{") {
            command = source.withUnsafeReadableBytes { try? HeaderCodec.readJSON($0) }
        } else {
            command = try? HeaderCodec.readBinary(source)
        }
        return command?.extFields ?? [:]
    }
}
