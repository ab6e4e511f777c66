import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// Completion as an operator meets it: bash, zsh and fish, each through its own completion machinery
/// (CompletionShells), with the committed scripts and the built binary.
@Suite(.serialized) struct ShellCompletionTests {
    /// Offers of `line` once the background refresh has filled the cache (the first Tab on a target may
    /// come back empty: completion never waits on a target for long).
    func completeOnceFilled(
        _ shell: CompletionShells, _ line: String, home: String, environment: [String: String] = [:],
        expecting expected: [String]
    ) async throws {
        var offered: [String] = []
        try await waitUntil(
            "\(shell) offers \(expected) for `\(line)`", timeout: .seconds(30), poll: .milliseconds(100)
        ) {
            offered = try shell.complete(line, home: home, environment: environment).sorted()
            return offered == expected
        }
        #expect(offered == expected, "\(shell) `\(line)`")
    }

    @Test func subcommandsCompleteWithTargetOptionsBeforeThem() throws {
        let dir = try TempDirectory("completion-commands")
        defer { dir.remove() }
        for shell in CompletionShells.allCases {
            let home = dir.sub("home-\(shell)")
            let top = try shell.complete("mqadmin top", home: home)
            #expect(Set(top) == ["topic", "topicList", "topicStatus", "topicRoute", "topicClusterList"], "\(shell)")
            #expect(try shell.complete("mqadmin topic de", home: home).sorted() == ["delete", "describe"], "\(shell)")
            #expect(try shell.complete("mqadmin topic describe --ti", home: home) == ["--timeout"], "\(shell)")
            // Target options before the subcommand: still the subcommands, never the options' values taken
            // for a command.
            #expect(Set(try shell.complete("mqadmin -n 127.0.0.1:1 top", home: home)) == Set(top), "\(shell)")
            let afterTarget = try shell.complete("mqadmin -n 127.0.0.1:1 ", home: home)
            #expect(afterTarget.contains("topic") && afterTarget.contains("group"), "\(shell): \(afterTarget)")
            #expect(
                try shell.complete("mqadmin --data \(dir.path) --timeout 500 topic de", home: home).sorted()
                    == ["delete", "describe"], "\(shell)")
            #expect(
                try shell.complete("mqadmin --namesrv=127.0.0.1:1 topic de", home: home).sorted()
                    == ["delete", "describe"], "\(shell)")
        }
    }

    /// Two bundled stores: each `--data` (before or after the subcommand, or MQADMIN_DATA) gives its own
    /// names, system names stay hidden until their prefix is typed, and each target has its own cache file.
    @Test func bundledStoresGiveTheirOwnNames() async throws {
        let dir = try TempDirectory("completion-stores")
        defer { dir.remove() }
        let storeA = dir.sub("a")
        let storeB = dir.sub("b")
        try await seedStore(storeA, topics: ["OrdersA", "PaymentsA"], groups: ["billingA", "CID_RMQ_SYS_probe"])
        try await seedStore(storeB, topics: ["OrdersB"], groups: ["billingB"])
        for shell in CompletionShells.allCases {
            let home = dir.sub("home-\(shell)")
            try await completeOnceFilled(
                shell, "mqadmin topic describe --data \(storeA) ", home: home, expecting: ["OrdersA", "PaymentsA"])
            try await completeOnceFilled(
                shell, "mqadmin --data \(storeB) topic describe ", home: home, expecting: ["OrdersB"])
            try await completeOnceFilled(
                shell, "mqadmin topic describe ", home: home, environment: ["MQADMIN_DATA": storeB],
                expecting: ["OrdersB"])
            // Hidden as `topic list` and `group list` hide them, offered once their prefix is typed.
            let schedule = try shell.complete("mqadmin topic describe --data \(storeA) SCH", home: home)
            #expect(schedule == ["SCHEDULE_TOPIC_XXXX"], "\(shell)")
            #expect(
                try shell.complete("mqadmin --data \(storeA) topic route Default", home: home) == ["DefaultCluster"],
                "\(shell)")
            let groupsA = try shell.complete("mqadmin group describe --data \(storeA) ", home: home)
            #expect(groupsA == ["billingA"], "\(shell)")
            #expect(
                try shell.complete("mqadmin group describe --data \(storeA) CID", home: home) == ["CID_RMQ_SYS_probe"],
                "\(shell)")
            let groupsB = try shell.complete("mqadmin --data \(storeB) group describe bill", home: home)
            #expect(groupsB == ["billingB"], "\(shell)")

            let cache = home + "/.mqadmin/cache"
            let files = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".json") }
            #expect(files.count == 2 && files.allSatisfy { $0.hasPrefix("names-") }, "\(shell): \(files)")
            #expect(try permissions(cache) == 0o700)
            for file in files { #expect(try permissions(cache + "/" + file) == 0o600, "\(file)") }
        }
    }

    /// `--context NAME` (or MQADMIN_CONTEXT) naming no saved context offers nothing, never the names of the
    /// default store beside it (a saved one shares its cluster's names: clusterNamesWithTheNameServerAnywhere).
    @Test func aContextNeverGetsAnotherTargetsNames() async throws {
        let dir = try TempDirectory("completion-context")
        defer { dir.remove() }
        let home = dir.sub("home")
        try await seedStore(home + "/.mqadmin/data", topics: ["DefaultStoreTopic"], groups: [])
        for shell in CompletionShells.allCases {
            try await completeOnceFilled(shell, "mqadmin topic describe ", home: home, expecting: ["DefaultStoreTopic"])
            #expect(try shell.complete("mqadmin --context prod topic describe ", home: home) == [], "\(shell)")
            #expect(try shell.complete("mqadmin topic describe --context=prod D", home: home) == [], "\(shell)")
            let viaEnvironment = try shell.complete(
                "mqadmin topic describe ", home: home, environment: ["MQADMIN_CONTEXT": "prod"])
            #expect(viaEnvironment == [], "\(shell)")
        }
    }

    /// A cluster over TCP: `-n` before or after the subcommand, or NAMESRV_ADDR.
    @Test func clusterNamesWithTheNameServerAnywhere() async throws {
        try await withCluster { cluster in
            let client = cluster.client()
            for name in ["Orders", "OrdersArchive", "Payments"] {
                try await client.createTopic(
                    TopicConfig(topicName: name, readQueueNums: 1, writeQueueNums: 1),
                    broker: cluster.brokers[0].brokerAddress!)
            }
            try await waitUntil("the route of Payments", poll: .milliseconds(50)) {
                (try? await client.route(topic: "Payments", refresh: true)) != nil
            }
            await client.shutdown()
            let dir = try TempDirectory("completion-cluster")
            defer { dir.remove() }
            let ns = cluster.nameServerAddress
            for shell in CompletionShells.allCases {
                let home = dir.sub("home-\(shell)")
                try await completeOnceFilled(
                    shell, "mqadmin -n \(ns) topic describe Ord", home: home, expecting: ["Orders", "OrdersArchive"])
                #expect(
                    try shell.complete("mqadmin topic describe -n \(ns) Ord", home: home).sorted()
                        == ["Orders", "OrdersArchive"], "\(shell)")
                let status = try shell.complete("mqadmin topicStatus -n \(ns) -t Pay", home: home)
                #expect(status == ["Payments"], "\(shell)")
                #expect(
                    try shell.complete("mqadmin topic describe P", home: home, environment: ["NAMESRV_ADDR": ns])
                        == ["Payments"], "\(shell)")
                let all = try shell.complete("mqadmin --namesrv \(ns) topic describe ", home: home)
                #expect(all.sorted() == ["Orders", "OrdersArchive", "Payments"], "\(shell): \(all)")
                // A context naming this cluster shares its names: --context anywhere, or MQADMIN_CONTEXT.
                let contexts = #"{"contexts":[{"name":"ops","nameServers":["\#(ns)"],"readOnly":true}]}"#
                #expect(
                    FileManager.default.createFile(
                        atPath: home + "/.mqadmin/contexts.json", contents: Data(contexts.utf8),
                        attributes: [.posixPermissions: 0o600]))
                #expect(
                    try shell.complete("mqadmin --context ops topic describe Pay", home: home) == ["Payments"],
                    "\(shell)")
                #expect(
                    try shell.complete("mqadmin topic describe --context ops Pay", home: home) == ["Payments"],
                    "\(shell)")
                let viaEnvironment = try shell.complete(
                    "mqadmin topic describe Pay", home: home, environment: ["MQADMIN_CONTEXT": "ops"])
                #expect(viaEnvironment == ["Payments"], "\(shell)")
            }
        }
    }

    /// A running bundled broker (`mqadmin broker start`): its names, read from it while it runs.
    @Test func runningBundledBrokerGivesItsNames() async throws {
        let dir = try TempDirectory("completion-running")
        defer { dir.remove() }
        let data = dir.sub("data")
        try await withBrokerProcess(dataDirectory: data) { _ in
            let created = try runCommand(TestPaths.mqadmin, ["topic", "create", "LiveTopic", "--data", data])
            #expect(created.status == 0, "\(created.stderr)")
            for shell in CompletionShells.allCases {
                try await completeOnceFilled(
                    shell, "mqadmin --data \(data) topic describe Li", home: dir.sub("home-\(shell)"),
                    expecting: ["LiveTopic"])
            }
        }
    }

    /// Warm cache: the answer comes from it well within 150 ms. Stale cache: the old names at once, the new
    /// ones after the background refresh.
    @Test func answersFromCacheAndRefreshesInTheBackground() async throws {
        let dir = try TempDirectory("completion-cache")
        defer { dir.remove() }
        let store = dir.sub("store")
        try await seedStore(store, topics: ["Early"], groups: [])
        let home = dir.sub("home")
        try await completeOnceFilled(.bash, "mqadmin topic describe --data \(store) ", home: home, expecting: ["Early"])

        let helper = ["---completion", "topic", "describe", "--", "positional@0", "5", "0"]
            + ["mqadmin", "topic", "describe", "--data", store, ""]
        var times: [Duration] = []
        for _ in 0..<5 {
            let start = ContinuousClock.now
            let r = try runCommand(
                TestPaths.mqadmin, helper, environment: ["HOME": home], unset: CompletionShells.unset)
            times.append(ContinuousClock.now - start)
            #expect(r.status == 0 && r.stdout.split(separator: "\n") == ["Early"], "\(r.stdout) \(r.stderr)")
        }
        let median = times.sorted()[2]
        print("completion from a warm cache: median \(median) over 5 runs of the built binary (\(times))")
        #expect(median < .milliseconds(150), "median \(median)")

        // Make the cache stale, add a topic: the next Tab answers the old names at once and refreshes.
        let created = try runCommand(TestPaths.mqadmin, ["topic", "create", "Late", "--data", store])
        #expect(created.status == 0, "\(created.stderr)")
        let cacheDir = home + "/.mqadmin/cache"
        let file = try #require(
            try FileManager.default.contentsOfDirectory(atPath: cacheDir).first { $0.hasSuffix(".json") })
        var json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: cacheDir + "/" + file)))
                as? [String: Any])
        json["fetchedAt"] = 0
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: cacheDir + "/" + file))
        #expect(try CompletionShells.bash.complete("mqadmin topic describe --data \(store) ", home: home) == ["Early"])
        try await completeOnceFilled(
            .bash, "mqadmin topic describe --data \(store) ", home: home, expecting: ["Early", "Late"])
    }

    /// No cache and a dead name server: nothing, quickly, and never ArgumentParser's text.
    @Test func deadNameServerAnswersNothingQuickly() async throws {
        let dir = try TempDirectory("completion-dead")
        defer { dir.remove() }
        for shell in CompletionShells.allCases {
            let start = ContinuousClock.now
            let words = try shell.complete("mqadmin topic describe -n 127.0.0.1:1 Ord", home: dir.sub("home-\(shell)"))
            #expect(words.isEmpty, "\(shell): \(words)")
            // Loose: a shell's own start-up is slow on a loaded machine; the tight bound is on the binary below.
            #expect(ContinuousClock.now - start < .seconds(25), "\(shell)")
        }
        // The completion helper itself never waits for the name-server fetch (3 s timeout) in the foreground.
        let start = ContinuousClock.now
        let dead = try runCommand(
            TestPaths.mqadmin, ["---completion", "topic", "describe", "--", "positional@0", "5", "3"]
                + ["mqadmin", "topic", "describe", "-n", "127.0.0.1:1", "Ord"],
            environment: ["HOME": dir.sub("home-direct")], unset: CompletionShells.unset)
        let took = ContinuousClock.now - start
        #expect(dead.status == 0 && dead.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
            "\(dead.status) \(dead.stdout) \(dead.stderr)")
        #expect(took < .seconds(3), "the helper took \(took)")
        // Bundled mode with no store anywhere: nothing, exit 0, nothing on stderr, no cache made.
        let home = dir.sub("home-none")
        let r = try runCommand(
            TestPaths.mqadmin, ["---completion", "topic", "describe", "--", "positional@0", "3", "2"]
                + ["mqadmin", "topic", "describe", "Or"],
            environment: ["HOME": home], unset: CompletionShells.unset)
        #expect(r.status == 0 && r.stderr.isEmpty && r.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
            "\(r.status) \(r.stdout) \(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: home + "/.mqadmin/cache/names.json"))
    }

    /// A bundled store with these topics and groups, made the way an operator would (the built binary).
    func seedStore(_ data: String, topics: [String], groups: [String]) async throws {
        try await seedBundledStore(data)
        for topic in topics {
            let r = try runCommand(TestPaths.mqadmin, ["topic", "create", topic, "--data", data])
            #expect(r.status == 0, "topic create \(topic): \(r.stderr)")
        }
        for group in groups {
            let r = try runCommand(TestPaths.mqadmin, ["group", "create", group, "--data", data])
            #expect(r.status == 0, "group create \(group): \(r.stderr)")
        }
    }

    func permissions(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}
