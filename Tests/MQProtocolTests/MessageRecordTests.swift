import MQProtocol
import NIOCore
import Testing

/// Shared fixtures for record tests.
enum RecordFixtures {
    static let storeHost = HostAddress(ipv4: 10, 0, 0, 1, port: 10911)
    static let bornHost = HostAddress(ipv4: 192, 168, 1, 7, port: 53211)

    static func record(
        topic: String = "TopicTest", body: String = "hello", properties: MessageProperties? = nil,
        bornHost: HostAddress = bornHost, storeHost: HostAddress = storeHost
    ) -> MessageRecord {
        MessageRecord(
            topic: topic, queueId: 3, flag: 7, queueOffset: 42, physicalOffset: 4096, sysFlag: 0,
            bornTimestamp: 1_700_000_000_123, bornHost: bornHost, storeTimestamp: 1_700_000_000_456,
            storeHost: storeHost, reconsumeTimes: 2, preparedTransactionOffset: 0, body: ByteBuffer(string: body),
            properties: properties ?? ["KEYS": "k1 k2", "TAGS": "TagA", "UNIQ_KEY": "0100007F000060D40000D9D2ED820100"])
    }
}

@Suite("Message record codec")
struct MessageRecordTests {
    @Test func v1RoundTripAndLayout() throws {
        let rec = RecordFixtures.record()
        var buffer = try rec.encoded(appendCRCSlot: false)
        let props = rec.properties.encodedBytes()
        #expect(buffer.readableBytes == 91 + 5 + 9 + props.count)
        #expect(buffer.getInteger(at: 4, as: UInt32.self) == MessageRecord.magicV1)
        #expect(buffer.getInteger(at: 8, as: Int32.self) == 907_060_870)
        #expect(buffer.getInteger(at: 84, as: Int32.self) == 5)
        let m = try MessageDecoder.decode(&buffer, verify: true)
        #expect(buffer.readableBytes == 0)
        #expect(m.topic == "TopicTest" && m.queueId == 3 && m.flag == 7 && m.queueOffset == 42)
        #expect(m.commitLogOffset == 4096 && m.bornTimestamp == 1_700_000_000_123)
        #expect(m.storeTimestamp == 1_700_000_000_456 && m.reconsumeTimes == 2)
        #expect(m.bornHost == RecordFixtures.bornHost && m.storeHost == RecordFixtures.storeHost)
        #expect(m.body == ByteBuffer(string: "hello") && m.properties == rec.properties)
        #expect(m.offsetMsgId == "0A00000100002A9F0000000000001000")
        #expect(m.msgId == "0100007F000060D40000D9D2ED820100")
        #expect(m.tags == "TagA" && m.keys == ["k1", "k2"])
        #expect(m.record == rec)
    }

    @Test func v2TopicAndIPv6Hosts() throws {
        let topic = String(repeating: "t", count: 200)
        let v6 = try #require(HostAddress("[2001:db8::1]:10911"))
        let born = try #require(HostAddress("[fe80::2]:5555"))
        let rec = RecordFixtures.record(topic: topic, bornHost: born, storeHost: v6)
        let buffer = try rec.encoded(appendCRCSlot: true)
        #expect(buffer.getInteger(at: 4, as: UInt32.self) == MessageRecord.magicV2)
        let flag = try #require(buffer.getInteger(at: 36, as: Int32.self))
        #expect(flag & MessageSysFlag.bornHostV6 != 0 && flag & MessageSysFlag.storeHostV6 != 0)
        let m = try MessageDecoder.decode(buffer, at: 0, options: .init(verify: true))
        #expect(m.topic == topic && m.bornHost == born && m.storeHost == v6)
        #expect(m.offsetMsgId.count == 56)
        // 127 bytes still fits V1.
        let v1 = try RecordFixtures.record(topic: String(repeating: "x", count: 127)).encoded(appendCRCSlot: false)
        #expect(v1.getInteger(at: 4, as: UInt32.self) == MessageRecord.magicV1)
    }

