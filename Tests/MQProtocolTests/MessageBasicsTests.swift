import MQProtocol
import NIOCore
import Testing

@Suite("CRC32 and Java hash")
struct MessageChecksumTests {
    @Test func knownCRCValues() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.maskedChecksum("hello".utf8) == 907_060_870)
        #expect(CRC32.checksum([UInt8]()) == 0)
        #expect(CRC32.checksum(ByteBuffer(string: "hello")) == CRC32.checksum(Array("hello".utf8)))
    }

    @Test func incrementalEqualsWhole() {
        var bytes = [UInt8]()
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<1000 { bytes.append(UInt8.random(in: 0...255, using: &rng)) }
        let whole = CRC32.checksum(bytes)
        for split in [0, 1, 7, 8, 9, 500, 999, 1000] {
            let first = CRC32.checksum(bytes[0..<split])
            #expect(CRC32.checksum(bytes[split...], continuing: first) == whole)
        }
    }

    @Test func tableMatchesBitwiseReference() {
        func reference(_ bytes: [UInt8]) -> UInt32 {
            var crc: UInt32 = 0xFFFF_FFFF
            for b in bytes {
                crc ^= UInt32(b)
                for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            }
            return ~crc
        }
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(CRC32.checksum(bytes) == reference(bytes))
        }
    }

    @Test func javaHashCodes() {
        #expect(JavaHash.hashCode("TagA") == 2_598_919)
        #expect(JavaHash.hashCode("") == 0)
        #expect(JavaHash.hashCode("hello") == 99_162_322)
        // Wraps like a Java int.
        #expect(JavaHash.hashCode("polygenelubricants") == Int32.min)
        // Characters outside the BMP count as two UTF-16 units ("😀".hashCode() in Java).
        #expect(JavaHash.hashCode("😀") == 1_772_899)
        #expect(JavaHash.hashCode("é") == 233)
        #expect(JavaHash.tagsCode("TagA") == 2_598_919)
        #expect(JavaHash.tagsCode(nil) == 0)
        #expect(JavaHash.tagsCode("") == 0)
    }
}

@Suite("Flags and permissions")
struct MessageFlagTests {
    @Test func sysFlagConstants() {
        #expect(MessageSysFlag.compressed == 1)
        #expect(MessageSysFlag.bornHostV6 == 0x10)
        #expect(MessageSysFlag.storeHostV6 == 0x20)
        #expect(MessageSysFlag.compressionZLIB == 0x300)
        #expect(MessageSysFlag.transactionValue(0x1 | 0xC) == MessageSysFlag.transactionRollbackType)
        #expect(MessageSysFlag.resetTransactionValue(0x0D, type: MessageSysFlag.transactionCommitType) == 0x09)
        #expect(MessageSysFlag.bornHostLength(0x10) == 20)
        #expect(MessageSysFlag.storeHostLength(0x10) == 8)
    }

    @Test func pullSysFlag() {
        let f = PullSysFlag.build(commitOffset: true, suspend: true, subscription: true)
        #expect(f == 7)
        #expect(PullSysFlag.clearCommitOffset(f) == 6)
        #expect(PullSysFlag.has(f, PullSysFlag.suspend))
    }

    @Test func permNames() {
        #expect(PermName.string(6) == "RW-")
        #expect(PermName.string(7) == "RWX")
        #expect(PermName.string(4) == "R--")
        #expect(PermName.string(0) == "---")
        #expect(PermName.parse("RW-") == 6)
        #expect(PermName.parse("R-X") == 5)
        #expect(PermName.parse("RWXX") == nil)
        #expect(PermName.isValid(7) && !PermName.isValid(8))
        #expect(PermName.isWriteable(2) && !PermName.isReadable(2))
    }
}

@Suite("Message properties")
struct MessagePropertiesTests {
    @Test func orderedSetReplaceRemove() {
        var p = MessageProperties()
        p["KEYS"] = "a b"
        p["TAGS"] = "TagA"
        p["X"] = "1"
        p["KEYS"] = "c"
        #expect(p.names == ["KEYS", "TAGS", "X"])
        #expect(p["KEYS"] == "c")
        #expect(p.removeValue(forName: "TAGS") == "TagA")
        p["X"] = nil
        #expect(p.names == ["KEYS"])
        #expect(p.encoded() == "KEYS\u{1}c\u{2}")
    }

