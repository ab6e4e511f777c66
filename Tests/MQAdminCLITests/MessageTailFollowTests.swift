import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// `message tail --follow` through the built binary: a message shows within 1 s of its send, a broker that goes
/// away is reported and the others still followed, and SIGTERM or SIGINT ends it cleanly (exit 0, the JSON summary
/// last). Nothing is committed.
@Suite(.serialized) struct MessageTailFollowTests {
    struct TailRun {
        let process: Process
        let stdout: PipeText
        let stderr: PipeText

        init(_ arguments: [String], home: String) throws {
            process = Process()
            process.executableURL = URL(fileURLWithPath: TestPaths.mqadmin)
            process.arguments = arguments
            process.environment = ProcessInfo.processInfo.environment.merging(["HOME": home]) { $1 }
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            stdout = PipeText(out.fileHandleForReading)
            stderr = PipeText(err.fileHandleForReading)
        }

        var lines: [[String: Any]] {
            stdout.text.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        }

        func stop(_ signal: Int32, _ what: String) async throws {
            kill(process.processIdentifier, signal)
            try await waitForExit(of: process, what, timeout: .seconds(20))
            try await waitUntil("the end of \(what)'s output") { stdout.ended }
        }

        func killIfRunning() {
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func followPrintsAMessageWithinASecondAndExitsZeroOnASignal(signal: Int32) async throws {
        try await withCluster(brokers: 2) { cluster in
            try await MessageFixtures.createTopic(cluster, "Tail", queues: 2)
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            try await cli.run(["message", "send", "Tail", "old one"])
            let home = try TempDirectory("tail-follow")
            defer { home.remove() }
            let run = try TailRun(
                ["message", "tail", "Tail", "--follow", "--tag", "live", "-o", "json", "-n", cluster.nameServerAddress],
                home: home.path)
            try await withTeardown {
                try await waitUntil("tail to follow the topic's queues", timeout: .seconds(20)) {
                    run.stderr.text.contains("following 4 queue(s) of Tail")
                }
                var latencies: [Duration] = []
                for (i, broker) in ["broker-a", "broker-b", "broker-a"].enumerated() {
                    let sentAt = ContinuousClock.now
                    let sent = try await cli.run(
                        ["message", "send", "Tail", "live \(i)", "--tag", "live", "--broker", broker, "-o", "json"])
                    let id = try #require(MessageFixtures.object(sent)["msgId"] as? String)
                    try await waitUntil("the message's line", timeout: .seconds(5), poll: .milliseconds(5)) {
                        run.lines.contains { $0["msgId"] as? String == id }
                    }
                    latencies.append(ContinuousClock.now - sentAt)
                    // Not its tag: never printed.
                    try await cli.run(["message", "send", "Tail", "other \(i)", "--tag", "other", "--broker", broker])
                }
                #expect(latencies.allSatisfy { $0 < .seconds(1) }, "latencies \(latencies)")
                // A broker going away is said once per queue on stderr; the others are still followed.
                await cluster.brokers[1].stop()
                try await waitUntil("tail to say broker-b's queues fail", timeout: .seconds(20)) {
                    run.stderr.text.components(separatedBy: "mqadmin: broker-b/").count == 3
                }
                let after = try await cli.run(
                    ["message", "send", "Tail", "live 3", "--tag", "live", "--broker", "broker-a", "-o", "json"])
                let afterId = try #require(MessageFixtures.object(after)["msgId"] as? String)
                try await waitUntil("the message sent after broker-b stopped") {
                    run.lines.contains { $0["msgId"] as? String == afterId }
                }
                #expect(run.stderr.text.components(separatedBy: "mqadmin: broker-b/").count == 3)
                #expect(run.process.isRunning)
                try await run.stop(signal, "message tail --follow")
            } teardown: {
                run.killIfRunning()
            }
            #expect(run.process.terminationStatus == 0, "\(run.stderr.text)")
            let lines = run.lines
            #expect(MessageBrowseTests.bodies(Array(lines.dropLast())) == ["live 0", "live 1", "live 2", "live 3"])
            #expect(lines.last?["count"] as? Int == 4 && lines.last?["followed"] as? Bool == true)
            // It read as TOOLS_CONSUMER and committed nothing.
            let client = cluster.client()
            try await withTeardown {
                for broker in ["broker-a"] {
                    for queue in Int32(0)..<2 {
                        let mq = MessageQueue(topic: "Tail", brokerName: broker, queueId: queue)
                        let committed = try await client.queryConsumerOffset(group: "TOOLS_CONSUMER", queue: mq)
                        #expect(committed == nil)
                    }
                }
            } teardown: {
                await client.shutdown()
            }
        }
    }
}
