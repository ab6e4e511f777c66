import Foundation
import NIOCore
import NIOEmbedded
import NIOTestUtils
import Testing

@testable import MQProtocol

@Suite struct FrameCodecTests {
    func frame(_ cmd: RemotingCommand) throws -> ByteBuffer { try RemotingFrameEncoder.frame(cmd) }

    @Test func javaStyleJSONFrameLayout() throws {
        let cmd = RemotingCommand(code: 106, opaque: 1)
        var buf = try frame(cmd)
        let header = #"{"code":106,"flag":0,"language":"JAVA","opaque":1,"serializeTypeCurrentRPC":"JSON","version":479}"#
        #expect(header.utf8.count == 97)
        #expect(buf.readBytes(length: 8) == [0, 0, 0, 0x65, 0, 0, 0, 0x61])
        #expect(buf.readString(length: buf.readableBytes) == header)
    }

    @Test func binaryHeaderMatchesWireExample() throws {
        let cmd = RemotingCommand(
            code: 105, language: .java, version: 479, opaque: 1, extFields: ["topic": "T"],
            serializeType: SerializeType.rocketmq)
        let buf = try frame(cmd)
        let hex = buf.readableBytesView.map { String(format: "%02x", $0) }.joined()
        #expect(hex == "00000025010000210069" + "0001df" + "00000001" + "00000000" + "00000000" + "0000000c" + "0005746f706963" + "0000000154")
        var copy = buf
        var decoder = RemotingFrameDecoder()
        let decoded = try #require(try decoder.decodeAll(&copy).first)
        #expect(decoded.code == 105 && decoded.opaque == 1 && decoded.extFields == ["topic": "T"])
        #expect(decoded.serializeType == .rocketmq)
    }

    @Test func verifierAcceptsJSONAndBinaryFrames() throws {
        var body = ByteBuffer()
        body.writeString("hello body")
        let commands = [
            RemotingCommand(code: 10, opaque: 7, extFields: ["topic": "T", "queueId": "3"], body: body),
            RemotingCommand(code: 0, opaque: 8, flag: 1, remark: "ok"),
            RemotingCommand(code: 105, opaque: 9, extFields: ["topic": "T"], serializeType: .rocketmq),
            RemotingCommand(code: 11, opaque: 10, remark: "x", extFields: ["a": "b"], body: body, serializeType: .rocketmq),
        ]
        let pairs = try commands.map { (try frame($0), [Equatablecommand($0)]) }
        try ByteToMessageDecoderVerifier.verifyDecoder(
            inputOutputPairs: pairs.map { ($0.0, $0.1) },
            decoderFactory: { DecoderAdapter() })
    }

