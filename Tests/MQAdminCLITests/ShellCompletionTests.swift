import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// The generated bash completion, exercised the way bash calls it: COMP_WORDS/COMP_CWORD and the function.
@Suite(.serialized) struct ShellCompletionTests {
    /// Runs `_mqadmin` in a bash subprocess for the words typed so far (the last one being completed).
    func complete(_ words: [String], home: String) throws -> [String] {
        let quoted = ([TestPaths.mqadmin] + words).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let script = """
            source '\(TestPaths.packageRoot)/completions/mqadmin.bash'
            COMP_WORDS=(\(quoted.joined(separator: " ")))
            COMP_CWORD=\(words.count)
            COMP_LINE="${COMP_WORDS[*]}"
            COMP_POINT=${#COMP_LINE}
            # bash passes the command, the word being completed and the word before it.
            _mqadmin mqadmin "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let r = try runCommand("/bin/bash", ["-c", script], environment: ["HOME": home], unset: ["NAMESRV_ADDR"])
        #expect(r.status == 0, "bash: \(r.stderr)")
        return r.stdout.split(separator: "\n").map(String.init)
    }

    @Test func subcommandsOptionsAndLiveTopicNamesComplete() async throws {
        try await withCluster { cluster in
            let dir = try TempDirectory("completion")
            defer { dir.remove() }
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
            let home = dir.sub("home")
            let ns = cluster.nameServerAddress

            #expect(try complete(["top"], home: home).contains("topic"))
            #expect(try complete(["topic", "de"], home: home).sorted() == ["delete", "describe"])
            #expect(try complete(["topic", "describe", "--ti"], home: home) == ["--timeout"])
            // Live names come from the cluster named on the line, through the hidden, time-bounded helper.
            #expect(
                try complete(["topic", "describe", "-n", ns, "Ord"], home: home).sorted()
                    == ["Orders", "OrdersArchive"])
            #expect(try complete(["topicStatus", "-n", ns, "-t", "Pay"], home: home) == ["Payments"])
            // The names are cached, so completing again works without the cluster too.
            #expect(FileManager.default.fileExists(atPath: home + "/.mqadmin/cache/names.json"))
        }
    }

    /// Bundled mode (no -n, no NAMESRV_ADDR): the names come from the running bundled broker, if any. With
    /// none, completion offers nothing, and never ArgumentParser's internal text on the command line.
    @Test func bundledModeCompletesWithoutInternalText() async throws {
        let dir = try TempDirectory("completion-bundled")
        defer { dir.remove() }
        let home = dir.sub("home")
        let lines = [["topic", "describe", "Ord"], ["topicStatus", "-t", "Pay"], ["group", "describe", "--data", dir.path, "g"]]
        for words in lines {
            let offered = try complete(words, home: home)
            #expect(offered.allSatisfy { $0.isEmpty }, "\(words): \(offered)")
        }
        // The helper the script calls, directly: exit 0 and nothing but names.
        let r = try runCommand(
            TestPaths.mqadmin, ["---completion", "topic", "describe", "--", "positional@0", "0", "2", "Or"],
            environment: ["HOME": home], unset: ["NAMESRV_ADDR", "MQADMIN_DATA"])
        #expect(r.status == 0 && r.stderr.isEmpty && r.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
            "\(r.status) \(r.stdout) \(r.stderr)")
    }

    @Test func completionNeverHangsOnADeadNameServer() async throws {
        let dir = try TempDirectory("completion-dead")
        defer { dir.remove() }
        let start = ContinuousClock.now
        let words = try complete(["topic", "describe", "-n", "127.0.0.1:1", "Ord"], home: dir.sub("home"))
        #expect(words.isEmpty || words == [""])
        #expect(ContinuousClock.now - start < .seconds(3))
    }
}