    @Test func crcSlotFormatAndVerification() throws {
        let rec = RecordFixtures.record()
        var buffer = try rec.encoded(appendCRCSlot: true)
        let total = buffer.readableBytes
        let slot = try #require(buffer.getBytes(at: total - 20, length: 20))
        #expect(Array(slot.prefix(9)) == Array("__CRC32#\u{1}".utf8) && slot.last == 0x02)
        // The digits are the masked CRC of everything before the slot, least-significant first.
        let crc = CRC32.maskedChecksum(buffer.getSlice(at: 0, length: total - 20)!)
        let digits = String(decoding: slot[9..<19].reversed(), as: UTF8.self)
        #expect(Int32(digits) == crc)
        #expect(MessageRecord.hasCRCSlot(buffer, at: 0))
        let decoded = try MessageDecoder.decode(buffer, at: 0, options: .init(verify: true))
        #expect(decoded.properties[MessageConst.crc32] != nil)
        #expect(decoded.properties.names.last == MessageConst.crc32)

        // Patching the store fields then refreshing the slot keeps it valid; without refresh it fails.
        #expect(MessageRecord.patch(&buffer, at: 0, queueOffset: 9, physicalOffset: 77, storeTimestamp: 5))
        #expect(throws: MessageDecodingError.self) {
            try MessageDecoder.decode(buffer, at: 0, options: .init(verify: true))
        }
        #expect(MessageRecord.updateCRCSlot(&buffer, at: 0))
        let patched = try MessageDecoder.decode(buffer, at: 0, options: .init(verify: true))
        #expect(patched.queueOffset == 9 && patched.commitLogOffset == 77 && patched.storeTimestamp == 5)

        // Re-encoding a decoded record does not duplicate the slot.
        let again = try patched.record.encoded(appendCRCSlot: true)
        #expect(again.readableBytes == total)
    }

    @Test func crcSlotAddsMissingSeparatorAndHandlesEmptyProperties() throws {
        let empty = try RecordFixtures.record(properties: MessageProperties()).encoded(appendCRCSlot: true)
        let props = try MessageDecoder.decode(empty, at: 0, options: .init(verify: true)).properties
        #expect(props.names == [MessageConst.crc32])
        let digits = MessageRecord.crcDigits(123)
        #expect(String(decoding: digits, as: UTF8.self) == "3210000000")
        #expect(MessageRecord.parseCRCDigits(digits) == 123)
        #expect(MessageRecord.crcDigits(0) == Array("0000000000".utf8))
        #expect(MessageRecord.parseCRCDigits(Array("x000000000".utf8)) == nil)
    }

    @Test func bodyCRCMismatchDetected() throws {
        var buffer = try RecordFixtures.record().encoded(appendCRCSlot: false)
        buffer.setInteger(UInt8(ascii: "j"), at: 88)
        #expect(throws: MessageDecodingError.bodyCRCMismatch(stored: 907_060_870,
            computed: CRC32.maskedChecksum("jello".utf8))) {
            try MessageDecoder.decode(buffer, at: 0, options: .init(verify: true))
        }
        _ = try MessageDecoder.decode(buffer, at: 0)  // without verify it decodes
    }

    @Test func decodeAllBackToBackAndBlank() throws {
        var all = ByteBuffer()
        for i in 0..<5 {
            try RecordFixtures.record(body: "body-\(i)").encode(into: &all, appendCRCSlot: i % 2 == 0)
        }
        all.writeInteger(Int32(8))
        all.writeInteger(MessageRecord.blankMagic)
        let messages = try MessageDecoder.decodeAll(all, verify: true)
        #expect(messages.map { String(buffer: $0.body) } == (0..<5).map { "body-\($0)" })
        #expect(MessageDecoder.peek(all, at: all.writerIndex - 8) == .blank(size: 8))
        #expect(throws: MessageDecodingError.blankRecord(size: 8)) {
            try MessageDecoder.decode(all, at: all.writerIndex - 8)
        }
    }

    @Test func compressedBodyIsInflatedOnRequest() throws {
        let plain = ByteBuffer(string: String(repeating: "abcdefghij", count: 1000))
        var rec = RecordFixtures.record()
        rec.body = try BodyCompression.compress(plain)
        rec.sysFlag = MessageSysFlag.compressed | MessageSysFlag.compressionZLIB
        let buffer = try rec.encoded(appendCRCSlot: true)
        let stored = try MessageDecoder.decode(buffer, at: 0, options: .init(verify: true))
        #expect(stored.body == rec.body && stored.isCompressed)
        let inflated = try MessageDecoder.decode(buffer, at: 0, options: .init(decompress: true, verify: true))
        #expect(inflated.body == plain)
        let noBody = try MessageDecoder.decode(buffer, at: 0, options: .init(readBody: false))
        #expect(noBody.body.readableBytes == 0)
        #expect(throws: MessageDecodingError.self) {
            try MessageDecoder.decode(buffer, at: 0, options: .init(decompress: true, maxDecompressedSize: 100))
        }
    }

    @Test func encodingLimits() {
        #expect(throws: MessageEncodingError.self) {
            try RecordFixtures.record(topic: "").encoded(appendCRCSlot: false)
        }
        let huge: MessageProperties = ["big": String(repeating: "v", count: 40_000)]
        #expect(throws: MessageEncodingError.self) {
            try RecordFixtures.record(properties: huge).encoded(appendCRCSlot: false)
        }
        // The limit counts the CRC slot, and a refused record leaves the buffer as it was.
        let atLimit: MessageProperties = ["p": String(repeating: "v", count: 32_767 - 3)]
        #expect((try? RecordFixtures.record(properties: atLimit).encoded(appendCRCSlot: false)) != nil)
        var buffer = ByteBuffer(string: "kept")
        #expect(throws: MessageEncodingError.propertiesTooLong(32_767 + 20)) {
            try RecordFixtures.record(properties: atLimit).encode(into: &buffer, appendCRCSlot: true)
        }
        #expect(buffer == ByteBuffer(string: "kept"))
    }
}

