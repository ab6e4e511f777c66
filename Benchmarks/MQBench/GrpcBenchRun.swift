import Foundation
import Logging
import MQClient
import MQGrpc
import MQProtocol
import MQRemoting
import NIOCore
import NIOPosix

/// `mqbench --only grpc`: SendMessage beside SEND_MESSAGE at the same concurrency and size, then ReceiveMessage +
/// AckMessage beside POP_MESSAGE + ACK_MESSAGE and the pull consumer, each draining its own preloaded topic of the
/// same shape (8 queues), on one in-process broker.
extension GrpcBench {
    static let topicQueues: Int32 = 8
    static let consumerGroup = "bench-grpc-g"

    static func run(data: String, quick: Bool, rttUs: Double, drainCount: Int) async throws -> [Figure] {
        let broker = GrpcBenchBroker(data: data)
        try await broker.start()
        let client = BenchBroker.client(nameServer: broker.nameServer)
        let raw = RemotingClient(group: MultiThreadedEventLoopGroup.singleton, logger: Logger(label: "mqbench.pop"))
        do {
            let figures = try await measure(broker, client, raw, quick: quick, rttUs: rttUs, drainCount: drainCount)
            await raw.close()
            await client.shutdown()
            await broker.stop()
            return figures
        } catch {
            await raw.close()
            await client.shutdown()
            await broker.stop()
            throw error
        }
    }

    static func measure(
        _ broker: GrpcBenchBroker, _ client: MQClientInstance, _ raw: RemotingClient, quick: Bool, rttUs: Double,
        drainCount: Int
    ) async throws -> [Figure] {
        let topics = ["gsend", "rsend", "grecv", "precv", "pull"]
        for topic in topics {
            try await client.createTopic(
                TopicConfig(topicName: topic, readQueueNums: topicQueues, writeQueueNums: topicQueues),
                broker: broker.broker)
        }
        try await client.updateGroup(SubscriptionGroupConfig(groupName: consumerGroup), broker: broker.broker)
        let producer = Producer(group: "bench-grpc-pg", client: client)
        let seconds = quick ? 1.0 : 3.0
        return try await GrpcBenchClient.with(host: "127.0.0.1", port: broker.grpcPort, clientId: "mqbench@grpc") {
            grpc in
            var figures: [Figure] = []
            for size in quick ? [1024] : [1024, 128] {
                let body = [UInt8](repeating: 0x61, count: size)
                let data = Data(body)
                let buffer = ByteBuffer(bytes: body)
                for concurrency in [1, 16, 64] {
                    log("grpc: send \(size) B × \(concurrency) in flight")
                    let remoting = try await sends(concurrency: concurrency, duration: seconds) { _, _ in
                        try await producer.send(Message(topic: "rsend", body: buffer, tags: "bench")).status == .sendOK
                    }
                    let v5 = try await sends(concurrency: concurrency, duration: seconds) { w, i in
                        let id = String(format: "01AABBCCDD%04X%016llX", w, UInt64(bitPattern: Int64(i)))
                        return try await grpc.send(topic: "gsend", body: data, messageId: id)
                    }
                    let shape = "send \(size) B, \(concurrency) in flight"
                    figures.append(
                        sendFigure(
                            "remoting SEND_MESSAGE: " + shape, remoting, size: size,
                            limit: concurrency == 1 ? 1e6 / rttUs : nil, limitName: "1 / loopback RTT"))
                    figures.append(
                        sendFigure(
                            "gRPC SendMessage: " + shape, v5, size: size, limit: remoting.rate,
                            limitName: "remoting, same shape"))
                }
            }
            figures += try await receives(broker, client, raw, grpc, count: drainCount)
            return figures
        }
    }

    static func sendFigure(_ name: String, _ s: Sends, size: Int, limit: Double?, limitName: String) -> Figure {
        Figure(
            name: name, value: s.rate, unit: "msg/s", limit: limit, limitName: limit == nil ? nil : limitName,
            target: "(comparison)", pass: true,
            note: String(
                format: "%.1f MB/s, p50 %.3f ms, p99 %.3f ms, CPU %.1f µs/msg", s.mbps(size), s.p50, s.p99,
                s.cpuMicros))
    }

