import NIOCore
import Testing

@testable import MQProtocol

/// JSON headers with plain fields are read without building their field map (``PlainHeaderReader``), and a send's
/// answer straight into ``SendMessageResponseHeader``; for any header bytes the frame decoder must give what the
/// generic path (``HeaderCodec``, then ``SendMessageResponseHeader/init(fields:)``) gives.
@Suite struct PlainHeaderReaderTests {
    typealias SplitMix = DirectHeaderTests.SplitMix
    let sends = SendHeaderReaderTests()

    static let names = [
        "msgId", "queueId", "queueOffset", "transactionId", "MSG_REGION", "TRACE_ON", "recallHandle", "batchUniqId",
        "msgid", "queueid", "x", "",
    ]

    /// What an Apache broker writes for the field at `index` of ``names``.
    func plainValue(_ index: Int, _ g: inout SplitMix) -> String {
        switch index {
        case 0: return "\"7F00000100002A9F0000000000012345\""
        case 1: return "\"\(Int32.random(in: 0...15, using: &g))\""
        case 2: return "\"\(Int64.random(in: 0...Int64.max, using: &g))\""
        case 5: return Bool.random(using: &g) ? #""true""# : #""false""#
        default: return ["\"DefaultRegion\"", "\"tx-1\"", "\"ü\"", "12"].randomElement(using: &g)!
        }
    }

    func header(_ g: inout SplitMix) -> String {
        var fields: [String] = []
        for (index, name) in Self.names.enumerated() where index < 3 ? Int.random(in: 0..<10, using: &g) > 0
            : Int.random(in: 0..<3, using: &g) == 0
        {
            let value = Int.random(in: 0..<4, using: &g) == 0
                ? SendHeaderReaderTests.jsonValues.randomElement(using: &g)! : plainValue(index, &g)
            let key = Int.random(in: 0..<8, using: &g) == 0 ? sends.key(name, &g) : "\"\(name)\""
            fields.append(key + sends.space(&g) + ":" + sends.space(&g) + value)
            if Int.random(in: 0..<12, using: &g) == 0 { fields.append("\"\(name)\":" + plainValue(index, &g)) }
        }
        fields.shuffle(using: &g)
        let code = [0, 0, 0, 1, 10, 17, 206].randomElement(using: &g)!
        let flag = [1, 1, 1, 1, 3, 0].randomElement(using: &g)!
        var members = [
            "\"code\":\(code)", "\"flag\":\(flag)", #""language":"JAVA""#,
            "\"opaque\":\(Int.random(in: 0..<1000, using: &g))", #""serializeTypeCurrentRPC":"JSON""#,
            "\"version\":409",
        ]
        switch Int.random(in: 0..<8, using: &g) {
        case 0: break  // no extFields at all
        case 1: members.append(#""extFields":null"#)
        default: members.append("\"extFields\":" + sends.space(&g) + "{" + fields.joined(separator: ",") + "}")
        }
        if Int.random(in: 0..<6, using: &g) == 0 { members.append(#""remark":"No topic route info""#) }
        if Int.random(in: 0..<4, using: &g) == 0 {
            let (name, odd) = sends.oddTopMember(&g)
            if Bool.random(using: &g) { members.removeAll { $0.hasPrefix("\"\(name)\":") } }
            members.append(odd)
        }
        if Int.random(in: 0..<4, using: &g) == 0 { members.shuffle(using: &g) }
        return "{" + members.joined(separator: ",") + "}"
    }

    /// The frame decoder's result and the generic path's; true when the response reader took the header.
    @discardableResult
    func compare(_ header: [UInt8], _ what: String) -> Bool {
        let decoded = SendHeaderReaderTests.compareWithGenericPath(header, .json, what) { a, b in
            SendHeaderReaderTests.expectSame(
                Result { try a.decodeHeader(SendMessageResponseHeader.self) },
                Result { try b.decodeHeader(SendMessageResponseHeader.self) }, "the send response header", what)
            // A changed map is the command's own from then on.
            var changed = a
            changed.extFields["added"] = "1"
            #expect(changed.extFields.count == b.extFields.count + (b.extFields["added"] == nil ? 1 : 0), "\(what)")
        }
        return decoded?.receivedSendResponseHeader != nil
    }

    @Test func randomResponseHeadersReadAsTheGenericPathReadsThem() {
        var g = SplitMix(state: 20_261_205)
        var taken = 0
        for round in 0..<3000 {
            let text = header(&g)
            if compare(Array(text.utf8), "round \(round): \(text)") { taken += 1 }
            let broken = sends.mutate(Array(text.utf8), &g)
            compare(broken, "round \(round) mutated: \(String(decoding: broken, as: UTF8.self))")
        }
        // Odd values and missing fields leave the rest to the generic path: 614 read directly at this seed.
        #expect(taken > 300, "\(taken) of 3000 send answers read directly")
    }

    @Test func anApacheSendAnswerIsReadFromItsBytes() throws {
        let text = #"{"code":0,"extFields":{"MSG_REGION":"DefaultRegion","TRACE_ON":"true","#
            + #""msgId":"7F00000100002A9F0000000000000000","queueId":"3","queueOffset":"42"},"flag":1,"#
            + #""language":"JAVA","opaque":7,"serializeTypeCurrentRPC":"JSON","version":393}"#
        var frame = SendHeaderReaderTests.jsonFrame(text)
        let command = try RemotingFrameDecoder.decodeFrame(&frame)
        let header = try #require(command.receivedSendResponseHeader)
        #expect(header.msgId == "7F00000100002A9F0000000000000000" && header.queueId == 3 && header.queueOffset == 42)
        #expect(header.regionId == "DefaultRegion" && header.traceOn == true && header.transactionId == nil)
        #expect(command.opaque == 7 && command.isResponse && command.version == 393)
        #expect(command.extFields.count == 5 && command.extFields["queueOffset"] == "42")
    }
}
