import Foundation
import MQClient
import MQProtocol

// mqbench: measures ingest, consume, query by key, backlog report, CLI latency, recovery and memory,
// each beside the limit the same run measures on this machine. A program that prints figures, not a test.
//
// usage: mqbench [--quick] [--only codec,sendcpu,ingest,sync,read,admin,recovery,timer,txn,grpc]
//                [--codec-rounds N] [--cpu-sends N] [--grpc-messages N] [--attach DIR]
//        mqbench broker start --data DIR [--listen A] [--broker-listen B] [--flush sync|async]  (BenchServer)
//                [--binary .build/release/mqadmin] [--trivial .build/release/mqbench-trivial] [--dir DIR]

let args = Array(CommandLine.arguments.dropFirst())
if args.starts(with: ["broker", "start"]) {
    try await BenchServer.run(args)
    exit(0)
}
@MainActor func option(_ name: String, _ fallback: String) -> String {
    if let i = args.firstIndex(of: name), i + 1 < args.count { return args[i + 1] }
    return fallback
}
let quick = args.contains("--quick")
let binDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
let binary = option("--binary", binDir + "/mqadmin")
let trivial = option("--trivial", binDir + "/mqbench-trivial")
let root = option("--dir", NSTemporaryDirectory() + "mqbench-\(getpid())")
try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: root) }

/// `--only codec,ingest,sync,read,admin,recovery,timer,txn,grpc` runs a subset.
let only = Set(
    option("--only", "codec,ingest,sync,read,admin,recovery,timer,txn,grpc").split(separator: ",").map(String.init))
var figures: [Figure] = []
var machine: [String: String] = [:]

log("limits")
// The codec and send-CPU figures alone (run under callgrind) and the gRPC ones (loopback only) need neither the
// disk nor the start-up limits.
let codecOnly = only.isSubset(of: ["codec", "sendcpu", "grpc"])
let disk = codecOnly ? 0 : try Limits.diskWriteMBps(directory: root, megabytes: quick ? 256 : 1024)
let fsyncMs = codecOnly ? 0 : Limits.fsyncMillis(directory: root)
let rttUs = try Limits.loopbackMicros()
let trivialMs = codecOnly ? 0 : try Limits.startMillis(trivial)
machine["cores"] = String(ProcessInfo.processInfo.activeProcessorCount)
machine["memory"] = String(format: "%.1f GiB", Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824)
if !codecOnly {
    machine["disk sequential write"] = String(format: "%.0f MB/s (1 MiB writes, one fsync)", disk)
    machine["fsync latency"] = String(format: "%.3f ms (1 KiB write + fdatasync, median)", fsyncMs)
    machine["trivial Swift binary start"] = String(format: "%.2f ms (median)", trivialMs)
}
machine["loopback round trip"] = String(format: "%.1f µs (64 B TCP ping-pong, median)", rttUs)
machine["scale"] = quick ? "quick" : "full"

