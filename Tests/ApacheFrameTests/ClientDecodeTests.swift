import Foundation
import MQProtocol
import Testing

/// Every answer Apache's servers gave in the capture, decoded with the types our client decodes it with;
/// every field we read must hold what Apache sent (our decoded value, written back as JSON, must agree with
/// Apache's JSON wherever we have a value).
@Suite struct ClientDecodeTests {
    typealias BodyReader = @Sendable (RemotingCommand) throws -> JSONValue
    typealias HeaderReader = @Sendable (RemotingCommand) throws -> [String: String]

    static func body<T: Codable & Sendable>(_ type: T.Type) -> BodyReader {
        { try FastJSONEncoder().encodeToValue($0.decodeBody(T.self)) }
    }

    static func header<H: CommandHeader>(_ type: H.Type) -> HeaderReader {
        {
            var fields: [String: String] = [:]
            try $0.decodeHeader(H.self).encode(into: &fields)
            return fields
        }
    }

    /// The body types our client decodes, by the request code they answer.
    static let bodies: [Int32: BodyReader] = [
        RequestCode.getRouteInfoByTopic.rawValue: body(TopicRouteData.self),
        RequestCode.getBrokerClusterInfo.rawValue: body(ClusterInfo.self),
        RequestCode.getBrokerRuntimeInfo.rawValue: body(KVTable.self),
        RequestCode.getAllTopicConfig.rawValue: body(TopicConfigSerializeWrapper.self),
        RequestCode.getAllSubscriptionGroupConfig.rawValue: body(SubscriptionGroupWrapper.self),
        RequestCode.getTopicStatsInfo.rawValue: body(TopicStatsTable.self),
        RequestCode.getConsumerConnectionList.rawValue: body(ConsumerConnection.self),
        RequestCode.getConsumerRunningInfo.rawValue: body(ConsumerRunningInfo.self),
        RequestCode.getProducerConnectionList.rawValue: body(ProducerConnection.self),
        RequestCode.getConsumeStats.rawValue: body(ConsumeStats.self),
        RequestCode.getBrokerConsumeStats.rawValue: body(ConsumeStatsList.self),
        RequestCode.getAllTopicListFromNameServer.rawValue: body(TopicList.self),
        RequestCode.getTopicsByCluster.rawValue: body(TopicList.self),
        RequestCode.getSystemTopicListFromBroker.rawValue: body(TopicList.self),
        RequestCode.queryTopicConsumeByWho.rawValue: body(GroupList.self),
        RequestCode.invokeBrokerToResetOffset.rawValue: body(ResetOffsetBody.self),
        RequestCode.getConsumerListByGroup.rawValue: body(ConsumerListBody.self),
        RequestCode.getTopicConfig.rawValue: body(TopicConfig.self),
        RequestCode.queryConsumeQueue.rawValue: body(QueryConsumeQueueResponseBody.self),
        RequestCode.viewBrokerStatsData.rawValue: body(BrokerStatsData.self),
        RequestCode.authGetUser.rawValue: body(UserInfo.self),
        RequestCode.authListUser.rawValue: body([UserInfo].self),
        RequestCode.authGetAcl.rawValue: body(AclInfo.self),
        RequestCode.authListAcl.rawValue: body([AclInfo].self),
    ]

    /// Configuration answers are properties text, which our client reads with JavaProperties.
    static let propertyCodes: Set<Int32> = [RequestCode.getBrokerConfig.rawValue, RequestCode.getNamesrvConfig.rawValue]

    /// The response headers our client decodes, by the request code they answer.
    static let headers: [Int32: HeaderReader] = [
        RequestCode.sendMessageV2.rawValue: header(SendMessageResponseHeader.self),
        RequestCode.pullMessage.rawValue: header(PullMessageResponseHeader.self),
        RequestCode.getMaxOffset.rawValue: header(OffsetResponseHeader.self),
        RequestCode.getMinOffset.rawValue: header(OffsetResponseHeader.self),
        RequestCode.queryConsumerOffset.rawValue: header(OffsetResponseHeader.self),
    ]

    @Test(arguments: Capture.versions)
    func ourTypesReadApachesAnswers(version: String) throws {
        let capture = try Capture.load(version)
        var decoded: [Int32: Int] = [:]
        for (request, response) in capture.exchanges where response.code == 0 {
            let answer = try response.decoded()
            let code = request.code
            if let read = Self.bodies[code], !answer.bodyBytes.isEmpty {
                let ours: JSONValue
                do {
                    ours = try read(answer)
                } catch {
                    Issue.record("\(version) seq \(response.seq) (\(request.exchange), code \(code)): \(error)")
                    continue
                }
                let apache = try JSONReader.parse(answer.bodyBytes)
                for problem in JSONAgreement.problems(ours: ours, apache: apache, path: "body") {
                    Issue.record("\(version) seq \(response.seq) (\(request.exchange), code \(code)): \(problem)")
                }
                decoded[code, default: 0] += 1
            }
            if Self.propertyCodes.contains(code) {
                // Apache writes raw `key=value` lines: each must read back as exactly that pair.
                let text = String(decoding: answer.bodyBytes, as: UTF8.self)
                let parsed = JavaProperties.parse(text)
                let lines = text.split(separator: "\n")
                #expect(parsed.count == lines.count, "\(version) seq \(response.seq): \(parsed.count) of \(lines.count)")
                for line in lines {
                    let key = String(line.prefix { $0 != "=" })
                    #expect(parsed[key] == String(line.dropFirst(key.count + 1)), "\(version) seq \(response.seq): \(key)")
                }
                decoded[code, default: 0] += 1
            }
            if let read = Self.headers[code] {
                let fields = try read(answer)
                for (key, value) in fields where answer.extFields[key] != value {
                    let sent = answer.extFields[key] ?? "nothing"
                    Issue.record("\(version) seq \(response.seq) code \(code): header \(key) is \(value), Apache sent \(sent)")
                }
                decoded[code, default: 0] += 1
            }
        }
        // Every reader met at least one answer of its kind in the capture (ACL codes only in 5.3.3).
        let expected = Set(Self.bodies.keys).union(Self.headers.keys).union(Self.propertyCodes).filter {
            version == "5.3.3" || $0 < RequestCode.authCreateUser.rawValue
        }
        let unseen = expected.subtracting(decoded.keys).filter { code in
            capture.exchanges.contains { $0.request.code == code && $0.response.code == 0 }
        }
        #expect(unseen.isEmpty, "readers with answers in the capture that decoded none: \(unseen.sorted())")
        #expect(decoded.values.reduce(0, +) > 100)
    }
}