@Suite("Message decoder on hostile input")
struct MessageHostileInputTests {
    @Test func truncatedAtEveryPosition() throws {
        let buffer = try RecordFixtures.record().encoded(appendCRCSlot: true)
        for length in 0..<buffer.readableBytes {
            let cut = buffer.getSlice(at: 0, length: length)!
            #expect(throws: MessageDecodingError.self) { try MessageDecoder.decode(cut, at: 0) }
            if length > 0 { #expect(throws: MessageDecodingError.self) { try MessageDecoder.decodeAll(cut) } }
        }
    }

    @Test func lyingLengthsAreErrors() throws {
        let good = try RecordFixtures.record().encoded(appendCRCSlot: false)
        let total = good.readableBytes
        // TOTALSIZE larger / smaller than the content, body/topic/properties lengths that lie.
        let patches: [(Int, [UInt8])] = [
            (0, [0, 0, 0x10, 0]), (0, [0, 0, 0, 20]), (0, [0xFF, 0xFF, 0xFF, 0xFF]), (0, [0, 0, 0, UInt8(total - 1)]),
            (84, [0x7F, 0xFF, 0xFF, 0xFF]), (84, [0xFF, 0xFF, 0xFF, 0xFE]), (84, [0, 0, 0, 6]),
            (93, [0x80]), (93, [0x7F]), (93, [0]), (4, [1, 2, 3, 4]),
        ]
        for (at, bytes) in patches {
            var bad = good
            bad.setBytes(bytes, at: at)
            #expect(throws: MessageDecodingError.self, "patch at \(at)") {
                try MessageDecoder.decode(bad, at: 0, options: .init(verify: true))
            }
        }
        var propsLie = good
        let propsLengthAt = 88 + 5 + 1 + 9
        propsLie.setInteger(Int16(-1), at: propsLengthAt)
        #expect(throws: MessageDecodingError.self) { try MessageDecoder.decode(propsLie, at: 0) }
    }

    @Test func randomBytesNeverCrash() {
        var rng = SystemRandomNumberGenerator()
        for round in 0..<3000 {
            var buffer = ByteBuffer()
            let length = Int.random(in: 0...300, using: &rng)
            // Half of the inputs start with a plausible size and magic to get past the first checks.
            if round % 2 == 0 {
                buffer.writeInteger(Int32(length + 8))
                buffer.writeInteger(round % 4 == 0 ? MessageRecord.magicV1 : MessageRecord.magicV2)
            }
            for _ in 0..<length { buffer.writeInteger(UInt8.random(in: 0...255, using: &rng)) }
            _ = try? MessageDecoder.decodeAll(buffer, options: .init(decompress: true, verify: true))
            _ = try? BatchBody.decode(buffer)
        }
    }

    @Test func bitFlipsInValidRecordAreCaughtByVerify() throws {
        let good = try RecordFixtures.record().encoded(appendCRCSlot: true)
        for position in 0..<good.readableBytes {
            var bad = good
            bad.setInteger(good.getInteger(at: position, as: UInt8.self)! ^ 0x04, at: position)
            #expect(throws: MessageDecodingError.self, "flip at \(position)") {
                try MessageDecoder.decode(bad, at: 0, options: .init(verify: true))
            }
        }
    }
}
