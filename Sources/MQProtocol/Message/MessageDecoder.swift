import NIOCore

/// Decoder of stored message records (wire.md §5.1), as found in the commit log and in PULL /
/// QUERY / VIEW response bodies. Safe on hostile input: every length is checked, errors are thrown.
public enum MessageDecoder {
    /// Decoding options.
    public struct Options: Sendable {
        /// Copy out the body (otherwise ``MessageExt/body`` is empty).
        public var readBody: Bool
        /// Inflate compressed bodies (sysFlag bit 0) — zlib only, as in the C++/Go clients.
        public var decompress: Bool
        /// Check the body CRC and, when present, the whole-record `__CRC32#` slot.
        public var verify: Bool
        /// Upper bound for an inflated body.
        public var maxDecompressedSize: Int

        /// Creates options; the defaults read the body as stored without checks.
        public init(
            readBody: Bool = true, decompress: Bool = false, verify: Bool = false,
            maxDecompressedSize: Int = 64 * 1024 * 1024
        ) {
            self.readBody = readBody
            self.decompress = decompress
            self.verify = verify
            self.maxDecompressedSize = maxDecompressedSize
        }
    }

    /// What the first bytes at an index announce, without decoding the record.
    public enum Peek: Sendable, Equatable {
        /// A V1/V2 message record of `size` bytes.
        case message(size: Int)
        /// A commit-log BLANK filler claiming `size` bytes.
        case blank(size: Int)
        /// Fewer than 8 bytes are available.
        case needMoreBytes
        /// Not a record: bad magic or an impossible size.
        case invalid(MessageDecodingError)
    }

    /// Smallest possible message record (IPv4 hosts, empty body, 1-byte topic, no properties).
    public static let minimumRecordSize = MessageRecord.fixedLength(sysFlag: 0) + 1 + 1 + 2

    /// Looks at the size and magic of the record at `index` (absolute buffer index).
    public static func peek(_ buffer: ByteBuffer, at index: Int) -> Peek {
        guard index >= buffer.readerIndex, buffer.writerIndex - index >= 8,
            let size = buffer.getInteger(at: index, as: Int32.self),
            let magic = buffer.getInteger(at: index + 4, as: UInt32.self)
        else { return .needMoreBytes }
        switch magic {
        case MessageRecord.magicV1, MessageRecord.magicV2:
            guard Int(size) >= minimumRecordSize else {
                return .invalid(
                    .invalidLength(field: "TOTALSIZE", value: Int(size), reason: "below the minimum record size"))
            }
            return .message(size: Int(size))
        case MessageRecord.blankMagic:
            guard size >= 8 else {
                return .invalid(.invalidLength(field: "BLANK size", value: Int(size), reason: "below 8"))
            }
            return .blank(size: Int(size))
        default:
            return .invalid(.badMagic(magic))
        }
    }

    /// Decodes the record at the reader index of `buffer` and moves the reader index past it.
    /// On error the reader index is unchanged.
    public static func decode(
        _ buffer: inout ByteBuffer, options: Options = Options()
    ) throws(MessageDecodingError) -> MessageExt {
        let message = try decode(buffer, at: buffer.readerIndex, options: options)
        buffer.moveReaderIndex(forwardBy: Int(message.storeSize))
        return message
    }

    /// Decodes the record at the reader index of `buffer`.
    public static func decode(
        _ buffer: inout ByteBuffer, readBody: Bool = true, decompress: Bool = false, verify: Bool = false
    ) throws(MessageDecodingError) -> MessageExt {
        try decode(&buffer, options: Options(readBody: readBody, decompress: decompress, verify: verify))
    }

    /// Decodes every record of `buffer`'s readable bytes, back to back (a PULL / QUERY body).
    /// BLANK fillers are skipped; one that claims more than the remaining bytes ends the walk.
    public static func decodeAll(
        _ buffer: ByteBuffer, options: Options = Options()
    ) throws(MessageDecodingError) -> [MessageExt] {
        var buffer = buffer
        var out = [MessageExt]()
        while buffer.readableBytes > 0 {
            if case .blank(let size) = peek(buffer, at: buffer.readerIndex) {
                // A segment's filler: skip it, or stop if it claims more than is left (the file's tail).
                guard size < buffer.readableBytes else { break }
                buffer.moveReaderIndex(forwardBy: size)
                continue
            }
            out.append(try decode(&buffer, options: options))
        }
        return out
    }

