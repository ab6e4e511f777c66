import Foundation
import MQTestSupport
import Testing

/// How the built binary picks its target with no `-n`/NAMESRV_ADDR: a bundled broker only when one runs on the
/// data directory or the directory holds a store; otherwise one refusal line, exit 4, and nothing created.
@Suite(.serialized) struct TargetSelectionTests {
    /// Every path under `root`, relative, sorted: what a command left behind.
    static func tree(_ root: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: root) else { return [] }
        return e.compactMap { $0 as? String }.sorted()
    }

    @Test func noTargetRefusesWithOneLineAndCreatesNothing() async throws {
        let home = try TempDirectory("no-target")
        defer { home.remove() }
        let cli = MQAdminRunner(home: home.path)
        for args in [["backlog", "report"], ["topic", "list", "-o", "json"], ["topic", "create", "T"],
            ["group", "delete", "G"], ["cluster", "list"]]
        {
            let r = try await runOffPool(cli, args)
            let lines = r.stderr.split(separator: "\n")
            #expect(r.status == 4, "\(args): \(r.status) \(r.stderr)")
            #expect(lines.count == 1, "\(args): \(r.stderr)")
            #expect(r.stderr.contains("-n ADDR") && r.stderr.contains("NAMESRV_ADDR"), "\(args): \(r.stderr)")
            #expect(r.stderr.contains("mqadmin demo") && r.stderr.contains("mqadmin broker start"))
            if args.contains("json") {  // the error as a document too (docs/json-output.md)
                #expect(r.stdout.contains("\"code\" : \"unreachable\""), "\(args): stdout \(r.stdout)")
            } else {
                #expect(r.stdout.isEmpty, "\(args): a refused command printed \(r.stdout)")
            }
            #expect(Self.tree(home.path).isEmpty, "\(args) created \(Self.tree(home.path))")
        }
        // An explicit --data naming a directory with no store is refused the same way, and not created.
        let explicit = try await runOffPool(cli, ["--data", home.sub("elsewhere"), "backlog", "report"])
        #expect(explicit.status == 4 && explicit.stderr.contains("no bundled broker store"))
        #expect(Self.tree(home.path).isEmpty)
    }

    @Test func successfulReadsCreateNothing() async throws {
        let dir = try TempDirectory("read-target")
        defer { dir.remove() }
        try FileManager.default.createDirectory(atPath: dir.sub("home"), withIntermediateDirectories: true)
        // Opened twice, the store has every file it keeps (checkpoints and their .bak written on the second
        // close); on it the read runs and adds nothing to the store or HOME.
        try await seedBundledStore(dir.sub("data"))
        try await seedBundledStore(dir.sub("data"))
        let before = Self.tree(dir.path)
        let local = MQAdminRunner(dataDirectory: dir.sub("data"), home: dir.sub("home"))
        let report = try await runOffPool(local, ["backlog", "report"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(Self.tree(dir.path) == before)

        // Through a running broker and through -n: HOME stays empty (no ~/.mqadmin/data appears).
        try await withBrokerProcess(dataDirectory: dir.sub("running")) { broker in
            let viaLock = MQAdminRunner(dataDirectory: dir.sub("running"), home: dir.sub("home"))
            let listed = try await runOffPool(viaLock, ["topic", "list"])
            #expect(listed.status == 0, "\(listed.stderr)")
            let viaNameServer = MQAdminRunner(nameServer: broker.nameServer, home: dir.sub("home"))
            let clusters = try await runOffPool(viaNameServer, ["cluster", "list"])
            #expect(clusters.status == 0, "\(clusters.stderr)")
        }
        #expect(Self.tree(dir.sub("home")).isEmpty, "a read wrote \(Self.tree(dir.sub("home")))")
    }
}

/// Every report names its target through the one report layer: a `Target:` last line under tables, a `target`
/// object in top-level JSON objects; classic layouts stay byte-compatible (in-process runner).
@Suite(.serialized) struct ReportTargetTests {
    @Test func tablesAndJSONNameTheClusterTheyRead() async throws {
        try await withCluster(brokers: 1) { cluster in
            let dir = try TempDirectory("report-target")
            defer { dir.remove() }
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress, home: dir.path)
            let table = try await cli.run(["cluster", "list"])
            #expect(table.status == 0, "\(table.stderr)")
            let last = table.stdout.split(separator: "\n").last.map(String.init) ?? ""
            #expect(last.hasPrefix("Target: name server \(cluster.nameServerAddress), cluster "), "\(table.stdout)")

            let json = try await cli.run(["topic", "list", "-o", "json"])
            let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
            let target = object?["target"] as? [String: Any]
            #expect(target?["nameServers"] as? [String] == [cluster.nameServerAddress], "\(json.stdout)")
            #expect(target?["dataDirectory"] is NSNull)
            #expect((target?["clusters"] as? [String])?.isEmpty == false)
            #expect(object?["topics"] != nil, "the documented fields stay")

            let classic = try await cli.run(["clusterList"])
            #expect(classic.status == 0 && !classic.stdout.contains("Target:"), "\(classic.stdout)")
            let classicJSON = try await cli.run(["topicList", "--output", "json"])
            #expect(!classicJSON.stdout.contains("\"target\""), "\(classicJSON.stdout)")
        }
    }

    @Test func bundledReportsNameTheDataDirectory() async throws {
        let dir = try TempDirectory("report-bundled")
        defer { dir.remove() }
        try await seedBundledStore(dir.sub("data"))
        let cli = InProcessRunner(dataDirectory: dir.sub("data"), home: dir.path)
        let report = try await cli.run(["backlog", "report"])
        #expect(report.status == 0, "\(report.stderr)")
        let last = report.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("Target: bundled ~/data, cluster "), "\(report.stdout)")
        let json = try await cli.run(["backlog", "report", "-o", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let target = object?["target"] as? [String: Any]
        #expect(target?["dataDirectory"] as? String == dir.sub("data"), "\(json.stdout)")
        #expect(target?["nameServers"] is NSNull)
    }
}
