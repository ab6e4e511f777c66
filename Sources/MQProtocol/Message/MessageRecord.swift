import NIOCore

/// The fields of one commit-log record and its encoder (wire.md §5.1).
///
/// The store encodes a record before it knows where it goes, then patches the queue offset,
/// physical offset and store timestamp in place with ``patch(_:at:queueOffset:physicalOffset:storeTimestamp:)``
/// and (re)computes the whole-record CRC slot with ``updateCRCSlot(_:at:)``.
public struct MessageRecord: Sendable, Equatable {
    /// Magic code of V1 records (1-byte topic length).
    public static let magicV1: UInt32 = 0xDAA3_20A7
    /// Magic code of V2 records (2-byte topic length), used for topics longer than 127 bytes.
    public static let magicV2: UInt32 = 0xDAA3_20AB
    /// Magic code of the filler that ends a commit-log segment.
    public static let blankMagic: UInt32 = 0xCBD4_3194
    /// Bytes of the `__CRC32#` slot: 8-byte name + 0x01 + 10 digits + 0x02 (Java `CRC32_RESERVED_LEN`).
    public static let crcSlotLength = 20
    /// Longest topic stored with a 1-byte length.
    public static let maxV1TopicLength = 127
    /// Longest properties string (its length is an `Int16`).
    public static let maxPropertiesLength = Int(Int16.max)
    /// Offset of QUEUEOFFSET in a record.
    public static let queueOffsetPosition = 20
    /// Offset of PHYSICALOFFSET in a record.
    public static let physicalOffsetPosition = 28
    /// Offset of SYSFLAG in a record.
    public static let sysFlagPosition = 36
    /// Offset of BORNHOST in a record.
    public static let bornHostPosition = 48
    private static let crcSlotPrefix: [UInt8] = Array(MessageConst.crc32.utf8) + [0x01]

    /// TOPIC (V2 record when longer than 127 UTF-8 bytes).
    public var topic: String
    /// QUEUEID.
    public var queueId: Int32
    /// FLAG (producer's user flag).
    public var flag: Int32
    /// QUEUEOFFSET (store-assigned; patchable).
    public var queueOffset: Int64
    /// PHYSICALOFFSET (store-assigned; patchable).
    public var physicalOffset: Int64
    /// SYSFLAG; the encoder sets or clears the two host-IPv6 bits to match the hosts.
    public var sysFlag: Int32
    /// BORNTIMESTAMP (ms).
    public var bornTimestamp: Int64
    /// BORNHOST.
    public var bornHost: HostAddress
    /// STORETIMESTAMP (ms, store-assigned; patchable).
    public var storeTimestamp: Int64
    /// STOREHOSTADDRESS.
    public var storeHost: HostAddress
    /// RECONSUMETIMES.
    public var reconsumeTimes: Int32
    /// PREPARED TRANSACTION OFFSET.
    public var preparedTransactionOffset: Int64
    /// The body as it is to be stored (already compressed if sysFlag says so).
    public var body: ByteBuffer
    /// Properties; any `__CRC32#` entry is dropped when encoding (the slot is the store's to write).
    public var properties: MessageProperties

    /// Creates a record description.
    public init(
        topic: String, queueId: Int32, flag: Int32 = 0, queueOffset: Int64 = 0, physicalOffset: Int64 = 0,
        sysFlag: Int32 = 0, bornTimestamp: Int64, bornHost: HostAddress, storeTimestamp: Int64 = 0,
        storeHost: HostAddress, reconsumeTimes: Int32 = 0, preparedTransactionOffset: Int64 = 0, body: ByteBuffer,
        properties: MessageProperties
    ) {
        self.topic = topic
        self.queueId = queueId
        self.flag = flag
        self.queueOffset = queueOffset
        self.physicalOffset = physicalOffset
        self.sysFlag = sysFlag
        self.bornTimestamp = bornTimestamp
        self.bornHost = bornHost
        self.storeTimestamp = storeTimestamp
        self.storeHost = storeHost
        self.reconsumeTimes = reconsumeTimes
        self.preparedTransactionOffset = preparedTransactionOffset
        self.body = body
        self.properties = properties
    }