    /// Decodes every record of `buffer` (see ``decodeAll(_:options:)``).
    public static func decodeAll(
        _ buffer: ByteBuffer, readBody: Bool = true, decompress: Bool = false, verify: Bool = false
    ) throws(MessageDecodingError) -> [MessageExt] {
        try decodeAll(buffer, options: Options(readBody: readBody, decompress: decompress, verify: verify))
    }

    /// Decodes the record at absolute `index` without moving the reader index.
    public static func decode(
        _ buffer: ByteBuffer, at index: Int, options: Options = Options()
    ) throws(MessageDecodingError) -> MessageExt {
        let available = buffer.writerIndex - index
        guard index >= buffer.readerIndex, available >= 8 else {
            throw .truncated(field: "TOTALSIZE/MAGICCODE", needed: 8, available: max(0, available))
        }
        let size: Int
        switch peek(buffer, at: index) {
        case .message(let s): size = s
        case .blank(let s): throw .blankRecord(size: s)
        case .invalid(let error): throw error
        case .needMoreBytes: throw .truncated(field: "TOTALSIZE/MAGICCODE", needed: 8, available: available)
        }
        guard size <= available else { throw .truncated(field: "record", needed: size, available: available) }
        var r = RecordReader(buffer: buffer.getSlice(at: index, length: size)!)
        return try r.read(size: size, options: options, whole: buffer, index: index)
    }
}

/// Sequential, bounds-checked reads over one record's bytes.
private struct RecordReader {
    var buffer: ByteBuffer

    mutating func int<T: FixedWidthInteger>(_ field: String, as: T.Type = T.self) throws(MessageDecodingError) -> T {
        guard let v = buffer.readInteger(as: T.self) else {
            throw .truncated(field: field, needed: MemoryLayout<T>.size, available: buffer.readableBytes)
        }
        return v
    }

    mutating func host(_ field: String, ipv6: Bool) throws(MessageDecodingError) -> HostAddress {
        guard let h = HostAddress.read(from: &buffer, ipv6: ipv6) else {
            throw .truncated(field: field, needed: ipv6 ? 20 : 8, available: buffer.readableBytes)
        }
        return h
    }

    mutating func slice(_ field: String, length: Int) throws(MessageDecodingError) -> ByteBuffer {
        guard length >= 0 else { throw .invalidLength(field: field, value: length, reason: "negative") }
        guard let s = buffer.readSlice(length: length) else {
            throw .truncated(field: field, needed: length, available: buffer.readableBytes)
        }
        return s
    }

