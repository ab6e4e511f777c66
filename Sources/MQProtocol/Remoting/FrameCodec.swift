import NIOCore

/// Frame limits shared by decoder and encoder.
public enum FrameLimits {
    /// Java's `com.rocketmq.remoting.frameMaxLength` default: 16 MiB for the bytes after the length prefix.
    public static let maxFrameLength = 16 * 1024 * 1024
}

/// Decodes `int32 length | int32 serType<<24|headerLength | header | body` frames into commands.
///
/// A frame whose length is out of bounds, whose header does not fit or does not parse throws;
/// the channel handler then closes that connection (as the Java decoder does).
public struct RemotingFrameDecoder: NIOSingleStepByteToMessageDecoder {
    public typealias InboundOut = RemotingCommand

    public let maxFrameLength: Int

    public init(maxFrameLength: Int = FrameLimits.maxFrameLength) {
        self.maxFrameLength = maxFrameLength
    }

    public mutating func decode(buffer: inout ByteBuffer) throws -> RemotingCommand? {
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: Int32.self) else { return nil }
        guard length >= 4 else { throw ProtocolError.invalidFrameLength(Int(length)) }
        guard Int(length) <= maxFrameLength else {
            throw ProtocolError.frameTooLarge(size: Int(length), limit: maxFrameLength)
        }
        guard buffer.readableBytes >= 4 + Int(length) else { return nil }
        buffer.moveReaderIndex(forwardBy: 4)
        var frame = buffer.readSlice(length: Int(length))!
        return try Self.decodeFrame(&frame)
    }

    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> RemotingCommand? {
        try decode(buffer: &buffer)
    }

    /// Decodes one frame body (everything after the length prefix).
    public static func decodeFrame(_ frame: inout ByteBuffer) throws(ProtocolError) -> RemotingCommand {
        guard let marker = frame.readInteger(as: UInt32.self) else { throw .invalidFrameLength(frame.readableBytes) }
        let typeByte = UInt8(marker >> 24)
        let headerLength = Int(marker & 0x00FF_FFFF)
        guard headerLength <= frame.readableBytes else {
            throw .headerLengthExceedsFrame(headerLength: headerLength, frameLength: frame.readableBytes + 4)
        }
        let header = frame.readSlice(length: headerLength)!
        var cmd: RemotingCommand
        switch SerializeType(rawValue: typeByte) {
        // Headers first take the readers that skip the field map (send requests, then any header with plain
        // fields); they hand anything unusual back (nil).
        case .json:
            cmd = try header.withUnsafeReadableBytes { raw throws(ProtocolError) in
                if let send = SendHeaderReader.readJSON(raw, header: header) { return send }
                if let plain = PlainHeaderReader.readJSON(raw, header: header) { return plain }
                return try HeaderCodec.readJSON(raw)
            }
        case .rocketmq:
            if let send = SendHeaderReader.readBinary(header) {
                cmd = send
            } else {
                cmd = try HeaderCodec.readBinary(header)
            }
        case nil:
            throw .unknownSerializeType(typeByte)
        }
        if frame.readableBytes > 0 { cmd.body = frame.readSlice(length: frame.readableBytes) }
        return cmd
    }
}

/// Encodes commands into frames, in each command's own serialization type.
public struct RemotingFrameEncoder: MessageToByteEncoder {
    public typealias OutboundIn = RemotingCommand

    public init() {}

    public func encode(data: RemotingCommand, out: inout ByteBuffer) throws {
        try Self.encode(data, into: &out)
    }

    public static func encode(_ cmd: RemotingCommand, into out: inout ByteBuffer) throws {
        let start = out.writerIndex
        out.writeInteger(Int32(0))  // length, patched below
        out.writeInteger(UInt32(0))  // serialize type | header length, patched below
        let headerStart = out.writerIndex
        switch cmd.serializeType {
        case .json: HeaderCodec.writeJSON(cmd, into: &out)
        case .rocketmq: HeaderCodec.writeBinary(cmd, into: &out)
        }
        let headerLength = out.writerIndex - headerStart
        if var body = cmd.body { out.writeBuffer(&body) }
        let length = out.writerIndex - start - 4
        guard length <= FrameLimits.maxFrameLength, headerLength <= 0x00FF_FFFF else {
            out.moveWriterIndex(to: start)
            throw ProtocolError.frameTooLarge(size: length, limit: FrameLimits.maxFrameLength)
        }
        out.setInteger(Int32(length), at: start)
        out.setInteger(UInt32(cmd.serializeType.rawValue) << 24 | UInt32(headerLength), at: start + 4)
    }

    /// One command as a standalone frame.
    public static func frame(_ cmd: RemotingCommand, allocator: ByteBufferAllocator = ByteBufferAllocator()) throws
        -> ByteBuffer
    {
        var out = allocator.buffer(capacity: 256 + (cmd.body?.readableBytes ?? 0))
        try encode(cmd, into: &out)
        return out
    }
}
