import Foundation
import MQBroker
import MQClient
import MQProtocol
import MQTestSupport
import NIOCore
import NIOPosix
import Testing

/// Malformed requests get an error response or a closed connection, and the broker keeps serving.
@Suite(.serialized) struct HostileInputTests {
    /// Sends raw bytes on a fresh connection and returns what came back: as soon as one whole frame has come back,
    /// or, with `untilClosed`, everything until the peer closed. A peer silent for 1 s ends the wait either way
    /// (`closed` is then false).
    func exchange(_ address: String, _ bytes: [UInt8], untilClosed: Bool = false) throws
        -> (reply: [UInt8], closed: Bool)
    {
        let parts = address.split(separator: ":")
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var sin = sockaddr_in()
        sin.sin_family = sa_family_t(AF_INET)
        sin.sin_port = in_port_t(UInt16(parts[1])!).bigEndian
        inet_pton(AF_INET, String(parts[0]), &sin.sin_addr)
        let rc = withUnsafePointer(to: &sin) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else { throw TestProcessError("connect failed") }
        var tv = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var reply: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buf.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                reply += buf[0..<n]
                if !untilClosed, reply.count >= 4 {
                    let length = reply.prefix(4).reduce(0) { $0 << 8 | Int($1) }
                    if reply.count >= 4 + length { return (reply, false) }
                }
                continue
            }
            return (reply, n == 0)
        }
    }

    func frame(_ cmd: RemotingCommand) throws -> [UInt8] {
        let b = try RemotingFrameEncoder.frame(cmd)
        return Array(b.readableBytesView)
    }

    func decodeReply(_ bytes: [UInt8]) throws -> RemotingCommand? {
        var buf = ByteBuffer(bytes: bytes)
        var decoder = RemotingFrameDecoder()
        return try decoder.decode(buffer: &buf)
    }

    @Test func badRequestsAreAnsweredOrDisconnectedAndServiceContinues() async throws {
        try await withCluster { cluster in
            let broker = cluster.brokers[0].brokerAddress!
            let client = cluster.client()
            let producer = Producer(group: "pg", client: client)
            _ = try await producer.send(Message(topic: "Survivor", body: "before"))

            // Unknown code → REQUEST_CODE_NOT_SUPPORTED.
            let unknown = try decodeReply(exchange(broker, frame(RemotingCommand(code: 9999, opaque: 5))).reply)
            #expect(unknown?.code == ResponseCode.requestCodeNotSupported.rawValue && unknown?.opaque == 5)
            // Missing required header field → error response naming it.
            let missing = try decodeReply(
                exchange(broker, frame(RemotingCommand(code: 14, opaque: 6, extFields: ["topic": "T"]))).reply)
            #expect(missing?.code == ResponseCode.systemError.rawValue)
            #expect(missing?.remark?.contains("consumerGroup") == true)
            // A number where a number belongs, but garbage: error response.
            let garbage = RemotingCommand(code: 30, opaque: 7, extFields: ["topic": "T", "queueId": "zero"])
            #expect(try decodeReply(exchange(broker, frame(garbage)).reply)?.code == ResponseCode.systemError.rawValue)
            // A heartbeat whose body is not JSON → error response.
            var hb = RemotingCommand(code: 34, opaque: 8)
            hb.body = ByteBuffer(string: "{not json")
            let hbReply = try decodeReply(exchange(broker, frame(hb)).reply)
            #expect(
                hbReply?.code == ResponseCode.systemError.rawValue && hbReply?.remark?.contains("malformed") == true)
            // A send with a lying batch body → MESSAGE_ILLEGAL, nothing stored.
            var h = SendMessageRequestHeader(producerGroup: "pg", topic: "Survivor", queueId: 0)
            h.batch = true
            var batch = RemotingCommand.request(
                .sendMessage, header: h, body: ByteBuffer(bytes: [0, 0, 0, 99, 0, 0, 0, 0, 1]))
            batch.opaque = 9
            #expect(try decodeReply(exchange(broker, frame(batch)).reply)?.code == ResponseCode.messageIllegal.rawValue)

            // Framing errors close the connection: a length that lies, a frame over 16 MiB, a header that is not JSON.
            let lies: [UInt8] = [0, 0, 0, 10, 0, 0, 0, 200, 1, 2, 3, 4, 5, 6]
            let tooBig: [UInt8] = [0x01, 0x00, 0x00, 0x01, 0, 0, 0, 0]
            let notJSON: [UInt8] = [0, 0, 0, 9, 0, 0, 0, 5] + Array("hello".utf8)
            for bytes in [lies, tooBig, notJSON, (0..<256).map { _ in UInt8.random(in: 0...255) }] {
                let r = try exchange(broker, bytes, untilClosed: true)
                #expect(r.closed, "the broker kept a connection that sent \(bytes.prefix(8))")
            }
            // Still serving well-behaved clients.
            let after = try await producer.send(Message(topic: "Survivor", body: "after"))
            #expect(after.status == .sendOK)
            await client.shutdown()
        }
    }

    @Test func nameServerAnswersUnknownTopicAndUnknownCode() async throws {
        try await withCluster { cluster in
            let ns = cluster.nameServerAddress
            let route = try decodeReply(
                exchange(ns, frame(RemotingCommand.request(.getRouteInfoByTopic, header: TopicHeader(topic: "nope"))))
                    .reply)
            #expect(route?.code == ResponseCode.topicNotExist.rawValue)
            #expect(route?.remark?.contains("nope") == true)
            let unknown = try decodeReply(exchange(ns, frame(RemotingCommand(code: 4242, opaque: 3))).reply)
            #expect(unknown?.code == ResponseCode.requestCodeNotSupported.rawValue)
        }
    }
}
