import Testing

@testable import MQProtocol

/// The carry-less-multiply CRC (CCRC32) must give exactly what the table method gives: every length around the
/// 64-byte threshold and the 16-byte folding steps, every alignment, any starting CRC.
@Suite struct CRC32FoldTests {
    @Test func foldingAgreesWithTheTableMethod() {
        #if arch(x86_64)
            #expect(CRC32.folds, "this x86-64 CPU has no PCLMULQDQ: only the table method was tested")
        #endif
        var g = DirectHeaderTests.SplitMix(state: 0xC3C3_2032)
        let bytes = (0..<4_200).map { _ in UInt8(truncatingIfNeeded: g.next()) }
        var compared = 0
        bytes.withUnsafeBytes { raw in
            for length in Array(0...300) + [511, 512, 513, 1_024, 1_031, 4_096] {
                for offset in 0..<(length < 300 ? 3 : 17) {
                    let slice = UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + length)])
                    let previous = UInt32(truncatingIfNeeded: g.next())
                    for start in [0, previous] {
                        let want = CRC32.tableChecksum(slice, continuing: start)
                        #expect(CRC32.checksum(slice, continuing: start) == want, "length \(length) at \(offset)")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared > 1_800)
        // zlib's value (Python's zlib.crc32) for 72 bytes, through the folding path.
        #expect(CRC32.checksum(Array(String(repeating: "123456789", count: 8).utf8)) == 0x8811_A440)
    }
}
