import NIOCore

/// One message of a SEND_BATCH body.
public struct BatchItem: Sendable, Equatable {
    /// The producer's user flag.
    public var flag: Int32
    /// The body bytes.
    public var body: ByteBuffer
    /// This message's own properties (UNIQ_KEY, KEYS, TAGS, WAIT, ...).
    public var properties: MessageProperties

    /// Creates an item.
    public init(flag: Int32 = 0, body: ByteBuffer, properties: MessageProperties) {
        self.flag = flag
        self.body = body
        self.properties = properties
    }
}

/// The batch body of SEND_BATCH_MESSAGE / SEND_MESSAGE with `batch=1` (wire.md §5.6,
/// Java `MessageDecoder.encodeMessages`): records of
/// `Int32 TOTALSIZE | Int32 MAGICCODE=0 | Int32 BODYCRC=0 | Int32 FLAG | Int32 bodyLen | body |
/// Int16 propsLen | props`.
public enum BatchBody {
    /// Bytes of an item record besides body and properties.
    static let overhead = 4 + 4 + 4 + 4 + 4 + 2

    /// Encodes `items` back to back.
    public static func encode(_ items: [BatchItem]) throws(MessageEncodingError) -> ByteBuffer {
        var out = ByteBuffer()
        for item in items {
            let props = item.properties.encodedBytes()
            guard props.count <= MessageRecord.maxPropertiesLength else { throw .propertiesTooLong(props.count) }
            let total = overhead + item.body.readableBytes + props.count
            guard total <= Int(Int32.max) else { throw .bodyTooLarge(item.body.readableBytes) }
            out.reserveCapacity(minimumWritableBytes: total)
            out.writeInteger(Int32(total))
            out.writeInteger(Int32(0))
            out.writeInteger(Int32(0))
            out.writeInteger(item.flag)
            out.writeInteger(Int32(item.body.readableBytes))
            var body = item.body
            out.writeBuffer(&body)
            out.writeInteger(Int16(props.count))
            out.writeBytes(props)
        }
        return out
    }

    /// Decodes a batch body into its items. Lengths are checked against TOTALSIZE and the bytes left,
    /// so hostile input ends in a ``MessageDecodingError``, never a trap.
    public static func decode(_ body: ByteBuffer) throws(MessageDecodingError) -> [BatchItem] {
        var buffer = body
        var items = [BatchItem]()
        while buffer.readableBytes > 0 {
            let available = buffer.readableBytes
            guard let total = buffer.getInteger(at: buffer.readerIndex, as: Int32.self) else {
                throw .truncated(field: "batch TOTALSIZE", needed: 4, available: available)
            }
            guard Int(total) >= overhead else {
                throw .invalidLength(field: "batch TOTALSIZE", value: Int(total), reason: "below \(overhead)")
            }
            guard Int(total) <= available else {
                throw .truncated(field: "batch record", needed: Int(total), available: available)
            }
            var record = buffer.readSlice(length: Int(total))!
            record.moveReaderIndex(forwardBy: 12)  // TOTALSIZE, MAGICCODE, BODYCRC: unused in batches
            let flag = record.readInteger(as: Int32.self)!
            let bodyLength = Int(record.readInteger(as: Int32.self)!)
            guard bodyLength >= 0, bodyLength + 2 <= record.readableBytes else {
                throw .invalidLength(field: "batch body length", value: bodyLength,
                    reason: "record has \(record.readableBytes) bytes left")
            }
            let itemBody = record.readSlice(length: bodyLength)!
            let propertiesLength = Int(record.readInteger(as: Int16.self)!)
            guard propertiesLength >= 0, propertiesLength == record.readableBytes else {
                throw .invalidLength(field: "batch properties length", value: propertiesLength,
                    reason: "TOTALSIZE leaves \(record.readableBytes) bytes")
            }
            let properties = record.withUnsafeReadableBytes { MessageProperties(utf8: $0) }
            items.append(BatchItem(flag: flag, body: itemBody, properties: properties))
        }
        return items
    }
}
