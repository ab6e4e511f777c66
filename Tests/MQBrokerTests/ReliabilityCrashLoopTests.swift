import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// kill -9 in a loop during mixed produce, consume and offset commits (a real `mqadmin broker start`).
/// The suite runs `MQADMIN_CRASH_CYCLES` cycles (default 5); `scripts/crash-loop.sh` runs 20.
@Suite(.serialized) struct ReliabilityCrashLoopTests {
    static let topic = "CrashLoop"
    static let group = "crash-cg"
    static let queues: Int32 = 4

    static var cycles: Int { Int(ProcessInfo.processInfo.environment["MQADMIN_CRASH_CYCLES"] ?? "") ?? 5 }

    @Test(arguments: ["sync", "async"]) func killDashNineLoop(flush: String) async throws {
        let dir = try TempDirectory("crash-loop")
        defer { dir.remove() }
        let data = dir.sub("data")
        let ledger = AckLedger()
        // Under async flush kill -9 loses nothing either (the page cache survives the process); the
        // loss an async broker may suffer needs a power cut, simulated in the damaged-storage tests.
        let cycles = flush == "sync" ? Self.cycles : max(1, Self.cycles / 2)
        for cycle in 0..<cycles {
            let problemsFound = try await withBrokerProcess(
                dataDirectory: data, arguments: ["--flush", flush]
            ) { broker in
                let c = Reliability.client(broker.nameServer, timeout: .seconds(5))
                if cycle == 0 {
                    try await Reliability.prepare(
                        c, broker: broker.broker, topic: Self.topic, queues: Self.queues, groups: [Self.group])
                } else {
                    let problems = try await verify(c, ledger)
                    #expect(problems.isEmpty, "cycle \(cycle) (\(flush)): \(problems.prefix(10)) of \(problems.count)")
                    if !problems.isEmpty {
                        await c.shutdown()
                        return true
                    }
                }
                let before = await ledger.entries.count
                try await load(c, ledger) { broker.crash() }
                await c.shutdown()
                let scan = CommitLogScan.scan(dataDirectory: data)
                #expect(scan.crcFailures.isEmpty, "cycle \(cycle) (\(flush)): \(scan)")
                let (acked, commits) = await (ledger.entries.count, ledger.commitCount)
                print(
                    "crash loop \(flush) cycle \(cycle + 1)/\(cycles): +\(acked - before) acked sends "
                        + "(\(acked) total), \(commits) acknowledged offset commits (total), commit log "
                        + "\(scan.records) record(s), CRC failures \(scan.crcFailures.count)")
                return false
            }
            if problemsFound { return }
        }
        // Last restart: everything acknowledged over all cycles, once more, then a clean stop.
        let problems = try await withBrokerProcess(dataDirectory: data, arguments: ["--flush", flush]) { last in
            let c = Reliability.client(last.nameServer)
            let problems = try await verify(c, ledger)
            #expect(problems.isEmpty, "final (\(flush)): \(problems.prefix(10)) of \(problems.count)")
            await c.shutdown()
            return problems
        }
        let total = await ledger.entries.count
        #expect(total > cycles * 20, "too few acknowledged sends to prove anything: \(total)")
        print("crash loop \(flush): \(cycles) kill -9 cycle(s), \(total) acknowledged sends all readable by key and "
            + "offset, \(problems.count) problem(s)")
    }

