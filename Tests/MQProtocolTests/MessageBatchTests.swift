import MQProtocol
import NIOCore
import Testing

/// Golden vectors captured from the official C++ client (cpp-client-frames.md §3).
enum CppGolden {
    /// `send_batch` flow, SEND_MESSAGE (10) with batch=1: three 106-byte records.
    static let batchHex = """
        0000006a0000000000000000000000000000000762617463682d30004d4b45595301626b300254414753015461674102554e4951\
        5f4b4559013031303030303746303030304343413130303030393030424545383230313030025741495401747275650269647801\
        30020000006a0000000000000000000000000000000762617463682d31004d4b45595301626b310254414753015461674102554e\
        49515f4b455901303130303030374630303030434341313030303039303042454538323032303002574149540174727565026964\
        780131020000006a0000000000000000000000000000000762617463682d32004d4b45595301626b320254414753015461674102\
        554e49515f4b45590130313030303037463030303043434131303030303930304245453832303330300257414954017472756502\
        696478013202
        """

    /// `compress` flow: a 10240-byte body zlib-compressed (level 5) to 1223 bytes.
    static let compressedHex = """
        785e5dd5b91105050c44c188a842a3d1fefd4534dc47fe01006ecbd358cfeb1f7ffcef7ef8f9975f7ffbfd8f3ffffafb9f9ffeff\
        c7210eeb508773781c3e0eafc397612c1d4bc7d2b1742c1d4bc7d2b1742c1d4b63692c8da5b13496c6d2581a4b63692c5d4bd7d2\
        b5742d5d4bd7d2b5742d5d4bd7d25a5a4b6b692dada5b5b496d6d25a5a4bcfd2b3f42c3d4bcfd2b3f42c3d4bcfd2b3f4b1f4b1f4\
        b1f4b1f4b1f4b1f4b1f4b1f4b1f4b1f463e9c7d28fa51f4b3f967e2cfd58fab1f463e9c7d2d7d2d7d2d7d2d7d2d7d2d7d2d7d2d7\
        d2d7d2d7d2afa55f4bbf967e2dfd5afab5f46be9d7d2afa55f4a47a346a346a346a346a346a346a346a346a346a346a346a346a3\
        46a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a3\
        46a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a3\
        46a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a346a3\
        46a346a346a346a346a346a346a346a346a3a251d1a86854342a1a158d8a4645a3a251d1a86854342a1a158d8a4645a3a251d1a8\
        6854342a1a158d8a4645a3a251d1a86854342a1a158d8a4645a3a251d1a86854342a1a158d8a4645a3a251d1a86854342a1a158d\
        8a4645a3a251d1a86854342a1a158d8a4645a3a251d1a86854342a1a158d8a4645a3a251d1a86854342a1a158d8a4645a3a251d1\
        a86854342a1a158d8a4645a3a251d1a86854342a1a158d8a4645a3a251d1a86854342a1a158d8a4645a3a251d1a86854346a356a\
        356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a\
        356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a\
        356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a\
        356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a356a35aa1a558daa4655a3aa51d5\
        a86a5435aa1a558daa4655a3aa51d5a86a5435aa1a558daa4655a3aa51d5a86a5435aa1a558daa4655a3aa51d5a86a5435aa1a55\
        8daa4655a3aa51d5a86a5435aa1a558daa4655a3aa51d5a86a5435aa1a558daa4655a3aa51d5a86a5435aa1a558daa4655a3aa51\
        d5a86a5435aa1a558daa4655a3aa51d5a86a5435aa1a558daa4655a3aa51d5a86a5435aa1a558daa4655a3aa51d5a86a5435aa1a\
        558daa4655a3aa51d5a86a5435aa1a558daa4655a34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34e\
        a34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34e\
        a34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34e\
        a34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34ea34e\
        a34ea34ea34ea34ea34ea34ea31e8d7a34eaf9cfa87f015cfb98a1
        """