    @Test func javaParsingRules() {
        let text = "KEYS\u{1}k1  k2 \u{2}TAGS\u{1}TagA\u{2}\u{1}novalue\u{2}ab\u{2}x\u{1}\u{2}"
            + "UNIQ_KEY\u{1}ID1\u{2}last\u{1}v"
        let p = MessageProperties(decoding: text)
        #expect(p.names == ["KEYS", "TAGS", "UNIQ_KEY", "last"])
        #expect(p.keys == ["k1", "k2"])
        #expect(p.tags == "TagA")
        #expect(p.uniqueKey == "ID1")
        #expect(p["last"] == "v")
        #expect(MessageProperties(decoding: "").isEmpty)
        #expect(MessageProperties(decoding: "\u{2}\u{2}\u{1}\u{1}").isEmpty)
        // A value may contain 0x01; the first one separates.
        #expect(MessageProperties(decoding: "a\u{1}b\u{1}c\u{2}")["a"] == "b\u{1}c")
    }

    @Test func roundTrip() {
        let p: MessageProperties = ["UNIQ_KEY": "0A", "KEYS": "k", "héllo": "wörld"]
        #expect(MessageProperties(decoding: p.encoded()) == p)
        #expect(p.encodedBytes() == Array(p.encoded().utf8))
        #expect(MessageProperties().encoded() == "")
        // Long values (heap strings), small ones, and non-ASCII text, byte for byte.
        let long = String(repeating: "v", count: 300)
        let id = "7F0000010000000000000000000000AB"
        let q: MessageProperties = ["A": long, "字": "😀", "UNIQ_KEY": id]
        #expect(q.encoded() == "A\u{1}" + long + "\u{2}字\u{1}😀\u{2}UNIQ_KEY\u{1}" + id + "\u{2}")
    }
}

@Suite("Hosts and message ids")
struct MessageIdTests {
    @Test func parseAndFormatHosts() throws {
        let v4 = try #require(HostAddress("10.0.0.1:10911"))
        #expect(v4.address == [10, 0, 0, 1] && v4.port == 10911 && !v4.isIPv6)
        #expect(v4.description == "10.0.0.1:10911")
        let v6 = try #require(HostAddress("[::1]:10911"))
        #expect(v6.isIPv6 && v6.address == [UInt8](repeating: 0, count: 15) + [1])
        #expect(v6.description == "[::1]:10911")
        let bare = try #require(HostAddress("fe80::1:2:9876"))
        #expect(bare.port == 9876 && bare.hostString == "fe80::1:2")
        let full = try #require(HostAddress("[2001:db8:0:0:1:0:0:1]:1"))
        #expect(full.hostString == "2001:db8::1:0:0:1")
        let mapped = try #require(HostAddress("[::ffff:1.2.3.4]:5"))
        #expect(mapped.address.suffix(4) == [1, 2, 3, 4])
        for bad in ["", "1.2.3.4", "1.2.3:1", "1.2.3.256:1", "1.2.3.4:70000", "[::1]", "[::1]x", "1::2::3:1",
            "[12345::]:1", "a.b.c.d:1", "1.2.3.4:-1", "[1:2:3:4:5:6:7:8:9]:1"]
        {
            #expect(HostAddress(bad) == nil, "\(bad)")
        }
    }

    @Test func offsetMessageIdGolden() throws {
        let host = HostAddress(ipv4: 10, 0, 0, 1, port: 10911)
        #expect(MessageId.encode(storeHost: host, offset: 0xF1C) == "0A00000100002A9F0000000000000F1C")
        let decoded = try MessageId.decode("0A00000100002A9F0000000000000F1C")
        #expect(decoded.storeHost == host && decoded.offset == 0xF1C)
        let v6 = try #require(HostAddress("[2001:db8::7]:10911"))
        let id = MessageId.encode(storeHost: v6, offset: 123_456_789)
        #expect(id.count == 56)
        let back = try MessageId.decode(id.lowercased())
        #expect(back.storeHost == v6 && back.offset == 123_456_789)
    }

