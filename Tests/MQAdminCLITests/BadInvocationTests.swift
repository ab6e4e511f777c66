import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// Issue 9, CLI input: every bad invocation in `BadInvocationCases.swift` exits 2 with exactly one
/// stderr line naming the problem, prints nothing on stdout, and leaves a 2-broker cluster's topics,
/// groups, offsets, messages, users and ACLs exactly as they were.
@Suite(.serialized) struct BadInvocationTests {
    /// Invocations in flight at once (processes in the embedded test), on a 2-core machine.
    static let parallelism = 4

    @Test func badInvocationsExitTwoWithOneLineAndChangeNothing() async throws {
        #expect(Self.cases.count >= 100)
        try await withCluster(brokers: 2) { cluster in
            let scratch = try TempDirectory("bad-invocation")
            defer { scratch.remove() }
            let client = cluster.client()
            let runner = InProcessRunner(
                nameServer: cluster.nameServerAddress, dataDirectory: scratch.sub("data"), home: scratch.path)
            try Self.writeScratchFiles(scratch)
            try await Self.seed(runner)

            let before = try await Self.snapshot(client, cluster: cluster, runner: runner)
            // In-process: the cases are about parsing and validation, which run the same either way.
            let brokerStart = InProcessRunner(home: scratch.path)
            let results = try await Self.runAll(Self.cases, scratch: scratch) { args in
                try await (args.starts(with: ["broker", "start"]) ? brokerStart : runner).run(args)
            }
            for (c, r) in zip(Self.cases, results) { Self.check(c, r) }
            let after = try await Self.snapshot(client, cluster: cluster, runner: runner)
            #expect(before == after, "the brokers changed: \(Self.difference(before, after))")
        }
    }

    /// The same contract on the embedded default (no -n), as real processes: a usage error exits 2 with
    /// one stderr line, starts no broker and writes no data directory.
    @Test func badInvocationsOnTheEmbeddedDefaultTouchNoDataDirectory() async throws {
        let scratch = try TempDirectory("bad-invocation-embedded")
        defer { scratch.remove() }
        try Self.writeScratchFiles(scratch)
        let runner = MQAdminRunner(dataDirectory: scratch.sub("data"), home: scratch.path)
        // Every other case refused while parsing (the others need the fixture's topic and group; every
        // other one keeps the run short).
        let parseLevel = Self.cases.filter { !$0.args.contains("T1") && !$0.args.contains("G1") }
            .enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        #expect(parseLevel.count >= 30)
        let brokerStart = MQAdminRunner(home: scratch.path)
        let results = try await Self.runAll(parseLevel, scratch: scratch) { args in
            try await runOffPool(args.starts(with: ["broker", "start"]) ? brokerStart : runner, args)
        }
        for (c, r) in zip(parseLevel, results) { Self.check(c, r) }
        #expect(!FileManager.default.fileExists(atPath: scratch.sub("data")), "a usage error created the data dir")
    }

    static func check(_ c: Case, _ r: CommandResult) {
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        #expect(r.status == 2, "\(c): exit \(r.status), stderr \(r.stderr)")
        #expect(lines.count == 1, "\(c): \(lines.count) stderr lines: \(r.stderr)")
        #expect(lines.first?.hasPrefix("mqadmin: ") == true, "\(c): \(r.stderr)")
        #expect(r.stderr.contains(c.says), "\(c): stderr does not name \(c.says): \(r.stderr)")
        #expect(r.stdout.isEmpty, "\(c): stdout \(r.stdout)")
    }

    /// Runs every case with `run`, `parallelism` at a time; results in case order.
    static func runAll(
        _ cases: [Case], scratch: TempDirectory, run: @escaping @Sendable ([String]) async throws -> CommandResult
    ) async throws -> [CommandResult] {
        try await withThrowingTaskGroup(of: (Int, CommandResult).self) { tasks in
            var results = [CommandResult?](repeating: nil, count: cases.count)
            var next = 0
            func add() {
                let index = next
                let args = cases[index].args.map { $0.replacingOccurrences(of: "$DIR", with: scratch.path) }
                // `broker start` takes no -n: `run` runs it as the embedded default would be.
                tasks.addTask { (index, try await run(args)) }
                next += 1
            }
            while next < min(parallelism, cases.count) { add() }
            while let (index, result) = try await tasks.next() {
                results[index] = result
                if next < cases.count { add() }
            }
            return results.map { $0! }
        }
    }

    static func writeScratchFiles(_ scratch: TempDirectory) throws {
        try "pw-from-file\n".write(toFile: scratch.sub("pw"), atomically: true, encoding: .utf8)
        try "body\n".write(toFile: scratch.sub("x"), atomically: true, encoding: .utf8)
        try "{}\n".write(toFile: scratch.sub("x.json"), atomically: true, encoding: .utf8)
    }

    /// Topic T1 and group G1 on both brokers, a few messages, and committed offsets for G1.
    static func seed(_ runner: InProcessRunner) async throws {
        for args in [
            ["topic", "create", "T1", "-r", "2", "-w", "2"], ["group", "create", "G1"],
            ["message", "send", "T1", "one", "--key", "k1"], ["message", "send", "T1", "two", "--key", "k1"],
            ["message", "consume", "T1", "-g", "G1", "-c", "1", "--from", "earliest"],
        ] {
            let r = try await runner.run(args)
            try #require(r.status == 0, "seeding \(args): \(r.stderr)")
        }
    }

    /// What a bad invocation must not change: each broker's topic and group configs (with their data
    /// versions), every queue's min/max offset and G1's (and would-be groups') committed offsets,
    /// users and ACLs.
    static func snapshot(_ client: MQClientInstance, cluster: InProcessCluster, runner: InProcessRunner) async throws
        -> [String]
    {
        var lines: [String] = []
        for broker in cluster.brokers {
            let addr = broker.brokerAddress!
            let topics = try await client.topicConfigs(broker: addr)
            lines.append("\(addr) topics \(topics.dataVersion)")
            for (name, config) in topics.topicConfigTable.sorted(by: { $0.key < $1.key }) {
                lines.append("\(addr) topic \(name) \(config)")
            }
            for (name, config) in try await client.groupConfigs(broker: addr).sorted(by: { $0.key < $1.key }) {
                lines.append("\(addr) group \(name) \(config)")
            }
        }
        for group in ["G1", "G2", "Gnew"] {
            for s in try await client.offsetStates(group: group, topic: "T1") {
                let committed = s.committed.map(String.init) ?? "none"
                lines.append("\(group) \(s.queue) min \(s.minOffset) max \(s.maxOffset) committed \(committed)")
            }
        }
        for args in [["user", "list"], ["acl", "list"]] {
            let r = try await runner.run(args + ["-o", "json"])
            lines.append("\(args.joined(separator: " ")): \(r.status) \(r.stdout)")
        }
        return lines
    }

    static func difference(_ before: [String], _ after: [String]) -> String {
        let gone = before.filter { !after.contains($0) }
        let new = after.filter { !before.contains($0) }
        return "before only: \(gone); after only: \(new)"
    }
}
