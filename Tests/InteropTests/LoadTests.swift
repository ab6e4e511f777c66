import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// 64 producers and 16 consumers — the official C++ client (through cpp_client.py) and the Swift
/// client — against a `mqadmin broker start` process: every acknowledged message is delivered at
/// least once to each consumer group, and the broker's memory stays flat. The suite runs
/// `MQADMIN_LOAD_SECONDS` seconds (default 30); `scripts/load.sh` runs 600. The C++ producers alternate between
/// the two client generations (``CppClient``); the C++ consumers are 1.x: 2.1.0's push consumer never pulls again
/// a queue the rebalance took away and gave back while its pull was held (docs/compatibility.md), which members
/// joining one after another provoke.
@Suite(.serialized) struct LoadTests {
    static let script = TestPaths.packageRoot + "/Tests/InteropTests/python/cpp_client.py"
    static let topic = "LoadTopic"
    static let cppProducers = 8
    static let swiftProducers = 56
    static let cppConsumers = 4
    static let swiftConsumers = 12
    /// Pause between two sends of one producer: about 64 × 20 = 1,280 sends/s in all, on 2 shared cores.
    static let pauseMillis = 50

    /// The broker's `--flush` (async by default; `sync` makes every offset commit wait for the group commit).
    static var flush: String { ProcessInfo.processInfo.environment["MQADMIN_LOAD_FLUSH"] ?? "async" }
    static var seconds: Int { Int(ProcessInfo.processInfo.environment["MQADMIN_LOAD_SECONDS"] ?? "") ?? 30 }

    actor Keys {
        private(set) var set = Set<String>()
        private(set) var deliveries = 0
        func add(_ keys: [String]) {
            deliveries += keys.count
            set.formUnion(keys)
        }
    }

    final class RSSSampler: @unchecked Sendable {
        private let lock = NSLock()
        private var samples: [Int] = []
        var all: [Int] { lock.withLock { samples } }
        static func rssKiB(_ pid: Int32) -> Int? {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
            else { return nil }
            return Int(line.split(separator: " ").dropFirst().first ?? "")
        }
        func sample(_ pid: Int32) { if let kib = Self.rssKiB(pid) { lock.withLock { samples.append(kib) } } }
    }