    /// The sysFlag actually written: host bits follow the host address families.
    public var effectiveSysFlag: Int32 {
        var f = sysFlag & ~(MessageSysFlag.bornHostV6 | MessageSysFlag.storeHostV6)
        if bornHost.isIPv6 { f |= MessageSysFlag.bornHostV6 }
        if storeHost.isIPv6 { f |= MessageSysFlag.storeHostV6 }
        return f
    }

    /// What ``encodeDeferringCRC(into:appendCRCSlot:)`` leaves for ``finishCRCSlot(_:at:info:)``.
    public struct EncodedInfo: Sendable, Equatable {
        /// Bytes of the record.
        public var length: Int
        /// Bytes before the body data (fixed fields and the body length): the part the store patches.
        public var headerLength: Int
        /// CRC-32 (unmasked) of the bytes from the body data up to the CRC slot.
        public var tailCRC: UInt32
        /// Whether the record ends with a `__CRC32#` slot.
        public var hasCRCSlot: Bool
    }

    /// Encodes the record, appending it to `buffer`, and returns its length. With `appendCRCSlot`
    /// the properties end with a `__CRC32#` slot computed over the record as encoded (after patching
    /// store fields, refresh it with ``updateCRCSlot(_:at:)``). Properties are written as Java's
    /// `MessageExtEncoder` does; ``MessageProperties`` always ends them with 0x02, so the slot never
    /// needs the extra separator Java adds to foreign strings.
    @discardableResult
    public func encode(into buffer: inout ByteBuffer, appendCRCSlot: Bool) throws(MessageEncodingError) -> Int {
        let start = buffer.writerIndex
        let info = try encodeDeferringCRC(into: &buffer, appendCRCSlot: appendCRCSlot)
        if appendCRCSlot { MessageRecord.finishCRCSlot(&buffer, at: start, info: info) }
        return info.length
    }