    mutating func read(
        size: Int, options: MessageDecoder.Options, whole: ByteBuffer, index: Int
    ) throws(MessageDecodingError) -> MessageExt {
        _ = try int("TOTALSIZE", as: Int32.self)
        let magic = try int("MAGICCODE", as: UInt32.self)
        let bodyCRC = try int("BODYCRC", as: Int32.self)
        let queueId = try int("QUEUEID", as: Int32.self)
        let flag = try int("FLAG", as: Int32.self)
        let queueOffset = try int("QUEUEOFFSET", as: Int64.self)
        let physicalOffset = try int("PHYSICALOFFSET", as: Int64.self)
        let sysFlag = try int("SYSFLAG", as: Int32.self)
        let bornTimestamp = try int("BORNTIMESTAMP", as: Int64.self)
        let bornHost = try host("BORNHOST", ipv6: sysFlag & MessageSysFlag.bornHostV6 != 0)
        let storeTimestamp = try int("STORETIMESTAMP", as: Int64.self)
        let storeHost = try host("STOREHOSTADDRESS", ipv6: sysFlag & MessageSysFlag.storeHostV6 != 0)
        let reconsumeTimes = try int("RECONSUMETIMES", as: Int32.self)
        let preparedOffset = try int("PREPARED_TRANSACTION_OFFSET", as: Int64.self)
        let bodyLength = Int(try int("BODY length", as: Int32.self))
        guard bodyLength >= 0, bodyLength <= buffer.readableBytes else {
            throw .invalidLength(field: "BODY length", value: bodyLength,
                reason: "record has \(buffer.readableBytes) bytes left")
        }
        let storedBody = try slice("BODY", length: bodyLength)
        let topicLength: Int
        if magic == MessageRecord.magicV2 {
            topicLength = Int(try int("TOPIC length", as: Int16.self))
        } else {
            topicLength = Int(try int("TOPIC length", as: Int8.self))
        }
        guard topicLength >= 0, topicLength <= buffer.readableBytes else {
            throw .invalidLength(field: "TOPIC length", value: topicLength,
                reason: "record has \(buffer.readableBytes) bytes left")
        }
        let topicBytes = try slice("TOPIC", length: topicLength)
        let propertiesLength = Int(try int("PROPERTIES length", as: Int16.self))
        guard propertiesLength >= 0, propertiesLength == buffer.readableBytes else {
            throw .invalidLength(field: "PROPERTIES length", value: propertiesLength,
                reason: "TOTALSIZE leaves \(buffer.readableBytes) bytes for properties")
        }
        let propertiesBytes = try slice("PROPERTIES", length: propertiesLength)

        if options.verify {
            let computed = CRC32.maskedChecksum(storedBody)
            guard computed == bodyCRC else { throw .bodyCRCMismatch(stored: bodyCRC, computed: computed) }
            try verifySlot(whole: whole, index: index, size: size, properties: propertiesBytes)
        }
        var body = ByteBuffer()
        if options.readBody {
            body = storedBody
            if options.decompress && sysFlag & MessageSysFlag.compressed != 0 {
                let type = sysFlag & MessageSysFlag.compressionTypeMask
                guard type == 0 || type == MessageSysFlag.compressionZLIB else {
                    throw .decompressionFailed("compression type 0x\(String(type, radix: 16)) is not supported")
                }
                body = try BodyCompression.decompress(storedBody, maxSize: options.maxDecompressedSize)
            }
        }
        let topic = topicBytes.withUnsafeReadableBytes { String(decoding: $0, as: UTF8.self) }
        let properties = propertiesBytes.withUnsafeReadableBytes { MessageProperties(utf8: $0) }
        return MessageExt(
            storeSize: Int32(size), magicCode: magic, bodyCRC: bodyCRC, queueId: queueId, flag: flag,
            queueOffset: queueOffset, commitLogOffset: physicalOffset, sysFlag: sysFlag,
            bornTimestamp: bornTimestamp, bornHost: bornHost, storeTimestamp: storeTimestamp, storeHost: storeHost,
            reconsumeTimes: reconsumeTimes, preparedTransactionOffset: preparedOffset, body: body, topic: topic,
            properties: properties)
    }

    /// Checks the `__CRC32#` slot when the properties mention it or end like one; records without it pass.
    private func verifySlot(
        whole: ByteBuffer, index: Int, size: Int, properties: ByteBuffer
    ) throws(MessageDecodingError) {
        let marker = Array(MessageConst.crc32.utf8)
        let mentions = properties.withUnsafeReadableBytes { raw -> Bool in
            guard raw.count >= marker.count else { return false }
            for start in 0...(raw.count - marker.count) where raw[start] == marker[0] {
                if raw[start..<(start + marker.count)].elementsEqual(marker) { return true }
            }
            return false
        }
        // Also treat a slot-shaped tail (0x01, ten digits, 0x02) as a slot, so a damaged name is caught.
        let shaped = properties.withUnsafeReadableBytes { raw -> Bool in
            guard raw.count >= MessageRecord.crcSlotLength, raw[raw.count - 1] == 0x02,
                raw[raw.count - 12] == 0x01
            else { return false }
            return raw[(raw.count - 11)..<(raw.count - 1)].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        guard mentions || shaped else { return }
        guard let slot = MessageRecord.crcSlotStart(whole, at: index) else {
            throw .malformedCRCSlot("the property is not a 20-byte slot at the end of the record")
        }
        let digits = whole.getBytes(at: slot + MessageRecord.crcSlotLength - 11, length: 10) ?? []
        guard let stored = MessageRecord.parseCRCDigits(digits) else {
            throw .malformedCRCSlot("the slot value is not 10 decimal digits")
        }
        let computed = MessageRecord.recordCRC(whole, at: index, length: size - MessageRecord.crcSlotLength)
        guard computed == stored else { throw .recordCRCMismatch(stored: stored, computed: computed) }
    }
}
