import Foundation
import MQProtocol
import NIOCore

/// The protocol work of one single-message send round trip, without I/O: the client encodes the request,
/// the broker decodes it (frame, header, typed header, properties) and encodes the response, the client
/// decodes that. Run under callgrind it gives repeatable instruction counts on a noisy machine.
enum CodecBench {
    static func roundTrip(binary: Bool = false) throws {
        var properties = MessageProperties()
        properties[MessageConst.keys] = "order-12345"
        properties[MessageConst.uniqueKey] = UniqueKeyGenerator.shared.next()
        properties[MessageConst.waitStoreMsgOK] = "true"
        var h = SendMessageRequestHeader(
            producerGroup: "bench-pg", topic: "ingest", queueId: 3, properties: properties.encoded())
        h.bornTimestamp = 1_764_000_000_000
        h.batch = false
        h.brokerName = "broker-a"
        var request = RemotingCommand.request(
            .sendMessageV2, header: SendMessageRequestHeaderV2(h), body: IngestBench.body)
        if binary { request.serializeType = .rocketmq }
        var wire = try RemotingFrameEncoder.frame(request)
        var decoder = RemotingFrameDecoder()
        guard let received = try decoder.decode(buffer: &wire) else { throw BenchError("no request frame") }
        let header = try SendMessageRequestHeader.decode(received)
        let parsed = MessageProperties(decoding: header.properties ?? "")
        guard parsed.keys.first == "order-12345" else { throw BenchError("properties lost") }
        let response = received.response(
            header: SendMessageResponseHeader(msgId: "7F00000100002A9F0000000000001000", queueId: 3, queueOffset: 42))
        var back = try RemotingFrameEncoder.frame(response)
        guard let answer = try decoder.decode(buffer: &back) else { throw BenchError("no response frame") }
        let rh = try answer.decodeHeader(SendMessageResponseHeader.self)
        guard rh.queueOffset == 42 else { throw BenchError("response header lost") }
    }

    /// Nanoseconds per round trip over `rounds` rounds.
    static func measure(rounds: Int, binary: Bool = false) throws -> Double {
        for _ in 0..<1000 { try roundTrip(binary: binary) }
        let start = ContinuousClock.now
        for _ in 0..<rounds { try roundTrip(binary: binary) }
        return seconds(since: start) * 1e9 / Double(rounds)
    }
}
