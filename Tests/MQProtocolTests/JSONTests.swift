import Testing

@testable import MQProtocol

@Suite struct JSONReaderTests {
    @Test func parsesStandardJSON() throws {
        let v = try JSONReader.parse(#"{"a":1,"b":[true,false,null],"c":"x\"y\n\u00e9","d":-1.5e3}"#)
        #expect(v["a"] == .number("1"))
        #expect(v["b"] == .array([.bool(true), .bool(false), .null]))
        #expect(v["c"] == .string("x\"y\né"))
        #expect(v["d"] == .number("-1.5e3"))
    }

    @Test func parsesFastjsonNumberKeys() throws {
        let text = #"{"brokerAddrTable":{"broker-a":{"brokerAddrs":{0:"192.168.0.10:10911"},"brokerName":"broker-a","cluster":"DefaultCluster","enableActingMaster":false}},"clusterAddrTable":{"DefaultCluster":["broker-a"]}}"#
        let info = try FastJSONDecoder().decode(ClusterInfo.self, from: Array(text.utf8))
        #expect(info.brokerAddrTable["broker-a"]?.brokerAddrs == [0: "192.168.0.10:10911"])
        #expect(info.clusterAddrTable == ["DefaultCluster": ["broker-a"]])
        // And back, byte for byte, in fastjson's form.
        let encoded = String(decoding: try FastJSONEncoder().encode(info), as: UTF8.self)
        #expect(encoded == text)
    }

    @Test func parsesObjectKeys() throws {
        let text = #"{"offsetTable":{{"brokerName":"broker-a","queueId":0,"topic":"TopicTest"}:{"lastUpdateTimestamp":1700000000123,"maxOffset":25,"minOffset":0},{"brokerName":"broker-a","queueId":1,"topic":"TopicTest"}:{"lastUpdateTimestamp":0,"maxOffset":0,"minOffset":0}},"topicPutTps":0.0}"#
        let v = try JSONReader.parse(text)
        let table = try #require(v["offsetTable"]?.objectValue)
        #expect(table.count == 2)
        let mq = try FastJSONDecoder().decode(MessageQueue.self, from: table[1].key)
        #expect(mq == MessageQueue(topic: "TopicTest", brokerName: "broker-a", queueId: 1))
        #expect(table[0].value["maxOffset"]?.int64Value == 25)
        #expect(JSONWriter.string(v) == text)
    }

    @Test func routeDataInBothForms() throws {
        let legacy = #"{"brokerDatas":[{"brokerAddrs":{0:"192.168.0.10:10911"},"brokerName":"broker-a","cluster":"DefaultCluster","enableActingMaster":false}],"filterServerTable":{},"queueDatas":[{"brokerName":"broker-a","perm":6,"readQueueNums":4,"topicSysFlag":0,"writeQueueNums":4}]}"#
        let standard = legacy.replacingOccurrences(of: "{0:", with: #"{"0":"#)
        let a = try FastJSONDecoder().decode(TopicRouteData.self, from: Array(legacy.utf8))
        let b = try FastJSONDecoder().decode(TopicRouteData.self, from: Array(standard.utf8))
        #expect(a == b)
        #expect(a.brokerDatas[0].masterAddress == "192.168.0.10:10911")
        #expect(a.queueDatas[0].writeQueueNums == 4)
        #expect(String(decoding: try FastJSONEncoder().encode(a), as: UTF8.self) == legacy)
        #expect(String(decoding: try FastJSONEncoder(style: .standard).encode(a), as: UTF8.self) == standard)
    }

    @Test func consumerOffsetsWithIntegerKeys() throws {
        let text = #"{"dataVersion":{"counter":3,"stateVersion":0,"timestamp":1700000000000},"groupTopicMap":{"group1":["TopicTest"]},"offsetTable":{"TopicTest@group1":{0:20,1:18,2:19,3:21},"%RETRY%group1@group1":{0:0}}}"#
        let w = try FastJSONDecoder().decode(ConsumerOffsetSerializeWrapper.self, from: Array(text.utf8))
        #expect(w.offsetTable["TopicTest@group1"] == [0: 20, 1: 18, 2: 19, 3: 21])
        #expect(w.offsetTable["%RETRY%group1@group1"] == [0: 0])
        #expect(w.dataVersion.counter == 3)
    }

    @Test func javaHeartbeat() throws {
        let text = #"{"clientID":"192.168.0.5@12345#2938475","consumerDataSet":[{"consumeFromWhere":"CONSUME_FROM_LAST_OFFSET","consumeType":"CONSUME_PASSIVELY","groupName":"group1","messageModel":"CLUSTERING","subscriptionDataSet":[{"classFilterMode":false,"codeSet":[2598919],"expressionType":"TAG","subString":"TagA","subVersion":1700000000000,"tagsSet":["TagA"],"topic":"TopicTest"},{"classFilterMode":false,"codeSet":[],"expressionType":"TAG","subString":"*","subVersion":1700000000001,"tagsSet":[],"topic":"%RETRY%group1"}],"unitMode":false}],"heartbeatFingerprint":0,"producerDataSet":[{"groupName":"CLIENT_INNER_PRODUCER"}],"withoutSub":false}"#
        let hb = try FastJSONDecoder().decode(HeartbeatData.self, from: Array(text.utf8))
        #expect(hb.consumerDataSet[0].messageModel == .clustering)
        #expect(hb.consumerDataSet[0].subscriptionDataSet[0].codeSet == [2_598_919])
        #expect(hb.producerDataSet[0].groupName == "CLIENT_INNER_PRODUCER")
        #expect(String(decoding: try FastJSONEncoder().encode(hb), as: UTF8.self) == text)
    }

    @Test func cppHeartbeatWithOrdinalsAndStringNumbers() throws {
        let text = #"{"clientID":"27125-127.0.0.1@DEFAULT","consumerDataSet":[{"consumeFromWhere":0,"consumeType":1,"groupName":"CG_CLUSTER","messageModel":1,"subscriptionDataSet":[{"subString":"*","subVersion":"1795597848473","topic":"%RETRY%CG_CLUSTER"},{"codeSet":[0,0],"subString":"TagA || TagB","subVersion":"1795597848473","tagsSet":["TagA","TagB"],"topic":"TopicTest"}]}]}"#
            + "\n"
        let hb = try FastJSONDecoder().decode(HeartbeatData.self, from: Array(text.utf8))
        let c = try #require(hb.consumerDataSet.first)
        #expect(c.consumeType == .consumePassively)
        #expect(c.messageModel == .clustering)
        #expect(c.consumeFromWhere == .lastOffset)
        #expect(c.subscriptionDataSet[0].subVersion == 1_795_597_848_473)
        #expect(c.subscriptionDataSet[1].tagsSet == ["TagA", "TagB"])
        #expect(hb.producerDataSet.isEmpty)
    }

    @Test func lenientExtras() throws {
        #expect(try JSONReader.parse("{a:1,'b':'x'}") == .object([JSONMember("a", .number("1")), JSONMember("b", .string("x"))]))
        #expect(try JSONReader.parse("[1]\n") == .array([.number("1")]))
        #expect(try JSONReader.parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test(arguments: [
        "", "{", "{\"a\"", "{\"a\":}", "[1,", "\"abc", "tru", "{\"a\":1}x", "-", "{\"a\" 1}", "[1 2]",
        String(repeating: "[", count: 10_000),
    ])
    func rejectsMalformed(_ text: String) {
        #expect(throws: JSONError.self) { _ = try JSONReader.parse(text) }
    }

    /// Every standard integer width decodes (the decoder picks them by type identity, not a protocol cast), in
    /// range or as a type mismatch; a wrapper whose decoding is its own still goes through `init(from:)`.
    @Test func integerWidthsByIdentity() throws {
        struct Widths: Decodable, Equatable {
            var i: Int, i64: Int64, i32: Int32, i16: Int16, i8: Int8
            var u: UInt, u64: UInt64, u32: UInt32, u16: UInt16, u8: UInt8
        }
        let text = #"{"i":-1,"i64":-9000000000,"i32":"-70000","i16":-300,"i8":-128,"#
            + #""u":1,"u64":9000000000,"u32":70000,"u16":65535,"u8":255}"#
        let w = try FastJSONDecoder().decode(Widths.self, from: Array(text.utf8))
        #expect(w == Widths(i: -1, i64: -9_000_000_000, i32: -70_000, i16: -300, i8: -128,
                            u: 1, u64: 9_000_000_000, u32: 70_000, u16: 65_535, u8: 255))
        struct Small: Decodable { var v: UInt8 }
        for bad in [#"{"v":256}"#, #"{"v":-1}"#] {
            #expect(throws: DecodingError.self) { _ = try FastJSONDecoder().decode(Small.self, from: Array(bad.utf8)) }
        }
        struct Tagged: Decodable, Equatable {
            var n: Int
            init(n: Int) { self.n = n }
            init(from decoder: any Decoder) throws { n = try decoder.singleValueContainer().decode(Int.self) * 10 }
        }
        struct Holder: Decodable { var t: Tagged }
        #expect(try FastJSONDecoder().decode(Holder.self, from: Array(#"{"t":4}"#.utf8)).t == Tagged(n: 40))
    }

    /// Optional fields read with one lookup (the container's own `decodeIfPresent` forms): absent and null are nil,
    /// strings are read as numbers, the first of two equal keys wins, in small objects (searched) and large ones
    /// (indexed); a value out of range fails with the field's path, as a required field does.
    @Test func optionalFieldsInSmallAndLargeObjects() throws {
        struct Fields: Decodable, Equatable {
            var a: Int32?, b: Int64?, c: UInt8?, d: String?, e: Bool?, f: Double?, g: [String: String]?
        }
        let small = #"{"a":"12","b":null,"c":7,"d":"x","d":"second","e":"TRUE","f":1.5,"g":{"k":"v"}}"#
        #expect(
            try FastJSONDecoder().decode(Fields.self, from: Array(small.utf8))
                == Fields(a: 12, b: nil, c: 7, d: "x", e: true, f: 1.5, g: ["k": "v"]))
        let padding = (0..<40).map { #""pad\#($0)":\#($0)"# }.joined(separator: ",")
        let large = "{" + padding + #","a":3,"a":4,"e":false,"d":"y"}"#
        #expect(
            try FastJSONDecoder().decode(Fields.self, from: Array(large.utf8))
                == Fields(a: 3, b: nil, c: nil, d: "y", e: false, f: nil, g: nil))
        for text in [#"{"c":300}"#, "{" + padding + #","c":300}"#] {
            do {
                _ = try FastJSONDecoder().decode(Fields.self, from: Array(text.utf8))
                Issue.record("300 read as UInt8")
            } catch DecodingError.typeMismatch(let type, let context) {
                #expect(type == UInt8.self && context.codingPath.map(\.stringValue) == ["c"])
                #expect(context.debugDescription == "cannot read UInt8 from a number")
            }
        }
        // Array elements keep their position in the path of an error.
        do {
            _ = try FastJSONDecoder().decode([UInt8].self, from: Array("[1,2,300]".utf8))
            Issue.record("300 read as UInt8")
        } catch DecodingError.typeMismatch(_, let context) {
            #expect(context.codingPath.map(\.stringValue) == ["2"])
        }
    }

    /// Large maps (a broker's topic table) encode with every key once and read back the same; a key
    /// encoded twice keeps its last value, in small objects (searched) and large ones (indexed).
    @Test func largeMapsAndRepeatedKeysEncode() throws {
        let table = Dictionary(uniqueKeysWithValues: (0..<3_000).map { ("topic-\($0)", Int32($0)) })
        let bytes = try FastJSONEncoder().encode(table)
        #expect(try FastJSONDecoder().decode([String: Int32].self, from: bytes) == table)
        struct Twice: Encodable {
            var width: Int
            struct Key: CodingKey {
                var stringValue: String
                var intValue: Int? { nil }
                init(stringValue: String) { self.stringValue = stringValue }
                init?(intValue: Int) { nil }
            }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: Key.self)
                for i in 0..<width { try c.encode(i, forKey: Key(stringValue: "k\(i)")) }
                try c.encode("last", forKey: Key(stringValue: "k0"))
            }
        }
        for width in [3, 40] {
            let bytes = try FastJSONEncoder().encode(Twice(width: width))
            let value = try FastJSONDecoder().decode([String: String].self, from: bytes)
            #expect(value.count == width && value["k0"] == "last" && value["k1"] == "1", "\(width)")
        }
    }

    /// `[String: String]` is read without the standard library's keyed container, with its rules: members in
    /// order, the first of a repeated key wins (a later bad value of that key is never read), numbers and booleans
    /// as their text, keys that are numbers by their text; a null or nested value, or an object that is not one,
    /// is a type mismatch. Nested as a model's optional field, absent and null are nil.
    @Test func stringMapsDecodeAsTheStandardLibraryDoes() throws {
        struct Holder: Decodable { var attributes: [String: String]? }
        let decoder = FastJSONDecoder()
        let text = #"{"a":"x","b":1,"c":true,"a":"later",7:"seven","d":"","c":null}"#
        #expect(try decoder.decode([String: String].self, from: Array(text.utf8))
            == ["a": "x", "b": "1", "c": "true", "7": "seven", "d": ""])
        #expect(try decoder.decode([String: String].self, from: Array("{}".utf8)) == [:])
        for bad in [#"{"a":null}"#, #"{"a":{"b":"c"}}"#, #"{"a":["x"]}"#, #"["a"]"#, #""a""#] {
            #expect(throws: DecodingError.self, "\(bad)") {
                try decoder.decode([String: String].self, from: Array(bad.utf8))
            }
        }
        let held = try decoder.decode(Holder.self, from: Array(#"{"attributes":{"k":"v"}}"#.utf8))
        #expect(held.attributes == ["k": "v"])
        #expect(try decoder.decode(Holder.self, from: Array(#"{"attributes":null}"#.utf8)).attributes == nil)
        #expect(try decoder.decode(Holder.self, from: Array("{}".utf8)).attributes == nil)
        // A large map (more members than a search) keeps the same rules.
        let many = (0..<100).map { #""k\#($0)":"\#($0)""# }.joined(separator: ",")
        let large = try decoder.decode([String: String].self, from: Array(("{" + many + #","k5":"again"}"#).utf8))
        #expect(large.count == 100 && large["k5"] == "5" && large["k99"] == "99")
    }

    @Test func standardStyleEscapesNonASCIIAndQuotesKeys() {
        let v = JSONValue.object([JSONMember(key: .number("0"), value: .string("é"))])
        #expect(JSONWriter.string(v, style: .standard) == #"{"0":"\u00e9"}"#)
        #expect(JSONWriter.string(v, style: .fastjson) == #"{0:"é"}"#)
    }

    @Test func subscriptionGroupDefaults() throws {
        let g = try FastJSONDecoder().decode(SubscriptionGroupConfig.self, from: Array(#"{"groupName":"g1"}"#.utf8))
        #expect(g.retryMaxTimes == 16 && g.retryQueueNums == 1 && g.consumeEnable)
        let text = String(decoding: try FastJSONEncoder().encode(g), as: UTF8.self)
        #expect(text == #"{"attributes":{},"brokerId":0,"consumeBroadcastEnable":true,"consumeEnable":true,"consumeFromMinEnable":true,"consumeMessageOrderly":false,"consumeTimeoutMinute":15,"groupName":"g1","groupRetryPolicy":{"type":"CUSTOMIZED"},"groupSysFlag":0,"notifyConsumerIdsChangedEnable":true,"retryMaxTimes":16,"retryQueueNums":1,"whichBrokerWhenConsumeSlowly":1}"#)
    }
}

/// The connection lists' mqadmin extensions (design pop-grpc.md §4.9): `protocol` and `clientVersion` on the wire,
/// absent from Apache's bodies, which still decode.
@Suite struct ConnectionExtensionTests {
    @Test func grpcConnectionCarriesProtocolAndRawVersion() throws {
        let connection = Connection(
            clientId: "host@1@0@grpc", clientAddr: "127.0.0.1:50000", language: "PYTHON", version: 437,
            clientProtocol: "GRPC_V2", clientVersion: "5.1.2")
        let body = try FastJSONEncoder().encode(ProducerConnection(connectionSet: [connection]))
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.contains(#""protocol":"GRPC_V2""#) && text.contains(#""clientVersion":"5.1.2""#), "\(text)")
        #expect(!text.contains("clientProtocol"))
        let back = try FastJSONDecoder().decode(ProducerConnection.self, from: Array(text.utf8))
        #expect(back.connectionSet == [connection])
    }

    @Test func apacheBodiesWithoutTheExtensionsDecode() throws {
        let connections =
            #"{"connectionSet":[{"clientAddr":"127.0.0.1:54098","clientId":"c1","language":"JAVA","version":475}]}"#
        let decoded = try FastJSONDecoder().decode(ProducerConnection.self, from: Array(connections.utf8))
        #expect(decoded.connectionSet.first?.clientProtocol == nil && decoded.connectionSet.first?.clientVersion == nil)
        let producers =
            #"{"data":{"pg":[{"clientId":"c1","remoteIP":"/127.0.0.1:1","language":"JAVA","version":475,"#
            + #""lastUpdateTimestamp":1}]}}"#
        let table = try FastJSONDecoder().decode(ProducerTableInfo.self, from: Array(producers.utf8))
        #expect(table.data["pg"]?.first?.clientProtocol == nil)
        let info = ProducerInfo(
            clientId: "c1", remoteIP: "/127.0.0.1:1", language: "PYTHON", version: 437, lastUpdateTimestamp: 1,
            clientProtocol: "GRPC_V2", clientVersion: "5.1.2")
        let text = String(decoding: try FastJSONEncoder().encode(info), as: UTF8.self)
        #expect(text.contains(#""protocol":"GRPC_V2""#) && text.contains(#""clientVersion":"5.1.2""#), "\(text)")
    }

    @Test func decimalsAreWrittenAsStringSpellsThem() {
        var g = DirectHeaderTests.SplitMix(state: 42)
        let edges: [Int64] = [0, 1, -1, 9, 10, -10, 99, 100, Int64(Int32.max), Int64(Int32.min), .max, .min, .max - 1]
        let random = (0..<500).map { _ in
            Int64.random(in: .min ... .max, using: &g) >> Int.random(in: 0..<63, using: &g)
        }
        for value in edges + random {
            var out: [UInt8] = [UInt8(ascii: "x")]
            JSONWriter.writeDecimal(value, into: &out)
            #expect(String(decoding: out, as: UTF8.self) == "x" + String(value))
        }
    }
}
