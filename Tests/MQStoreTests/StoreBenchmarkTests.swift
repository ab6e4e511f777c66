import Foundation
import MQProtocol
import NIOCore
import Testing

@testable import MQStore

/// Larger measurements, off by default: `MQSTORE_BENCH=<messages> swift test -c release
/// -Xswiftc -enable-testing --filter StoreBenchmark`. Prints figures; asserts only correctness.
@Suite("Message store: benchmark (MQSTORE_BENCH)")
struct StoreBenchmarkTests {
    static let count = Int(ProcessInfo.processInfo.environment["MQSTORE_BENCH"] ?? "") ?? 0

    /// CPU seconds used by the process so far (wall time is meaningless on a shared, loaded machine).
    static func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func rssMegabytes() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
    }

    @Test(.enabled(if: count > 0)) func putRecoverQuery() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        let config = StoreConfig(directory: dir.store, storeHost: StoreFixtures.storeHost)
        let n = Self.count
        let body = ByteBuffer(repeating: 0x62, count: 1024)
        let generator = UniqueKeyGenerator()
        var keys = [String]()
        var logBytes: Int64 = 0
        do {
            let store = try StoreFixtures.open(config)
            let start = Date()
            let cpu = Self.cpuSeconds()
            for i in 0..<n {
                var p = MessageProperties()
                p[MessageConst.keys] = "order-\(i)"
                p[MessageConst.tags] = "TagA"
                let unique = generator.next()
                p[MessageConst.uniqueKey] = unique
                if i % (n / 100 + 1) == 0 { keys.append(unique) }
                let m = MessageToStore(topic: "Bench\(i % 4)", queueId: Int32(i % 8), body: body, properties: p,
                    bornTimestamp: 1_700_000_000_000, bornHost: StoreFixtures.bornHost)
                precondition(store.put(m).status == .ok)
            }
            let elapsed = Date().timeIntervalSince(start)
            let cpuUsed = Self.cpuSeconds() - cpu
            print("bench: \(n) puts at \(Int(Double(n) / elapsed)) msg/s (\(Int(Double(n) / cpuUsed)) per CPU second), "
                + "RSS \(Self.rssMegabytes()) MB, "
                + "log \(store.commitLogMaxOffset / 1_048_576) MiB")
            var times = [Double]()
            for (j, key) in keys.enumerated() {
                let t = Date()
                let r = store.queryByKey(topic: "Bench\((j * (n / 100 + 1)) % 4)", key: key, maxCount: 32, begin: 0,
                    end: .max)
                times.append(Date().timeIntervalSince(t))
                precondition(r.messages.count == 1)
            }
            times.sort()
            print("bench: key query median \(String(format: "%.3f", times[times.count / 2] * 1000)) ms, "
                + "max \(String(format: "%.3f", times.last! * 1000)) ms")
            logBytes = store.commitLogMaxOffset
            store.close()
        }
        let gib = Double(logBytes) / Double(1 << 30)
        var t = Date()
        var store = try StoreFixtures.open(config)
        print("bench: clean open \(String(format: "%.2f", Date().timeIntervalSince(t))) s")
        store.simulateCrash()
        t = Date()
        store = try StoreFixtures.open(config)
        print("bench: unclean open \(String(format: "%.2f", Date().timeIntervalSince(t))) s")
        store.close()
        try FileManager.default.removeItem(atPath: dir.store + "/consumequeue")
        try FileManager.default.removeItem(atPath: dir.store + "/index")
        t = Date()
        let cpu = Self.cpuSeconds()
        store = try StoreFixtures.open(config)
        let rebuild = Date().timeIntervalSince(t)
        let rebuildCPU = Self.cpuSeconds() - cpu
        print("bench: full rebuild of consume queues and index \(String(format: "%.2f", rebuild)) s "
            + "(\(String(format: "%.2f", rebuild / max(gib, 0.001))) s/GiB wall, "
            + "\(String(format: "%.2f", rebuildCPU / max(gib, 0.001))) s/GiB CPU), "
            + "\(store.recoveryReport.redispatchedRecords) records, RSS \(Self.rssMegabytes()) MB")
        #expect(store.recoveryReport.redispatchedRecords == n)
        store.close()
    }
}