    /// Four producers, one consumer pulling and committing, for a random 0.4–1.2 s; then `kill`.
    func load(_ c: MQClientInstance, _ ledger: AckLedger, kill: @escaping @Sendable () -> Void) async throws {
        let producer = Producer(group: "crash-pg", client: c)
        let stop = StopFlag()
        let run = UUID().uuidString.prefix(8)
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    var i = 0
                    while !stop.isSet {
                        let key = "\(run)-w\(worker)-\(i)"
                        i += 1
                        do {
                            let r = try await producer.send(
                                Message(topic: Self.topic, body: "payload \(key)", keys: [key]))
                            if r.status == .sendOK {
                                await ledger.ack(.init(key: key, queueId: r.queue.queueId, queueOffset: r.queueOffset))
                            }
                        } catch {
                            if stop.isSet { return }
                            // A back-off, not a wait: the broker is being killed or restarted; do not spin.
                            try? await Task.sleep(for: .milliseconds(10))
                        }
                    }
                }
            }
            group.addTask { await consume(c, ledger, stop) }
            group.addTask {
                // A sleep by design: the kill lands at a random moment of the load, not when something happens.
                try? await Task.sleep(for: .milliseconds(Int.random(in: 400...1200)))
                kill()
                stop.set()
            }
        }
    }

    /// Pulls each queue from its committed offset and commits what it read, recording acknowledged commits.
    func consume(_ c: MQClientInstance, _ ledger: AckLedger, _ stop: StopFlag) async {
        var position: [Int32: Int64] = [:]
        while !stop.isSet {
            for q in 0..<Self.queues {
                let mq = MessageQueue(topic: Self.topic, brokerName: "broker-a", queueId: q)
                do {
                    if position[q] == nil {
                        position[q] = try await c.queryConsumerOffset(group: Self.group, queue: mq) ?? 0
                    }
                    let r = try await c.pull(group: Self.group, queue: mq, offset: position[q]!, maxNums: 16)
                    guard r.status == .found else { continue }
                    try await c.updateConsumerOffset(group: Self.group, queue: mq, offset: r.nextBeginOffset)
                    position[q] = r.nextBeginOffset
                    await ledger.committed(group: Self.group, queueId: q, offset: r.nextBeginOffset)
                } catch {
                    if stop.isSet { return }
                    // A back-off, not a wait: the broker is being killed or restarted; do not spin.
                    try? await Task.sleep(for: .milliseconds(10))
                }
            }
        }
    }

    /// Every acknowledged send readable by queue offset (pull) and by key (QUERY_MESSAGE); no
    /// acknowledged commit went backwards. Returns the problems found.
    func verify(_ c: MQClientInstance, _ ledger: AckLedger) async throws -> [String] {
        var problems: [String] = []
        var byOffset: [Int32: [Int64: String]] = [:]
        for q in 0..<Self.queues {
            let mq = MessageQueue(topic: Self.topic, brokerName: "broker-a", queueId: q)
            let max = try await c.maxOffset(mq)
            var offset: Int64 = 0
            while offset < max {
                let r = try await c.pull(group: "crash-verify", queue: mq, offset: offset, maxNums: 32)
                guard r.status == .found, r.nextBeginOffset > offset else {
                    problems.append("queue \(q): pull at \(offset) of \(max) answered \(r.status)")
                    break
                }
                for m in r.messages { byOffset[q, default: [:]][m.queueOffset] = m.properties.keys.first }
                offset = r.nextBeginOffset
            }
            let committed = try await c.queryConsumerOffset(group: Self.group, queue: mq) ?? -1
            if let acked = await ledger.commits["\(Self.group)|\(q)"], committed < acked {
                problems.append("queue \(q): committed offset went back from \(acked) to \(committed)")
            }
        }
        let entries = await ledger.entries
        for e in entries where byOffset[e.queueId]?[e.queueOffset] != e.key {
            problems.append("\(e.key) not at queue \(e.queueId) offset \(e.queueOffset)")
        }
        let missing = try await withThrowingTaskGroup(of: [String].self) { group in
            for slice in 0..<8 {
                group.addTask {
                    var lost: [String] = []
                    for e in entries.enumerated() where e.offset % 8 == slice {
                        let found = try await c.queryMessages(topic: Self.topic, key: e.element.key, maxNum: 4)
                        if !found.contains(where: { String(buffer: $0.body) == "payload \(e.element.key)" }) {
                            lost.append("\(e.element.key) not found by key")
                        }
                    }
                    return lost
                }
            }
            return try await group.reduce(into: [String]()) { $0 += $1 }
        }
        return problems + missing
    }
}
