import MQProtocol
import NIOCore
import Testing

/// `MessageDecoder.properties(ofRecord:)`: the properties a broker filters on, read without the body.
@Suite struct RecordPropertiesTests {
    @Test func readsThePropertiesOfV1AndV2Records() throws {
        let props: MessageProperties = ["a": "7", "region": "eu", "TAGS": "TagA"]
        let v1 = try RecordFixtures.record(body: String(repeating: "b", count: 1000), properties: props)
            .encoded(appendCRCSlot: true)
        #expect(MessageDecoder.properties(ofRecord: v1)?["region"] == "eu")
        #expect(MessageDecoder.properties(ofRecord: v1)?["a"] == "7")
        let v6 = try #require(HostAddress("[2001:db8::1]:10911"))
        let v2 = try RecordFixtures.record(
            topic: String(repeating: "t", count: 200), properties: props, bornHost: v6, storeHost: v6
        ).encoded(appendCRCSlot: false)
        #expect(MessageDecoder.properties(ofRecord: v2) == props)
        // Whatever the full decoder reads, this reads too.
        #expect(MessageDecoder.properties(ofRecord: v1) == (try MessageDecoder.decode(v1, at: 0)).properties)
    }

    @Test func aRecordInsideALargerBufferAndRecordsWithoutProperties() throws {
        var buffer = ByteBuffer(string: "xyz")
        buffer.moveReaderIndex(forwardBy: 3)
        var rec = try RecordFixtures.record(properties: [:]).encoded(appendCRCSlot: false)
        buffer.writeBuffer(&rec)
        #expect(MessageDecoder.properties(ofRecord: buffer)?.isEmpty == true)
    }

    @Test func damagedRecordsAreRefused() throws {
        let good = try RecordFixtures.record().encoded(appendCRCSlot: false)
        // Cut short, a body length past the end, a properties length that disagrees with the record size.
        #expect(MessageDecoder.properties(ofRecord: good.getSlice(at: 0, length: good.readableBytes - 1)!) == nil)
        var longBody = good
        longBody.setInteger(Int32(1 << 20), at: 84)
        #expect(MessageDecoder.properties(ofRecord: longBody) == nil)
        var badProps = good
        badProps.setInteger(Int16(1), at: 84 + 4 + 5 + 1 + 9)  // after the body "hello" and topic "TopicTest"
        #expect(MessageDecoder.properties(ofRecord: badProps) == nil)
        #expect(MessageDecoder.properties(ofRecord: ByteBuffer(bytes: [0, 0, 0, 8])) == nil)
    }
}
