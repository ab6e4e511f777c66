import NIOCore
import Testing

@testable import MQProtocol

/// The send path's headers are written straight into the frame (``DirectHeader``); the bytes must be exactly
/// what the generic `[String: String]` path writes for the same fields, in both header formats.
@Suite struct DirectHeaderTests {
    /// A small deterministic generator so a failure names a reproducible case.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let texts = [
        "", "T", "group-1", "%RETRY%g", "a\"quote", "back\\slash", "new\nline", "tab\t", "del\u{7F}", "ctl\u{01}",
        "ünïcødé 字", "KEYS\u{01}k1 k2\u{02}UNIQ_KEY\u{01}AB12\u{02}", String(repeating: "x", count: 300),
    ]

    func text(_ g: inout SplitMix) -> String { Self.texts.randomElement(using: &g)! }
    func maybe<T>(_ g: inout SplitMix, _ value: T) -> T? { Bool.random(using: &g) ? value : nil }
    func int32(_ g: inout SplitMix) -> Int32 { [0, 1, -1, 7, Int32.max, Int32.min].randomElement(using: &g)! }
    func int64(_ g: inout SplitMix) -> Int64 { [0, -1, 1_733_000_000_123, Int64.max, Int64.min].randomElement(using: &g)! }

    func request(_ g: inout SplitMix) -> SendMessageRequestHeader {
        var h = SendMessageRequestHeader(producerGroup: text(&g), topic: text(&g), queueId: int32(&g))
        h.defaultTopic = text(&g)
        h.defaultTopicQueueNums = int32(&g)
        h.sysFlag = int32(&g)
        h.bornTimestamp = int64(&g)
        h.flag = int32(&g)
        h.properties = maybe(&g, text(&g))
        h.reconsumeTimes = maybe(&g, int32(&g))
        h.unitMode = maybe(&g, Bool.random(using: &g))
        h.batch = maybe(&g, Bool.random(using: &g))
        h.maxReconsumeTimes = maybe(&g, int32(&g))
        h.brokerName = maybe(&g, text(&g))
        return h
    }

    func response(_ g: inout SplitMix) -> SendMessageResponseHeader {
        var h = SendMessageResponseHeader(
            msgId: text(&g), queueId: int32(&g), queueOffset: int64(&g), transactionId: maybe(&g, text(&g)))
        h.regionId = maybe(&g, text(&g))
        h.traceOn = maybe(&g, Bool.random(using: &g))
        h.recallHandle = maybe(&g, text(&g))
        return h
    }

    /// The frame of `direct` and of the same command with its fields as a map, in `type`.
    func frames(_ direct: RemotingCommand, _ type: SerializeType) throws -> (ByteBuffer, ByteBuffer) {
        var fast = direct
        fast.serializeType = type
        var generic = fast
        generic.extFields = fast.extFields  // materialises the map and drops the direct header
        #expect(fast.directHeader != nil && generic.directHeader == nil)
        return (try RemotingFrameEncoder.frame(fast), try RemotingFrameEncoder.frame(generic))
    }

    @Test func sendHeadersWriteTheGenericPathsBytes() throws {
        var g = SplitMix(state: 20_261_204)
        for round in 0..<400 {
            let h = request(&g)
            let commands: [RemotingCommand] = [
                .request(.sendMessage, header: h),
                .request(.sendMessageV2, header: SendMessageRequestHeaderV2(h)),
                .request(.sendBatchMessage, header: SendMessageRequestHeaderV2(h), oneway: true),
                RemotingCommand(code: 10, opaque: Int32(round)).response(remark: maybe(&g, text(&g)), header: response(&g)),
            ]
            for command in commands {
                for type in [SerializeType.json, .rocketmq] {
                    let (fast, generic) = try frames(command, type)
                    #expect(fast == generic, "round \(round), \(command), \(type)")
                }
            }
        }
    }

    @Test func decodedFieldsMatchTheTypedHeader() throws {
        var g = SplitMix(state: 7)
        for _ in 0..<200 {
            let h = request(&g)
            for type in [SerializeType.json, .rocketmq] {
                var command = RemotingCommand.request(.sendMessageV2, header: SendMessageRequestHeaderV2(h))
                command.serializeType = type
                var frame = try RemotingFrameEncoder.frame(command)
                frame.moveReaderIndex(forwardBy: 4)
                let decoded = try RemotingFrameDecoder.decodeFrame(&frame)
                var expected = h
                if type == .rocketmq {
                    // The binary format drops empty values on read, as Java's decoder does.
                    if expected.properties == "" { expected.properties = nil }
                    if expected.brokerName == "" { expected.brokerName = nil }
                }
                if type == .rocketmq && (h.producerGroup.isEmpty || h.topic.isEmpty) {
                    #expect(throws: ProtocolError.self) { try SendMessageRequestHeader.decode(decoded) }
                    continue
                }
                if h.defaultTopic.isEmpty && type == .rocketmq { expected.defaultTopic = "TBW102" }
                #expect(try SendMessageRequestHeader.decode(decoded) == expected)
            }
        }
    }

    @Test func changingTheFieldsDropsTheDirectHeader() throws {
        var command = RemotingCommand.request(
            .sendMessageV2, header: SendMessageRequestHeaderV2(.init(producerGroup: "G", topic: "T", queueId: 1)))
        #expect(command.directHeader != nil)
        command.extFields["AccessKey"] = "ak"  // what a request signer does
        #expect(command.directHeader == nil)
        #expect(command.extFields["a"] == "G" && command.extFields["e"] == "1" && command.extFields["AccessKey"] == "ak")
        var frame = try RemotingFrameEncoder.frame(command)
        frame.moveReaderIndex(forwardBy: 4)
        #expect(try RemotingFrameDecoder.decodeFrame(&frame).extFields == command.extFields)
    }

    @Test func fieldByteBoundCoversTheMap() {
        var g = SplitMix(state: 11)
        for _ in 0..<100 {
            let command = RemotingCommand.request(.sendMessage, header: request(&g))
            var generic = command
            generic.extFields = command.extFields
            #expect(command.headerFieldBytes >= generic.headerFieldBytes)
        }
    }
}