    @Test func badMessageIdsThrowWithReason() {
        for bad in ["", "0A00", "ZZ00000100002A9F0000000000000F1C", "0A00000100002A9FFFFFFFFFFFFFFF1C"] {
            #expect(throws: MessageIdError.self) { try MessageId.decode(bad) }
        }
        do {
            _ = try MessageId.decode("abc")
        } catch {
            #expect(error.description.contains("32 (IPv4) or 56 (IPv6)"))
        }
    }

    @Test func uniqueKeyLayoutAndTimestamp() throws {
        let gen = UniqueKeyGenerator(ip: [1, 0, 0, 127], pid: 0x1_60D4, fixed: 0xD9D2)
        let now = UniqueKey.currentMillis()
        let a = gen.next(now: now)
        let b = gen.next(now: now)
        #expect(a.count == 32 && a != b)
        #expect(a.hasPrefix("0100007F60D40000D9D2"))
        #expect(a.uppercased() == a)
        #expect(UniqueKey.ip(of: a) == [1, 0, 0, 127])
        #expect(UniqueKey.pid(of: a) == 0x60D4)
        let ts = try #require(UniqueKey.timestamp(of: a, now: now + 10))
        #expect(ts == now)
        // Counter occupies the last 2 bytes.
        #expect(a.suffix(4) == "0000" && b.suffix(4) == "0001")
        // Later reads still land on the right instant (within the same or next month).
        #expect(UniqueKey.timestamp(of: a, now: now + 86_400_000) == now)
        #expect(UniqueKey.timestamp(of: "nothex") == nil)
        let v6 = UniqueKeyGenerator(ip: [UInt8](repeating: 0xFE, count: 16)).next()
        #expect(v6.count == 56)
    }

    @Test func uniqueKeysAreUniqueAcrossThreads() async {
        let gen = UniqueKeyGenerator()
        let keys = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 { group.addTask { (0..<1000).map { _ in gen.next() } } }
            var all = [String]()
            for await part in group { all += part }
            return all
        }
        #expect(Set(keys).count == 8000)
    }
}

@Suite("CRC32 combine")
struct MessageCRCCombineTests {
    @Test func combineEqualsChecksumOfConcatenation() {
        var rng = SystemRandomNumberGenerator()
        for (a, b) in [(0, 0), (0, 5), (5, 0), (1, 1), (88, 1100), (1000, 3), (7, 65_536)] {
            let x = (0..<a).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let y = (0..<b).map { _ in UInt8.random(in: 0...255, using: &rng) }
            #expect(CRC32.combine(CRC32.checksum(x), CRC32.checksum(y), lengthB: b) == CRC32.checksum(x + y))
        }
    }

    @Test func combineIsConsistentForLargeLengths() {
        let (a, b, c): (UInt32, UInt32, UInt32) = (0x1234_5678, 0x9ABC_DEF0, 0x0F0F_0F0F)
        for (m, n) in [(20_000_000, 300), (255, 256), (65_535, 16_777_216), (1 << 31, (1 << 32) + 5)] {
            #expect(CRC32.combine(CRC32.combine(a, b, lengthB: m), c, lengthB: n)
                == CRC32.combine(a, CRC32.combine(b, c, lengthB: n), lengthB: m + n))
        }
    }

    @Test func deferredSlotMatchesFullComputation() throws {
        let rec = RecordFixtures.record()
        var deferred = ByteBuffer()
        let info = try rec.encodeDeferringCRC(into: &deferred, appendCRCSlot: true)
        #expect(MessageRecord.patch(&deferred, at: 0, queueOffset: 5, physicalOffset: 99, storeTimestamp: 1234))
        MessageRecord.finishCRCSlot(&deferred, at: 0, info: info)
        var full = deferred
        #expect(MessageRecord.updateCRCSlot(&full, at: 0))
        #expect(full == deferred)
        _ = try MessageDecoder.decode(deferred, at: 0, options: .init(verify: true))
        #expect(info.length == deferred.readableBytes && info.headerLength == 88)
    }
}