    /// Encodes the record with the CRC slot's digits left as zeros and returns what is needed to fill
    /// them cheaply with ``finishCRCSlot(_:at:info:)`` once the store fields are patched: the body
    /// and tail are checksummed here, in one pass over the body, outside the store's critical section.
    public func encodeDeferringCRC(
        into buffer: inout ByteBuffer, appendCRCSlot: Bool
    ) throws(MessageEncodingError) -> EncodedInfo {
        let topicLength = topic.utf8.count
        guard topicLength > 0 else { throw .invalidTopic("the topic is empty") }
        guard topicLength <= Int(Int16.max) else {
            throw .invalidTopic("topic is \(topicLength) bytes, the maximum is 32767")
        }
        let bodyLength = body.readableBytes
        guard bodyLength <= Int(Int32.max) - 64 * 1024 else { throw .bodyTooLarge(bodyLength) }
        let v2 = topicLength > MessageRecord.maxV1TopicLength
        let sysFlag = effectiveSysFlag
        let headerLength = MessageRecord.fixedLength(sysFlag: sysFlag)
        var propertiesLength = appendCRCSlot ? MessageRecord.crcSlotLength : 0
        for entry in properties.entries where entry.name != MessageConst.crc32 {
            propertiesLength += entry.name.utf8.count + entry.value.utf8.count + 2
        }
        guard propertiesLength <= MessageRecord.maxPropertiesLength else { throw .propertiesTooLong(propertiesLength) }
        let tailLength = (v2 ? 2 : 1) + topicLength + 2 + propertiesLength
        let length = headerLength + bodyLength + tailLength
        var tailCRC: UInt32 = 0
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: length) { raw in
            var w = BigEndianWriter(UnsafeMutableRawBufferPointer(rebasing: raw[..<length]))
            w.put(Int32(length))  // TOTALSIZE
            w.put(v2 ? MessageRecord.magicV2 : MessageRecord.magicV1)
            w.put(Int32(0))  // BODYCRC, once the body is in
            w.put(queueId)
            w.put(flag)
            w.put(queueOffset)
            w.put(physicalOffset)
            w.put(sysFlag)
            w.put(bornTimestamp)
            bornHost.write(to: &w)
            w.put(storeTimestamp)
            storeHost.write(to: &w)
            w.put(reconsumeTimes)
            w.put(preparedTransactionOffset)
            w.put(Int32(bodyLength))
            body.withUnsafeReadableBytes { w.put($0) }
            let bodyCRC = CRC32.checksum(UnsafeRawBufferPointer(rebasing: raw[headerLength..<w.offset]))
            raw.storeBytes(of: CRC32.masked(bodyCRC).bigEndian, toByteOffset: 8, as: Int32.self)
            let tailStart = w.offset
            if v2 { w.put(Int16(topicLength)) } else { w.put(UInt8(topicLength)) }
            w.put(topic)
            w.put(Int16(propertiesLength))
            for entry in properties.entries where entry.name != MessageConst.crc32 {
                w.put(entry.name)
                w.put(UInt8(0x01))
                w.put(entry.value)
                w.put(UInt8(0x02))
            }
            let slotStart = w.offset
            if appendCRCSlot {
                MessageRecord.crcSlotPrefix.withUnsafeBytes { w.put($0) }
                w.put(repeating: UInt8(ascii: "0"), count: 10)
                w.put(UInt8(0x02))
            }
            precondition(w.offset == length, "record length \(w.offset), expected \(length)")
            // CRC of body ‖ topic ‖ properties-before-slot, reusing the body CRC instead of a second pass.
            let restCRC = CRC32.checksum(UnsafeRawBufferPointer(rebasing: raw[tailStart..<slotStart]))
            tailCRC = CRC32.combine(bodyCRC, restCRC, lengthB: slotStart - tailStart)
            return length
        }
        return EncodedInfo(length: length, headerLength: headerLength, tailCRC: tailCRC, hasCRCSlot: appendCRCSlot)
    }

    /// Fills the CRC slot of a record encoded by ``encodeDeferringCRC(into:appendCRCSlot:)`` (and then
    /// patched): checksums only the header and combines it with the precomputed tail CRC.
    public static func finishCRCSlot(_ buffer: inout ByteBuffer, at index: Int, info: EncodedInfo) {
        guard info.hasCRCSlot else { return }
        let headerCRC = buffer.withUnsafeReadableBytes { raw in
            let from = index - buffer.readerIndex
            return CRC32.checksum(UnsafeRawBufferPointer(rebasing: raw[from..<(from + info.headerLength)]))
        }
        let tailLength = info.length - crcSlotLength - info.headerLength
        let crc = CRC32.masked(CRC32.combine(headerCRC, info.tailCRC, lengthB: tailLength))
        buffer.setBytes(crcDigits(crc), at: index + info.length - 11)
    }

    /// The record as a new buffer.
    public func encoded(appendCRCSlot: Bool) throws(MessageEncodingError) -> ByteBuffer {
        var buffer = ByteBuffer()
        try encode(into: &buffer, appendCRCSlot: appendCRCSlot)
        return buffer
    }

    /// Bytes of a record before BODY's length field ends, i.e. everything but body/topic/properties
    /// data and their length prefixes except the body's (84 + 4 = 88 for IPv4 hosts).
    public static func fixedLength(sysFlag: Int32) -> Int {
        4 + 4 + 4 + 4 + 4 + 8 + 8 + 4 + 8 + MessageSysFlag.bornHostLength(sysFlag) + 8
            + MessageSysFlag.storeHostLength(sysFlag) + 4 + 8 + 4
    }

    /// Offset of STORETIMESTAMP within a record with this sysFlag.
    public static func storeTimestampPosition(sysFlag: Int32) -> Int {
        bornHostPosition + MessageSysFlag.bornHostLength(sysFlag)
    }

    /// Writes the store-assigned fields into the encoded record starting at `index` (nil leaves a
    /// field alone). Returns false if the bytes there are too short to be a record.
    @discardableResult
    public static func patch(
        _ buffer: inout ByteBuffer, at index: Int, queueOffset: Int64? = nil, physicalOffset: Int64? = nil,
        storeTimestamp: Int64? = nil
    ) -> Bool {
        guard let sysFlag = buffer.getInteger(at: index + sysFlagPosition, as: Int32.self) else { return false }
        let tsPosition = index + storeTimestampPosition(sysFlag: sysFlag)
        guard buffer.writerIndex >= tsPosition + 8 else { return false }
        if let queueOffset { buffer.setInteger(queueOffset, at: index + queueOffsetPosition) }
        if let physicalOffset { buffer.setInteger(physicalOffset, at: index + physicalOffsetPosition) }
        if let storeTimestamp { buffer.setInteger(storeTimestamp, at: tsPosition) }
        return true
    }

    /// Whether the record at `index` ends with a `__CRC32#` slot.
    public static func hasCRCSlot(_ buffer: ByteBuffer, at index: Int) -> Bool {
        crcSlotStart(buffer, at: index) != nil
    }

    /// Recomputes the `__CRC32#` slot of the record at `index` (Java `CommitLog` rule: masked CRC-32
    /// of the record minus its last 20 bytes, written least-significant digit first, '0'-padded).
    /// Returns false if the record has no slot.
    @discardableResult
    public static func updateCRCSlot(_ buffer: inout ByteBuffer, at index: Int) -> Bool {
        guard let slot = crcSlotStart(buffer, at: index) else { return false }
        let crc = recordCRC(buffer, at: index, length: slot - index)
        buffer.setBytes(crcDigits(crc), at: slot + crcSlotPrefix.count)
        return true
    }

    /// The 10 ASCII digits of a slot value, least-significant first.
    public static func crcDigits(_ crc: Int32) -> [UInt8] {
        var value = crc
        var digits = [UInt8]()
        digits.reserveCapacity(10)
        for _ in 0..<10 {
            var b = UInt8(ascii: "0")
            if value > 0 {
                b += UInt8(value % 10)
                value /= 10
            }
            digits.append(b)
        }
        return digits
    }

    /// Parses slot digits back (least-significant first); nil if any is not a digit or it overflows.
    public static func parseCRCDigits<Bytes: Collection>(_ digits: Bytes) -> Int32? where Bytes.Element == UInt8 {
        var value: Int64 = 0
        for d in digits.reversed() {
            guard d >= UInt8(ascii: "0") && d <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(d - UInt8(ascii: "0"))
        }
        return value <= Int64(Int32.max) ? Int32(value) : nil
    }

    /// Masked CRC-32 of `length` bytes at `index`.
    static func recordCRC(_ buffer: ByteBuffer, at index: Int, length: Int) -> Int32 {
        buffer.withUnsafeReadableBytes { raw in
            let from = index - buffer.readerIndex
            return CRC32.maskedChecksum(UnsafeRawBufferPointer(rebasing: raw[from..<(from + length)]))
        }
    }

    /// Index where the slot of the record at `index` begins, if its last 20 bytes are one.
    static func crcSlotStart(_ buffer: ByteBuffer, at index: Int) -> Int? {
        guard let total = buffer.getInteger(at: index, as: Int32.self), total >= 4 + crcSlotLength,
            index + Int(total) <= buffer.writerIndex, index >= buffer.readerIndex
        else { return nil }
        let slot = index + Int(total) - crcSlotLength
        guard let bytes = buffer.getBytes(at: slot, length: crcSlotLength),
            bytes.starts(with: crcSlotPrefix), bytes[crcSlotLength - 1] == 0x02
        else { return nil }
        return slot
    }
}