    /// Each consumer drains its own topic of `count` preloaded 1 KiB messages, 8 consumers at a time.
    static func receives(
        _ broker: GrpcBenchBroker, _ client: MQClientInstance, _ raw: RemotingClient, _ grpc: GrpcBenchClient,
        count: Int
    ) async throws -> [Figure] {
        for topic in ["grecv", "precv", "pull"] {
            log("grpc: loading \(count) × 1 KiB into \(topic)")
            try await ReadBench.load(client, topic: topic, count: count, size: 1024)
        }
        let group = consumerGroup
        guard try await grpc.announceSimpleConsumer(group: group, topics: ["grecv"]) else {
            throw BenchError("the gRPC endpoint refused the SimpleConsumer's settings")
        }
        log("grpc: ReceiveMessage + AckMessage")
        let v5 = try await drain(total: count, concurrency: 8) {
            let receipts = try await grpc.receive(topic: "grecv", group: group, batch: 32)
            guard !receipts.isEmpty else { return 0 }
            let acked = try await grpc.ack(topic: "grecv", group: group, receipts)
            guard acked == receipts.count else { throw BenchError("an AckMessage entry was refused") }
            return receipts.count
        }
        log("grpc: POP_MESSAGE + ACK_MESSAGE")
        let pop = RemotingPop(raw: raw, broker: broker.broker, group: group, topic: "precv")
        let remoting = try await drain(total: count, concurrency: 8) { try await pop.popAndAck(batch: 32) }
        log("grpc: pull")
        let queues = (0..<topicQueues).map { MessageQueue(topic: "pull", brokerName: "broker-a", queueId: $0) }
        let (pulled, total) = try await ReadBench.consume(client, topic: "pull", queues: queues)
        guard total == count else { throw BenchError("pulled \(total) of \(count)") }
        let cpu = { (micros: Double) in String(format: "CPU %.1f µs/msg", micros) }
        return [
            Figure(
                name: "remoting pull, 8 queues × 256 per PULL, \(count) × 1 KiB", value: pulled, unit: "msg/s",
                limit: nil, limitName: nil, target: "(comparison)", pass: true),
            Figure(
                name: "remoting POP_MESSAGE (32) + ACK_MESSAGE per message, 8 consumers, \(count) × 1 KiB",
                value: remoting.rate, unit: "msg/s", limit: pulled, limitName: "pull", target: "(comparison)",
                pass: true, note: cpu(remoting.cpuMicros)),
            Figure(
                name: "gRPC ReceiveMessage (32) + AckMessage (32 entries), 8 consumers, \(count) × 1 KiB",
                value: v5.rate, unit: "msg/s", limit: remoting.rate, limitName: "remoting POP + ACK",
                target: "(comparison)", pass: true, note: cpu(v5.cpuMicros)),
        ]
    }
}

/// A remoting POP consumer as Apache's client drives one: POP_MESSAGE over every queue, then one ACK_MESSAGE per
/// message (sent together), each handle built from the POP response header (`processPopResponse`).
struct RemotingPop: Sendable {
    let raw: RemotingClient
    let broker: String
    let group: String
    let topic: String

    func popAndAck(batch: Int32) async throws -> Int {
        let header = PopMessageRequestHeader(
            consumerGroup: group, topic: topic, queueId: -1, maxMsgNums: batch, invisibleTime: 60_000,
            pollTime: 5_000, bornTime: Int64(Date().timeIntervalSince1970 * 1000))
        let response = try await raw.invoke(broker, .request(.popMessage, header: header), timeout: .seconds(15))
        guard response.code == ResponseCode.success.rawValue, let body = response.body else { return 0 }
        let rh = try response.decodeHeader(PopMessageResponseHeader.self)
        guard let starts = rh.startOffsetInfo.flatMap(PopOffsetInfo.init(parsing:)) else {
            throw BenchError("POP answered without startOffsetInfo")
        }
        let messages = try MessageDecoder.decodeAll(body)
        let acks = try messages.map { m in
            let retry = m.properties[MessageConst.popCK] != nil
            guard let start = starts.value(retry: retry, key: "\(m.queueId)").flatMap({ Int64($0) }) else {
                throw BenchError("no start offset for queue \(m.queueId)")
            }
            let handle = PopExtraInfo(
                ckQueueOffset: start, popTime: rh.popTime, invisibleTime: rh.invisibleTime,
                reviveQueueId: rh.reviveQid, topicFlag: retry ? .retry : .normal, brokerName: "broker-a",
                queueId: m.queueId, queueOffset: m.queueOffset)
            return AckMessageRequestHeader(
                consumerGroup: group, topic: handle.topicFlag.realTopic(topic: topic, group: group),
                queueId: handle.queueId, extraInfo: handle.description, offset: handle.queueOffset)
        }
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            for ack in acks {
                tasks.addTask {
                    let reply = try await raw.invoke(broker, .request(.ackMessage, header: ack), timeout: .seconds(15))
                    guard reply.code == ResponseCode.success.rawValue else { throw BenchError("an ACK was refused") }
                }
            }
            try await tasks.waitForAll()
        }
        return messages.count
    }
}