    func lines(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// Starts cpp_client.py with `client`'s Python.
    func python(_ client: CppClient, _ args: [String]) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try client.python())
        p.arguments = [Self.script] + args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    @Test func sixtyFourProducersSixteenConsumersLoseNothing() async throws {
        let seconds = Self.seconds
        let dir = try TempDirectory("load")
        defer { dir.remove() }
        try await Interop.withBrokerWithTopic(
            data: dir.sub("data"), topic: Self.topic, queues: 16, arguments: ["--flush", Self.flush]
        ) { broker, admin in
            // Every peer is stopped in the teardown below, even when the test fails half way.
            let cppOuts = (0..<Self.cppConsumers).map { dir.sub("cpp-consumer-\($0).txt") }
            var cppConsumers: [Process] = []
            var swiftConsumers: [PushConsumer] = []
            var clients: [MQClientInstance] = []
            let cppSent = (0..<Self.cppProducers).map { dir.sub("cpp-producer-\($0).txt") }
            var cppProducers: [Process] = []
            let producerClients = (0..<8).map { _ in Interop.client(broker.nameServer) }
            try await withTeardown {
                let rss = RSSSampler()
                rss.sample(broker.process.processIdentifier)

                // Consumers first (a fresh group starts at offset 0 of a fresh queue anyway).
                // One at a time: each join notifies every member of the group (NOTIFY_CONSUMER_IDS_CHANGED), and a
                // C++ consumer handed several at once can wedge in its rebalance (see Interop.stopConsumers).
                for (i, out) in cppOuts.enumerated() {
                    _ = FileManager.default.createFile(atPath: out, contents: nil)
                    cppConsumers.append(
                        try python(
                            .v1, ["consume", broker.nameServer, Self.topic, "CG_LOAD_CPP", out, "\(seconds + 600)"]))
                    _ = await eventually(timeout: .seconds(60)) {
                        (try? await admin.consumerIds(group: "CG_LOAD_CPP", broker: broker.broker).count) == i + 1
                    }
                }
                let swiftReceived = Keys()
                for _ in 0..<Self.swiftConsumers {
                    let c = Interop.client(broker.nameServer)
                    clients.append(c)
                    let consumer = PushConsumer(group: "CG_LOAD_SWIFT", client: c)
                    await consumer.subscribe(Self.topic)
                    try await consumer.start { messages, _ in
                        await swiftReceived.add(messages.compactMap { $0.properties.keys.first })
                        return .success
                    }
                    swiftConsumers.append(consumer)
                }
                #expect(
                    await eventually(timeout: .seconds(60)) {
                        (try? await admin.consumerIds(group: "CG_LOAD_CPP", broker: broker.broker).count)
                            == Self.cppConsumers
                    })

                // Producers: C++ processes and Swift producers on 8 shared client instances.
                let start = ContinuousClock.now
                for (i, out) in cppSent.enumerated() {
                    _ = FileManager.default.createFile(atPath: out, contents: nil)
                    cppProducers.append(
                        try python(CppClient.allCases[i % CppClient.allCases.count], [
                            "produce-for", broker.nameServer, Self.topic, "\(seconds)", "cpp\(i)", out,
                            "\(Self.pauseMillis)",
                        ]))
                }
                let swiftSent = Keys()
                let failures = Keys()
                let pid = broker.process.processIdentifier
                let every: Duration = seconds >= 300 ? .seconds(10) : .seconds(2)
                await withTaskGroup(of: Void.self) { group in
                    for i in 0..<Self.swiftProducers {
                        group.addTask {
                            let producer = Producer(group: "PG_LOAD_SWIFT", client: producerClients[i % 8])
                            var n = 0
                            while ContinuousClock.now - start < .seconds(seconds) {
                                let key = "sw\(i)-\(n)"
                                n += 1
                                do {
                                    let m = Message(topic: Self.topic, body: "load body of \(key)", keys: [key])
                                    let r = try await producer.send(m)
                                    if r.status == .sendOK {
                                        await swiftSent.add([key])
                                    } else {
                                        await failures.add([key])
                                    }
                                } catch {
                                    await failures.add([key])
                                }
                                // A pause by design: it sets the offered load (see `pauseMillis`).
                                try? await Task.sleep(for: .milliseconds(Self.pauseMillis))
                            }
                        }
                    }
                    group.addTask {
                        while ContinuousClock.now - start < .seconds(seconds) {
                            // A pause by design: the RSS sampling period.
                            try? await Task.sleep(for: every)
                            rss.sample(pid)
                        }
                    }
                }
                for p in cppProducers {
                    try await waitForExit(
                        of: p, "C++ producer pid \(p.processIdentifier)", timeout: .seconds(seconds + 60))
                }
                let sent = Set(cppSent.flatMap(lines)).union(await swiftSent.set)

                // Drain: each group must see every acknowledged key.
                let cppReceived = { Set(cppOuts.flatMap(self.lines).compactMap { line -> String? in
                    let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                    return obj?["key"] as? String
                }) }
                let drainStart = ContinuousClock.now
                let drained = await eventually(timeout: .seconds(seconds >= 300 ? 300 : 90), every: .seconds(1)) {
                    await swiftReceived.set.isSuperset(of: sent) && cppReceived().isSuperset(of: sent)
                }
                let drainTime = ContinuousClock.now - drainStart
                rss.sample(pid)
                let cppGot = cppReceived()
                let cppDeliveries = cppOuts.flatMap(lines).count
                let swiftGot = await swiftReceived.set
                let lostCpp = sent.subtracting(cppGot)
                let lostSwift = sent.subtracting(swiftGot)
                let samples = rss.all
                let cppAcked = Set(cppSent.flatMap(lines)).count
                let swiftDeliveries = await swiftReceived.deliveries
                let failed = await failures.deliveries
                print("load: \(seconds) s, \(Self.flush) flush, \(Self.cppProducers) C++ + \(Self.swiftProducers) Swift producers, "
                    + "\(Self.cppConsumers) C++ + \(Self.swiftConsumers) Swift consumers; acknowledged \(sent.count) "
                    + "(C++ \(cppAcked), Swift \(sent.count - cppAcked)), Swift send failures \(failed); "
                    + "CG_LOAD_CPP got \(cppGot.count) distinct in \(cppDeliveries) deliveries, lost \(lostCpp.count); "
                    + "CG_LOAD_SWIFT got \(swiftGot.count) distinct in \(swiftDeliveries) deliveries, "
                    + "lost \(lostSwift.count); drain \(drainTime)")
                print("load: broker VmRSS KiB first \(samples.first ?? 0), last \(samples.last ?? 0), peak "
                    + "\(samples.max() ?? 0), samples \(samples)")
                let lost = "C++ group missing \(lostCpp.count) e.g. \(lostCpp.prefix(5)), "
                    + "Swift group missing \(lostSwift.count) e.g. \(lostSwift.prefix(5))"
                #expect(drained, "\(lost)")
                #expect(sent.count > seconds * 100, "too little traffic to prove anything: \(sent.count)")
                // Flat: after warm-up (a fifth of the run) the broker does not keep growing.
                if samples.count >= 5 {
                    let warm = samples[samples.count / 5]
                    #expect(
                        samples.last! <= warm * 3 / 2 + 32 * 1024,
                        "broker RSS grew from \(warm) to \(samples.last!) KiB")
                }
            } teardown: {
                // The C++ producers stop early only if the test failed before their time was up.
                for out in cppSent { _ = FileManager.default.createFile(atPath: out + ".stop", contents: nil) }
                var failures: [any Error] = []
                for p in cppProducers {
                    do {
                        try await waitForExit(of: p, "C++ producer pid \(p.processIdentifier)", timeout: .seconds(60))
                    } catch {
                        failures.append(error)
                    }
                }
                // One at a time, for the same reason as the start; the C++ client's shutdown deadlock may still
                // strike a member, which is then killed and reported.
                for (consumer, out) in zip(cppConsumers, cppOuts) {
                    do {
                        try await Interop.stopConsumers(
                            [consumer], outs: [out], timeout: .seconds(20), toleratingShutdownDeadlock: true)
                    } catch {
                        failures.append(error)
                    }
                }
                for c in swiftConsumers { await c.shutdown() }
                for c in clients + producerClients { await c.shutdown() }
                if let first = failures.first { throw first }
            }
        }
    }
}