    static func bytes(_ hex: String) -> [UInt8] {
        let clean = hex.filter { !$0.isWhitespace }
        var out = [UInt8]()
        var i = clean.startIndex
        while i < clean.endIndex {
            let j = clean.index(i, offsetBy: 2)
            out.append(UInt8(clean[i..<j], radix: 16)!)
            i = j
        }
        return out
    }
}

@Suite("Batch body and compression")
struct MessageBatchTests {
    @Test func cppBatchGoldenVector() throws {
        let raw = CppGolden.bytes(CppGolden.batchHex)
        #expect(raw.count == 318)
        let items = try BatchBody.decode(ByteBuffer(bytes: raw))
        #expect(items.count == 3)
        for (i, item) in items.enumerated() {
            #expect(item.flag == 0)
            #expect(String(buffer: item.body) == "batch-\(i)")
            #expect(item.properties.names == ["KEYS", "TAGS", "UNIQ_KEY", "WAIT", "idx"])
            #expect(item.properties.keys == ["bk\(i)"])
            #expect(item.properties.tags == "TagA")
            #expect(item.properties.uniqueKey == "0100007F0000CCA10000900BEE820\(i + 1)00")
            #expect(item.properties["idx"] == "\(i)")
        }
        // Re-encoding gives the client's bytes back exactly.
        let again = try BatchBody.encode(items)
        #expect(Array(again.readableBytesView) == raw)
    }

    @Test func batchRoundTripAndHostileInput() throws {
        let items = (0..<10).map { i in
            BatchItem(flag: Int32(i), body: ByteBuffer(string: String(repeating: "x", count: i * 10)),
                properties: ["KEYS": "k\(i)", "n": "\(i)"])
        }
        let encoded = try BatchBody.encode(items)
        #expect(try BatchBody.decode(encoded) == items)
        #expect(try BatchBody.decode(ByteBuffer()).isEmpty)
        for length in 1..<encoded.readableBytes where length % 7 == 0 || length < 30 {
            let cut = encoded.getSlice(at: 0, length: length)!
            let complete = try? BatchBody.decode(cut)
            // A cut exactly at a record boundary decodes to a prefix; anything else is an error.
            if let complete { #expect(Array(items.prefix(complete.count)) == complete) }
        }
        var lying = encoded
        lying.setInteger(Int32(1000), at: 16)  // first body length
        #expect(throws: MessageDecodingError.self) { try BatchBody.decode(lying) }
        lying = encoded
        lying.setInteger(Int32(3), at: 0)
        #expect(throws: MessageDecodingError.self) { try BatchBody.decode(lying) }
    }

    @Test func cppCompressedBodyInflates() throws {
        let raw = CppGolden.bytes(CppGolden.compressedHex)
        #expect(raw.count == 1223)
        let body = try BodyCompression.decompress(ByteBuffer(bytes: raw), maxSize: 1 << 20)
        #expect(body.readableBytes == 10240)
        #expect(String(buffer: body).hasPrefix("00000-abcdefghij;00001-abcdefghij;"))
        #expect(CRC32.maskedChecksum(body) == 1_109_365_777)
        #expect(throws: MessageDecodingError.self) {
            try BodyCompression.decompress(ByteBuffer(bytes: raw), maxSize: 10_000)
        }
        #expect(throws: MessageDecodingError.self) {
            try BodyCompression.decompress(ByteBuffer(bytes: raw.prefix(600)), maxSize: 1 << 20)
        }
    }

    @Test func compressionRoundTripUsesZlibHeader() throws {
        let plain = ByteBuffer(string: (0..<2000).map { "line \($0)\n" }.joined())
        let packed = try BodyCompression.compress(plain)
        #expect(packed.getInteger(at: 0, as: UInt8.self) == 0x78)
        #expect(packed.readableBytes < plain.readableBytes)
        #expect(try BodyCompression.decompress(packed, maxSize: 1 << 20) == plain)
        #expect(throws: MessageDecodingError.self) {
            try BodyCompression.decompress(ByteBuffer(string: "not zlib at all"), maxSize: 1 << 20)
        }
    }
}
