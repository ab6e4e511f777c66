import Foundation
import MQClient
import MQTestSupport
import Testing

/// `cluster check` against a two-broker cluster: broker-a in process, broker-b a `broker start --role broker`
/// process that the test freezes and kills.
@Suite(.serialized) struct ClusterCheckTests {
    /// `-o json` output: its status and its rows keyed `check subject`.
    func parse(_ stdout: String) throws -> (status: String, rows: [String: [String: Any]]) {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        let checks = try #require(object["checks"] as? [[String: Any]])
        var rows: [String: [String: Any]] = [:]
        for c in checks { rows["\(c["check"] ?? "") \(c["subject"] ?? "")"] = c }
        return (try #require(object["status"] as? String), rows)
    }

    @Test func okThenWarningWhenDrainedThenCriticalWhenFrozenOrKilled() async throws {
        try await withCluster(brokers: 1) { cluster in
            let ns = cluster.nameServerAddress
            let dir = try TempDirectory("check-b")
            defer { dir.remove() }
            let args = ["--role", "broker", "--broker-name", "broker-b", "--namesrv", ns]
            try await withBrokerProcess(dataDirectory: dir.sub("data"), arguments: args) { b in
                let client = cluster.client()
                try await waitUntil("both brokers registered") {
                    (try? await client.clusterInfo())?.brokerAddrTable.count == 2
                }
                let cli = InProcessRunner(nameServer: ns)
                let expect = ["--expect-brokers", "broker-a,broker-b"]

                let ok = try await cli.run(["cluster", "check", "-o", "json"] + expect)
                #expect(ok.status == 0, "\(ok.stdout) \(ok.stderr)")
                let healthy = try parse(ok.stdout)
                #expect(healthy.status == "OK")
                for key in [
                    "namesrv \(ns)", "expected broker-b", "registered broker-a", "registered broker-b",
                    "agreement DefaultCluster", "reachable broker-a", "reachable broker-b", "writable broker-a",
                    "writable broker-b", "disk broker-a", "disk broker-b", "dispatch broker-a", "dispatch broker-b",
                ] {
                    #expect(healthy.rows[key]?["status"] as? String == "OK", "\(key): \(healthy.rows[key] ?? [:])")
                }
                let table = try await cli.run(["cluster", "check"])
                #expect(table.status == 0 && table.stdout.contains("Overall: OK ("), "\(table.stdout)")
                #expect(table.stdout.contains("CHECK") && table.stdout.contains("Target: "), "\(table.stdout)")

                // The probe: a round trip per master, on the topic named after it; nothing else is created.
                let probed = try parse(try await cli.run(["cluster", "check", "--probe", "-o", "json"]).stdout)
                for broker in ["broker-a", "broker-b"] {
                    let row = probed.rows["probe \(broker)"]
                    #expect(row?["status"] as? String == "OK", "\(row ?? [:])")
                    #expect((row?["latencyMillis"] as? Double ?? 0) > 0)
                }
                let prom = try await cli.run(["cluster", "check", "--probe", "-o", "prometheus"])
                #expect(prom.status == 0)
                let labels = "cluster=\"DefaultCluster\",namesrv=\"\(ns)\""
                let reachable = "mqadmin_cluster_check_status{\(labels),check=\"reachable\",subject=\"broker-b\"} 0"
                #expect(prom.stdout.contains(reachable), "\(prom.stdout)")
                #expect(prom.stdout.contains("mqadmin_cluster_check_overall_status{\(labels)} 0"), "\(prom.stdout)")
                let latency = "mqadmin_cluster_check_probe_latency_seconds{\(labels),broker=\"broker-a\"} "
                #expect(prom.stdout.contains(latency))
                let missing = try await cli.run(["cluster", "check", "--probe", "--probe-topic", "NoSuchTopic"])
                #expect(missing.status == 3, "\(missing.stdout)")
                #expect(missing.stdout.contains("not sent: topic NoSuchTopic does not exist"))

                // Drained: WARNING naming it, exit 1; undrained: OK again.
                #expect(try await cli.run(["broker", "drain", "broker-a"]).status == 0)
                let drained = try await cli.run(["cluster", "check"])
                #expect(drained.status == 1, "\(drained.stdout) \(drained.stderr)")
                #expect(drained.stdout.contains("broker-a is not writable (drained?)"), "\(drained.stdout)")
                #expect(drained.stdout.contains("Overall: WARNING") && drained.stderr.isEmpty)
                #expect(try await cli.run(["broker", "undrain", "broker-a"]).status == 0)
                #expect(try await cli.run(["cluster", "check"]).status == 0)

                // Frozen: still registered, not answering: CRITICAL, exit 2.
                b.signal(SIGSTOP)
                let frozen = try await cli.run(["cluster", "check", "-o", "json"])
                b.signal(SIGCONT)
                #expect(frozen.status == 2, "\(frozen.stdout) \(frozen.stderr)")
                let stuck = try parse(frozen.stdout)
                #expect(stuck.status == "CRITICAL")
                #expect(stuck.rows["reachable broker-b"]?["status"] as? String == "CRITICAL", "\(frozen.stdout)")
                #expect(stuck.rows["reachable broker-a"]?["status"] as? String == "OK", "\(frozen.stdout)")

                // Killed: the name server forgets it at once; the expectation makes that CRITICAL.
                b.crash()
                try await waitUntil("broker-b forgotten") {
                    (try? await client.clusterInfo())?.brokerAddrTable.count == 1
                }
                let killed = try await cli.run(["cluster", "check", "-o", "json"] + expect)
                #expect(killed.status == 2, "\(killed.stdout) \(killed.stderr)")
                let gone = try parse(killed.stdout)
                #expect(gone.rows["expected broker-b"]?["status"] as? String == "CRITICAL")
                #expect(gone.rows["expected broker-a"]?["status"] as? String == "OK")
            }
        }
    }

    @Test func deadNameServersAndBadInput() async throws {
        try await withCluster(brokers: 1) { cluster in
            let ns = cluster.nameServerAddress
            let cli = InProcessRunner(nameServer: ns)
            let dead = "127.0.0.1:1"
            let some = try await cli.run(["cluster", "check", "-n", "\(ns);\(dead)"])
            #expect(some.status == 1, "\(some.stdout) \(some.stderr)")
            #expect(some.stdout.contains(dead) && some.stdout.contains("does not answer"))
            let none = try await cli.run(["cluster", "check", "-n", dead, "-o", "json"])
            #expect(none.status == 2, "\(none.stdout) \(none.stderr)")
            #expect(try parse(none.stdout).rows["namesrv \(dead)"]?["status"] as? String == "CRITICAL")

            let bad = try await cli.run(["cluster", "check", "--probe", "--probe-warn", "soon"])
            #expect(bad.status == 2 && bad.stdout.isEmpty)
            #expect(bad.stderr.contains("--probe-warn \"soon\" is not a duration"), "\(bad.stderr)")
            let alone = try await cli.run(["cluster", "check", "--probe-topic", "T"])
            #expect(alone.status == 2 && alone.stderr.contains("add --probe"))
            let unknown = try await cli.run(["cluster", "check", "-c", "NoCluster"])
            #expect(unknown.status == 3 && unknown.stderr.contains("cluster NoCluster does not exist"))
        }
    }
}