do {
    // Protocol work per send round trip, no I/O (`--only codec --codec-rounds 2000` under callgrind).
    if only.contains("codec") {
        let rounds = Int(option("--codec-rounds", quick ? "100000" : "300000"))!
        for binary in [false, true] where !args.contains(binary ? "--json-only" : "--binary-only") {
            let ns = try CodecBench.measure(rounds: rounds, binary: binary)
            figures.append(
                Figure(
                    name: "codec: one send round trip, \(binary ? "ROCKETMQ binary" : "JSON") headers, no I/O",
                    value: ns / 1000, unit: "µs", limit: rttUs, limitName: "loopback RTT", target: "(diagnostic)",
                    pass: true))
        }
    }

    // A fixed number of single 1 KiB sends (32 senders, async flush), for instruction counts per message under
    // callgrind: run it for two counts and divide the difference by theirs, once with mqbench under valgrind (the
    // client) and once with `--binary` a script that execs valgrind on mqadmin (the broker). See
    // docs/performance.md, "CPU per message".
    if only.contains("sendcpu") {
        let count = Int(option("--cpu-sends", "2000"))!
        log("sendcpu: \(count) sends")
        // `--attach DIR`: the broker of that data directory, started by the caller (scripts/callgrind-send.sh).
        let attached = args.contains("--attach") ? option("--attach", "") : nil
        let b = try attached == nil ? BenchBroker(binary: binary, data: root + "/sendcpu") : nil
        try b?.waitReady(timeout: 600)
        let (nameServer, broker) = try b.map { ($0.nameServer, $0.broker) } ?? BenchBroker.attach(data: attached!)
        let c = BenchBroker.client(nameServer: nameServer, timeout: .seconds(120))
        try await c.createTopic(TopicConfig(topicName: "cpu", readQueueNums: 8, writeQueueNums: 8), broker: broker)
        let rate = try await IngestBench.single(c, topic: "cpu", messages: count, senders: 32)
        log(String(format: "sendcpu: %.0f msg/s (meaningless under valgrind)", rate))
        await c.shutdown()
        b?.stop()
    }

    // Ingest, async flush.
    if only.contains("ingest") {
        log("ingest (async flush)")
        let b = try BenchBroker(binary: binary, data: root + "/ingest")
        try b.waitReady()
        let c = b.client()
        try await c.createTopic(TopicConfig(topicName: "ingest", readQueueNums: 8, writeQueueNums: 8), broker: b.broker)
        try await c.createTopic(
            TopicConfig(topicName: "batched", readQueueNums: 8, writeQueueNums: 8), broker: b.broker)
        try await Task.sleep(for: .milliseconds(300))
        let single = try await IngestBench.single(
            c, topic: "ingest", messages: Int(option("--ingest-messages", quick ? "100000" : "400000"))!, senders: 32)
        log(String(format: "single: %.0f msg/s", single))
        figures.append(
            Figure(
                name: "ingest 1 KiB, 32 senders, async", value: single, unit: "msg/s",
                limit: disk * 1_048_576 / 1024 / 1.0,
                limitName: "disk MB/s as 1 KiB msg/s", target: "≥ 50,000 msg/s", pass: single >= 50_000))
        let batched = try await IngestBench.batched(
            c, topic: "batched", batches: quick ? 4_000 : 16_000, batchSize: 32, senders: 8)
        figures.append(
            Figure(
                name: "ingest batches of 32 × 1 KiB, async", value: batched, unit: "MB/s", limit: disk,
                limitName: "disk MB/s",
                target: "≥ 250 MB/s and ≥ 65 % of disk", pass: batched >= 250 && batched >= 0.65 * disk))
        await c.shutdown()
        b.stop()
    }

    // Sync flush: group commit against one fsync per message.
    if only.contains("sync") {
        log("ingest (sync flush)")
        let b = try BenchBroker(binary: binary, data: root + "/sync", flush: "sync")
        try b.waitReady()
        let c = b.client()
        try await c.createTopic(
            TopicConfig(topicName: "durable", readQueueNums: 8, writeQueueNums: 8), broker: b.broker)
        try await Task.sleep(for: .milliseconds(300))
        let one = try await IngestBench.single(c, topic: "durable", messages: quick ? 1_000 : 3_000, senders: 1)
        let many = try await IngestBench.single(c, topic: "durable", messages: quick ? 32_000 : 128_000, senders: 64)
        figures.append(
            Figure(
                name: "sync flush, 1 sender", value: one, unit: "msg/s", limit: 1000 / fsyncMs,
                limitName: "1/fsync latency",
                target: "(baseline)", pass: true))
        figures.append(
            Figure(
                name: "sync flush, 64 senders (group commit)", value: many, unit: "msg/s", limit: one,
                limitName: "1 sender",
                target: "≥ 10 × one sender", pass: many >= 10 * one))
        await c.shutdown()
        b.stop()
    }

    // Consume, query by key, memory.
    if only.contains("read") {
        let b = try BenchBroker(binary: binary, data: root + "/read")
        try b.waitReady()
        let c = b.client()
        try await c.createTopic(TopicConfig(topicName: "stored", readQueueNums: 8, writeQueueNums: 8), broker: b.broker)
        try await c.createTopic(TopicConfig(topicName: "keys", readQueueNums: 8, writeQueueNums: 8), broker: b.broker)
        try await Task.sleep(for: .milliseconds(300))
        log("consume: loading")
        let consumeCount = quick ? 200_000 : 1_000_000
        try await ReadBench.load(c, topic: "stored", count: consumeCount, size: 1024)
        log("consume: pulling")
        let queues = (0..<Int32(8)).map { MessageQueue(topic: "stored", brokerName: "broker-a", queueId: $0) }
        let (rate, total) = try await ReadBench.consume(c, topic: "stored", queues: queues)
        figures.append(
            Figure(
                name: "consume \(total) stored 1 KiB messages, one group", value: rate, unit: "msg/s",
                limit: disk * 1_048_576 / 1024, limitName: "disk MB/s as 1 KiB msg/s", target: "≥ 100,000 msg/s",
                pass: rate >= 100_000 && total == consumeCount))

        var loaded = 0
        var first: Double?
        for size in quick ? [100_000, 1_000_000] : [100_000, 1_000_000, 10_000_000] {
            log("query by key: loading to \(size)")
            try await ReadBench.load(c, topic: "keys", count: size - loaded, size: 100, senders: 8, first: loaded)
            loaded = size
            b.waitIdle()
            let q = try await ReadBench.queryByKey(c, topic: "keys", count: size)
            first = first ?? q.median
            let within = q.median <= 1.5 * (first ?? q.median)
            figures.append(
                Figure(
                    name: "query by key, \(size) stored: median", value: q.median, unit: "ms", limit: rttUs / 1000,
                    limitName: "loopback RTT", target: "≤ 5 ms and ≤ 1.5 × the 100k figure",
                    pass: q.median <= 5 && within,
                    note: String(format: "p99 %.3f ms", q.p99)))
        }
        let rss = b.peakRSSMB
        figures.append(
            Figure(
                name: "broker peak RSS with \(consumeCount + loaded) messages stored", value: rss, unit: "MB",
                limit: Double(ProcessInfo.processInfo.physicalMemory) / 1_048_576, limitName: "physical memory",
                target: "≤ 200 MB (at 10M)", pass: rss <= 200))
        await c.shutdown()
        b.stop()
    }

    // Backlog report and CLI latency.
    if only.contains("admin") {
        log("backlog: seeding 200 topics × 8 queues, 500 groups")
        let b = try BenchBroker(binary: binary, data: root + "/admin")
        try b.waitReady()
        let c = b.client()
        try await AdminBench.seed(c, broker: b.broker, topics: 200, groups: 500, topicsPerGroup: 10)
        if args.contains("--pause-after-seed") {
            // For profiling the CLI by hand against the seeded broker.
            log("seeded: mqadmin backlog report -n \(b.nameServer) -o json --window 0s  (Ctrl-C to stop)")
            try await Task.sleep(for: .seconds(900))
        }
        let report = try Limits.startMillis(
            binary, ["backlog", "report", "-n", b.nameServer, "-o", "json", "--window", "0s"], rounds: 5)
        figures.append(
            Figure(
                name: "backlog report, 200 topics × 8 queues × 500 groups (10 topics each), end to end",
                value: report, unit: "ms", limit: trivialMs, limitName: "trivial binary start", target: "≤ 1000 ms",
                pass: report <= 1000))
        let list = try Limits.startMillis(binary, ["topic", "list", "-n", b.nameServer])
        figures.append(
            Figure(
                name: "CLI: mqadmin topic list", value: list, unit: "ms", limit: trivialMs,
                limitName: "trivial binary start",
                target: "≤ 3 × trivial start", pass: list <= 3 * trivialMs))
        let one = try Limits.startMillis(
            binary, ["backlog", "report", "-g", "bg1", "-n", b.nameServer, "--window", "0s"])
        figures.append(
            Figure(
                name: "CLI: mqadmin backlog report -g G", value: one, unit: "ms", limit: trivialMs,
                limitName: "trivial binary start", target: "≤ 3 × trivial start", pass: one <= 3 * trivialMs))
        await c.shutdown()
        b.stop()
    }

    // Transactional sends (prepare + END_TRANSACTION commit) beside plain sends, async flush.
    if only.contains("txn") {
        log("transactions (async flush)")
        let b = try BenchBroker(binary: binary, data: root + "/txn")
        try b.waitReady()
        let c = b.client()
        for topic in ["plain", "txn"] {
            try await c.createTopic(
                TopicConfig(topicName: topic, readQueueNums: 8, writeQueueNums: 8), broker: b.broker)
        }
        try await Task.sleep(for: .milliseconds(300))
        let count = Int(option("--txn-messages", quick ? "20000" : "100000"))!
        let plain = try await IngestBench.single(c, topic: "plain", messages: count, senders: 32)
        log(String(format: "plain: %.0f msg/s", plain))
        let committed = try await TxnBench.commits(c, topic: "txn", messages: count, senders: 32)
        log(String(format: "transactional: %.0f msg/s", committed))
        figures.append(
            Figure(
                name: "plain send 1 KiB, 32 senders, async", value: plain, unit: "msg/s", limit: nil,
                limitName: nil, target: "(baseline)", pass: true))
        figures.append(
            Figure(
                name: "transactional send + commit 1 KiB, 32 senders, async (until stored in the real topic)",
                value: committed, unit: "msg/s", limit: plain, limitName: "plain sends",
                target: "≥ 1/3 of plain (3 appends and 2 requests per message)", pass: committed * 3 >= plain))
        await c.shutdown()
        b.stop()
    }

    // Recovery after kill -9 with 1 GiB in the commit log.
    if only.contains("recovery") {
        log("recovery: loading")
        let gib = quick ? 0.25 : 1.0
        let data = root + "/recovery"
        let b = try BenchBroker(binary: binary, data: data)
        try b.waitReady()
        let c = b.client()
        try await c.createTopic(TopicConfig(topicName: "bulk", readQueueNums: 8, writeQueueNums: 8), broker: b.broker)
        try await Task.sleep(for: .milliseconds(300))
        try await ReadBench.load(c, topic: "bulk", count: Int(gib * 1_048_576), size: 900)
        await c.shutdown()
        b.crash()
        let again = try BenchBroker(binary: binary, data: data)
        let secs = try again.waitReady()
        figures.append(
            Figure(
                name: String(format: "recovery after kill -9, %.2f GiB commit log", gib), value: secs / gib,
                unit: "s per GiB", limit: 1024 / disk, limitName: "1 GiB at disk speed (s)",
                target: "≤ 3 s per GiB", pass: secs / gib <= 3))
        again.stop()
    }

    // Timer accuracy: 10,000 TIMER_DELIVER_MS messages due within the same 10 s, lateness at the consumer.
    if only.contains("timer") {
        let count = Int(option("--timer-messages", "10000"))!
        log("timer: scheduling \(count) messages")
        let b = try BenchBroker(binary: binary, data: root + "/timer")
        try b.waitReady()
        let c = b.client()
        try await c.createTopic(TopicConfig(topicName: "timed", readQueueNums: 8, writeQueueNums: 8), broker: b.broker)
        try await Task.sleep(for: .milliseconds(300))
        let t = try await TimerBench.measure(c, topic: "timed", queues: 8, count: count, lead: 20_000, spread: 10_000)
        log("timer: sends took \(t.sendMillis) ms of the \(t.lead) ms lead; \(t.early) early")
        let inTime = t.sendMillis < t.lead
        for (label, p) in [("p50", 0.5), ("p99", 0.99), ("max", 1.0)] {
            let arrival = Double(TimerBench.Lateness.percentile(t.arrival, p))
            let stored = TimerBench.Lateness.percentile(t.stored, p)
            figures.append(
                Figure(
                    name: "timer lateness, \(count) messages due within 10 s: \(label)", value: arrival, unit: "ms",
                    limit: 100, limitName: "timer precision", target: "≤ 1000 ms, none early",
                    pass: arrival <= 1000 && t.early == 0 && inTime,
                    note: "stored \(stored) ms after due; \(t.early) early; sends took \(t.sendMillis) ms"))
        }
        await c.shutdown()
        b.stop()
    }

    // The gRPC endpoint beside remoting on one in-process broker: sends at 1, 16, 64 in flight, then receives.
    if only.contains("grpc") {
        let count = Int(option("--grpc-messages", quick ? "20000" : "100000"))!
        figures += try await GrpcBench.run(data: root + "/grpc", quick: quick, rttUs: rttUs, drainCount: count)
    }

} catch {
    // A failed figure must not leave broker processes behind.
    BenchBroker.stopAll()
    try? FileManager.default.removeItem(atPath: root)
    FileHandle.standardError.write(Data("mqbench: \(error)\n".utf8))
    exit(1)
}
Report.print(figures, machine: machine)