/// Whether our decoded value, written back as JSON, agrees with the JSON Apache sent.
enum JSONAgreement {
    static func problems(ours: JSONValue, apache: JSONValue, path: String) -> [String] {
        switch (ours, apache) {
        case (.null, _):
            return []
        case (.object(let mine), .object(let theirs)):
            return mine.flatMap { member -> [String] in
                if case .null = member.value { return [] }
                let key = member.key.keyText ?? compact(member.key)
                // A field Apache did not send is one we default (4.9.8 lacks 5.x fields); the broker replay
                // checks the names we write against Apache's.
                guard let match = theirs.first(where: { keysAgree(member.key, $0.key) }) else {
                    // Map entries (object keys) are data, not optional fields: each must be Apache's.
                    if case .object = member.key { return ["\(path): no entry \(key) in Apache's map"] }
                    return []
                }
                return problems(ours: member.value, apache: match.value, path: path + "." + key)
            }
        case (.array(let mine), .array(let theirs)):
            guard mine.count == theirs.count else {
                return ["\(path): we read \(mine.count) elements, Apache sent \(theirs.count)"]
            }
            return zip(mine, theirs).enumerated().flatMap { i, pair in
                problems(ours: pair.0, apache: pair.1, path: "\(path)[\(i)]")
            }
        default:
            return scalarsAgree(ours, apache) ? [] : ["\(path): we read \(brief(ours)), Apache sent \(brief(apache))"]
        }
    }

    static func keysAgree(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if case .object = a { return problems(ours: a, apache: b, path: "").isEmpty && problems(ours: b, apache: a, path: "").isEmpty }
        return a.keyText != nil && a.keyText == b.keyText
    }

    static func scalarsAgree(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)):
            return x == y || Double(x) == Double(y)
        case (.number(let x), .string(let y)), (.string(let y), .number(let x)):
            // fastjson reads numbers from strings and back; what matters is the value.
            return Double(x) == Double(y)
        default:
            return a == b
        }
    }

    /// An object key (a MessageQueue) in one line.
    static func compact(_ value: JSONValue) -> String {
        guard case .object(let members) = value else { return brief(value) }
        return "{" + members.map { "\($0.key.keyText ?? "?")=\(brief($0.value))" }.joined(separator: ",") + "}"
    }

    static func brief(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): return "\"\(s.prefix(60))\""
        case .number(let n): return n
        case .bool(let b): return String(b)
        case .null: return "null"
        case .array(let a): return "[\(a.count) elements]"
        case .object(let o): return "{\(o.count) fields}"
        }
    }
}

/// The message records in Apache's PULL_MESSAGE, QUERY_MESSAGE and VIEW_MESSAGE_BY_ID answers, decoded (and
/// CRC-checked) by our decoder: every record decodes, and a message sent during the capture comes back with the
/// topic, keys, tags and body its send request carried.
@Suite struct MessageRecordCaptureTests {
    @Test(arguments: Capture.versions)
    func recordsDecodeAndMatchTheirSends(version: String) throws {
        let capture = try Capture.load(version)
        // What each captured send carried, by its KEYS property.
        var sent: [String: (topic: String, body: [UInt8], tags: String?)] = [:]
        for (request, response) in capture.exchanges
        where request.code == RequestCode.sendMessageV2.rawValue && response.code == 0 {
            let command = try request.decoded()
            let header = try SendMessageRequestHeader.decode(command)
            let properties = MessageProperties(decoding: header.properties ?? "")
            guard let key = properties[MessageConst.keys] else { continue }
            sent[key] = (header.topic, command.bodyBytes, properties[MessageConst.tags])
        }
        #expect(sent.count >= 5)

        var decoded = 0
        var matched = 0
        let codes: Set<Int32> = [11, 12, 33]
        for (request, response) in capture.exchanges where codes.contains(request.code) && response.code == 0 {
            let answer = try response.decoded()
            guard let body = answer.body, body.readableBytes > 0 else { continue }
            let messages = try MessageDecoder.decodeAll(body, verify: true)
            #expect(!messages.isEmpty, "\(version) seq \(response.seq): no record in a \(answer.bodyBytes.count)-byte body")
            decoded += messages.count
            for m in messages {
                guard let key = m.keys.first, let original = sent[key] else { continue }
                #expect(m.topic == original.topic, "\(key)")
                #expect(Array(m.body.readableBytesView) == original.body, "\(key)")
                #expect(m.properties[MessageConst.tags] == original.tags, "\(key)")
                matched += 1
            }
        }
        #expect(decoded > 20)
        #expect(matched > 5)
    }
}