    @Test func cppClientGoldenFramesDecode() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Fixtures/cpp-client-frames.jsonl")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        #expect(lines.count > 500)
        struct Captured: Decodable {
            var code: Int32
            var dir: String
            var frameLen: Int
            var header: String
            var body_hex: String
        }
        var requests = 0
        for line in lines {
            let cap = try JSONDecoder().decode(Captured.self, from: Data(line.utf8))
            let body = hexBytes(cap.body_hex)
            var buf = ByteBuffer()
            buf.writeInteger(Int32(4 + cap.header.utf8.count + body.count))
            buf.writeInteger(Int32(cap.header.utf8.count))
            buf.writeString(cap.header)
            buf.writeBytes(body)
            #expect(buf.getInteger(at: 0, as: Int32.self) == Int32(cap.frameLen))
            var decoder = RemotingFrameDecoder()
            let cmd = try #require(try decoder.decode(buffer: &buf))
            #expect(cmd.code == cap.code)
            #expect((cmd.body?.readableBytes ?? 0) == body.count)
            if cap.dir == "c2s" {
                requests += 1
                #expect(cmd.language == .cpp)
                #expect(cmd.version == 63)
                #expect(cmd.extFields["OnsChannel"] != nil)
                // Numbers in extFields are turned into strings.
                if cmd.code == 11 {
                    let pull = try cmd.decodeHeader(PullMessageRequestHeader.self)
                    #expect(pull.maxMsgNums == 32)
                    #expect(pull.sysFlag == 6 || pull.sysFlag == 7)
                }
                if cmd.code == 10 {
                    let send = try SendMessageRequestHeader.decode(cmd)
                    #expect(send.defaultTopic == "TBW102" && send.defaultTopicQueueNums == 4)
                    #expect(send.batch == (cmd.extFields["batch"] == "1"))
                }
            }
        }
        #expect(requests > 250)
    }

    static let malformed: [(String, [UInt8])] = [
        ("length that lies about the header", [0, 0, 0, 8, 0, 0, 0, 100, 1, 2, 3, 4]),
        ("negative length", [0xFF, 0xFF, 0xFF, 0xF0, 0, 0, 0, 0]),
        ("header that is not JSON", [0, 0, 0, 9, 0, 0, 0, 5, 104, 101, 108, 108, 111]),
        ("unknown serialize type", [0, 0, 0, 6, 7, 0, 0, 2, 123, 125]),
        ("JSON without code", [0, 0, 0, 6, 0, 0, 0, 2, 123, 125]),
        ("binary header cut short", [0, 0, 0, 8, 1, 0, 0, 4, 0, 1, 2, 3]),
    ]

    @Test(arguments: malformed)
    func malformedFramesThrow(_ name: String, _ bytes: [UInt8]) {
        var buf = ByteBuffer(bytes: bytes)
        var decoder = RemotingFrameDecoder()
        #expect(throws: ProtocolError.self, "\(name)") { _ = try decoder.decode(buffer: &buf) }
    }

    @Test func frameOverLimitIsRejectedBeforeBuffering() {
        var buf = ByteBuffer()
        buf.writeInteger(Int32(FrameLimits.maxFrameLength + 1))
        var decoder = RemotingFrameDecoder()
        #expect(throws: ProtocolError.frameTooLarge(size: FrameLimits.maxFrameLength + 1, limit: FrameLimits.maxFrameLength)) {
            _ = try decoder.decode(buffer: &buf)
        }
    }

    @Test func embeddedChannelClosesOnGarbage() throws {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(RemotingFrameDecoder()))
        #expect(throws: (any Error).self) { try channel.writeInbound(ByteBuffer(bytes: [0, 0, 0, 9, 0, 0, 0, 5, 1, 2, 3, 4, 5])) }
        _ = try? channel.finish()
    }

    @Test func encoderRoundTripThroughEmbeddedChannel() throws {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(RemotingFrameEncoder()))
        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(RemotingFrameDecoder()))
        let cmd = RemotingCommand(code: 34, opaque: 42, extFields: ["k": "v\"x"])
        try channel.writeOutbound(cmd)
        var out = try #require(try channel.readOutbound(as: ByteBuffer.self))
        var decoder = RemotingFrameDecoder()
        let decoded = try #require(try decoder.decodeAll(&out).first)
        #expect(decoded.extFields == ["k": "v\"x"] && decoded.opaque == 42 && decoded.code == 34)
        #expect(try channel.finish().isClean)
    }

    @Test func typedHeadersRoundTrip() throws {
        var h = SendMessageRequestHeader(producerGroup: "pg", topic: "T", queueId: 3, properties: "KEYS\u{1}k\u{2}")
        h.batch = true
        h.bornTimestamp = 1_700_000_000_000
        let v2 = RemotingCommand.request(.sendMessageV2, header: SendMessageRequestHeaderV2(h))
        #expect(v2.extFields["e"] == "3" && v2.extFields["m"] == "true")
        #expect(try SendMessageRequestHeader.decode(v2) == h)
        let v1 = RemotingCommand.request(.sendMessage, header: h)
        #expect(try SendMessageRequestHeader.decode(v1) == h)
        let pull = PullMessageRequestHeader(consumerGroup: "g", topic: "T", queueId: 1, queueOffset: 5, subscription: "*")
        #expect(try RemotingCommand.request(.pullMessage, header: pull).decodeHeader(PullMessageRequestHeader.self) == pull)
        let missing = RemotingCommand(code: 14, extFields: ["topic": "T"])
        #expect(throws: ProtocolError.missingField("consumerGroup")) {
            _ = try missing.decodeHeader(QueryConsumerOffsetRequestHeader.self)
        }
        let bad = RemotingCommand(code: 14, extFields: ["topic": "T", "consumerGroup": "g", "queueId": "x"])
        #expect(throws: ProtocolError.self) { _ = try bad.decodeHeader(QueryConsumerOffsetRequestHeader.self) }
    }
}

/// Wraps the single-step decoder so the verifier can compare outputs.
struct DecoderAdapter: ByteToMessageDecoder {
    typealias InboundOut = Equatablecommand
    var inner = RemotingFrameDecoder()
    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let cmd = try inner.decode(buffer: &buffer) else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(Equatablecommand(cmd)))
        return .continue
    }
    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
        -> DecodingState
    {
        try decode(context: context, buffer: &buffer)
    }
}

struct Equatablecommand: Equatable {
    var code: Int32, opaque: Int32, flag: Int32, remark: String?, ext: [String: String], body: [UInt8]
    var type: SerializeType
    init(_ c: RemotingCommand) {
        code = c.code
        opaque = c.opaque
        flag = c.flag
        remark = c.remark
        ext = c.extFields
        body = c.bodyBytes
        type = c.serializeType
    }
}

extension RemotingFrameDecoder {
    mutating func decodeAll(_ buffer: inout ByteBuffer) throws -> [RemotingCommand] {
        var out: [RemotingCommand] = []
        while let c = try decode(buffer: &buffer) { out.append(c) }
        return out
    }
}

func hexBytes(_ hex: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(hex.count / 2)
    var it = hex.utf8.makeIterator()
    func nib(_ c: UInt8) -> UInt8 { c >= 97 ? c - 87 : (c >= 65 ? c - 55 : c - 48) }
    while let a = it.next(), let b = it.next() { out.append(nib(a) << 4 | nib(b)) }
    return out
}
