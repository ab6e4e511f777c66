import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// Acceptance of batches from both official C++ client generations: 1 to 64 messages of 10 B to 100 KB a batch.
/// The 1.x client (rocketmq==0.4.4) compresses a batch's encoded body as a whole once it passes 4 KiB
/// (compressMsgBodyOverHowmuch) and sends it as SEND_MESSAGE with `batch`; 2.1.0 sends SEND_MESSAGE_V2 with `m`
/// and never compresses a batch. Either way every message must reach a C++ push consumer byte-identical and be
/// found by its key.
@Suite(.serialized) struct BatchInteropTests {
    static let script = TestPaths.packageRoot + "/Tests/InteropTests/python/cpp_client.py"

    /// COUNT x SIZE per batch: 1, 2, 20 and 64 messages of 10 B, 200 B, 4 KiB and 100 KB. The 1.x client sends
    /// the ones over 4 KiB encoded compressed as a whole: all but 1x10, 2x200 and 20x10 (seen on the wire). 64 x
    /// 4 KiB (262 KB) is the largest batch; 100 KB, near the clients' 128 KiB limit per message, goes in a batch
    /// of one, which keeps the run short.
    static let cases: [(count: Int, size: Int)] = [
        (1, 10), (1, 102_400), (2, 200), (2, 4096), (20, 10), (20, 200), (20, 4096), (64, 10), (64, 200), (64, 4096),
    ]

    /// The body cpp_client.py's `batch_body` sends for `key`: the key reversed, "|", then bytes 1...255 in a pattern
    /// that moves with the size, cut to `size` bytes.
    static func body(key: String, size: Int) -> [UInt8] {
        let head = Array((String(key.reversed()) + "|").utf8)
        let filler = (0..<max(0, size - head.count)).map { i in UInt8(1 + (i * 131 + size) % 255) }
        return Array((head + filler).prefix(size))
    }

    struct Received: Decodable {
        var key: String
        var len: Int
        var crc: UInt32
    }

    func received(_ path: String) -> [Received] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Received.self, from: Data($0.utf8)) }
    }

    @Test(arguments: CppClient.allCases)
    func everyBatchedMessageArrivesByteIdenticalAndIsFoundByKey(client: CppClient) async throws {
        let python = try client.python()
        let dir = try TempDirectory("interop-batch")
        defer { dir.remove() }
        let topic = "TopicBatch"
        try await Interop.withBrokerWithTopic(data: dir.sub("data"), topic: topic) { broker, admin in
            let out = dir.sub("consumed.jsonl")
            let consumer = try Interop.startCppConsumer(
                python: python, script: Self.script, nameServer: broker.nameServer, topic: topic, group: "CG_BATCH",
                out: out)
            try await withTeardown {
                try await waitUntil("the C++ consumer to join CG_BATCH", timeout: .seconds(30)) {
                    (try? await admin.consumerIds(group: "CG_BATCH", broker: broker.broker).count) == 1
                }
                let spec = Self.cases.map { "\($0.count)x\($0.size)" }.joined(separator: ",")
                let r = try runCommand(python, [Self.script, "batch", broker.nameServer, topic, spec, "b"])
                #expect(r.status == 0, "batch producer failed: \(r.stderr.suffix(2000))")
                let lines = r.stdout.split(separator: "\n").compactMap {
                    try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
                }
                let failedBatches = lines.filter { $0["batch"] != nil && $0["status"] as? Int != 0 }
                #expect(failedBatches.isEmpty, "batches refused: \(failedBatches)")

                // What must arrive: every key with the bytes both sides derive from it; the producer's own
                // CRC of what it handed the client agrees with the bytes built here.
                var expected: [String: [UInt8]] = [:]
                for (count, size) in Self.cases {
                    for i in 0..<count {
                        let key = "b-\(count)x\(size)-\(i)"
                        expected[key] = Self.body(key: key, size: size)
                    }
                }
                let sent = lines.compactMap { line -> (String, Int, UInt32)? in
                    guard let key = line["sent"] as? String, let len = line["len"] as? Int,
                        let crc = (line["crc"] as? NSNumber)?.uint32Value
                    else { return nil }
                    return (key, len, crc)
                }
                #expect(Set(sent.map(\.0)) == Set(expected.keys))
                for (key, len, crc) in sent {
                    let body = expected[key] ?? []
                    #expect(len == body.count && crc == CRC32.checksum(body), "the generators disagree on \(key)")
                }

                let allArrived = await eventually(timeout: .seconds(60), every: .milliseconds(250)) {
                    Set(received(out).map(\.key)).isSuperset(of: expected.keys)
                }
                let got = received(out)
                #expect(allArrived, "missing \(Set(expected.keys).subtracting(got.map(\.key)).sorted().prefix(5))")
                for delivery in got {
                    let body = try #require(expected[delivery.key], "unexpected key \(delivery.key)")
                    #expect(
                        delivery.len == body.count && delivery.crc == CRC32.checksum(body),
                        "\(delivery.key) arrived as \(delivery.len) bytes, CRC \(delivery.crc)")
                }

                // Each key is indexed: QUERY_MESSAGE finds exactly its message, with the bytes sent.
                for (key, body) in expected {
                    let found = try await admin.queryMessages(topic: topic, key: key)
                    #expect(found.count == 1, "\(key): \(found.count) messages")
                    let same = found.first.map { $0.body.readableBytesView.elementsEqual(body) } ?? false
                    #expect(same, "\(key): the body found by key is not the body sent")
                }
                // And through the CLI, for the last message of each batch.
                let cli = MQAdminRunner(nameServer: broker.nameServer)
                for (count, size) in Self.cases {
                    let key = "b-\(count)x\(size)-\(count - 1)"
                    let q = try cli.run(["message", "query", "-t", topic, "-k", key, "-o", "json"])
                    #expect(q.status == 0, "message query -k \(key): \(q.stderr)")
                    let json = try JSONSerialization.jsonObject(with: Data(q.stdout.utf8)) as? [String: Any]
                    let messages = json?["messages"] as? [[String: Any]] ?? []
                    #expect(messages.count == 1, "message query -k \(key): \(q.stdout.prefix(500))")
                    #expect(messages.first?["keys"] as? [String] == [key])
                    #expect((messages.first?["body"] as? [String: Any])?["size"] as? Int == size)
                }
            } teardown: {
                try await Interop.stopConsumers([consumer], outs: [out])
            }
        }
    }
}
