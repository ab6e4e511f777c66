import Testing

@testable import MQProtocol

/// The one Base64 of the package: RFC 4648's test vectors in both alphabets, and the alphabets kept apart.
@Suite struct Base64Tests {
    static let vectors = [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ]

    @Test func rfc4648VectorsInBothAlphabets() {
        for (plain, encoded) in Self.vectors {
            for alphabet in [Base64.Alphabet.standard, .urlSafe] {
                #expect(Base64.encode(Array(plain.utf8), alphabet) == encoded)
                #expect(Base64.decode(encoded, alphabet) == Array(plain.utf8))
            }
        }
    }

    @Test func eachAlphabetReadsOnlyItsOwnLastTwoSymbols() {
        let bytes: [UInt8] = [0xFB, 0xFF, 0xBF]  // 111110 111111 111110 111111
        #expect(Base64.encode(bytes) == "+/+/")
        #expect(Base64.encode(bytes, .urlSafe) == "-_-_")
        #expect(Base64.decode("-_-_", .urlSafe) == bytes && Base64.decode("+/+/") == bytes)
        #expect(Base64.decode("-_-_") == nil && Base64.decode("+/+/", .urlSafe) == nil)
        #expect(Base64.decode("Zm9vY", .urlSafe) == nil)  // a length no encoder writes
        #expect(Base64.decode("Zm9vYg", .urlSafe) == Array("foob".utf8))  // padding optional
    }
}
