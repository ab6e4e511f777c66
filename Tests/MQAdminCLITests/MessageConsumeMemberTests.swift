import Foundation
import Synchronization
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// `mqadmin message consume` as a member of its group, through the built binary: it heartbeats (group describe and
/// consumerConnection list it), shares the queues with other members by rebalance, prints each message as it
/// arrives, and on SIGINT commits what it printed, leaves the group and exits 0.
@Suite(.serialized) struct MessageConsumeMemberTests {
    /// A `message consume ... --follow -o json` process with its output read as it comes.
    struct FollowRun {
        let process: Process
        let stdout: PipeText
        let stderr: PipeText

        init(_ nameServer: String, _ topic: String, group: String, home: String) throws {
            process = Process()
            process.executableURL = URL(fileURLWithPath: TestPaths.mqadmin)
            process.arguments = ["message", "consume", topic, "-g", group, "--follow", "-o", "json", "-n", nameServer]
            process.environment = ProcessInfo.processInfo.environment.merging(["HOME": home]) { $1 }
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            stdout = PipeText(out.fileHandleForReading)
            stderr = PipeText(err.fileHandleForReading)
        }

        /// The JSON lines printed so far.
        var lines: [[String: Any]] {
            stdout.text.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        }

        var messageIds: [String] { lines.compactMap { $0["offsetMsgId"] as? String } }

        /// (queues owned, members) from its last "owns N queue(s) ... M member(s)" note.
        var share: (queues: Int, members: Int)? {
            guard let last = stderr.text.split(separator: "\n").last(where: { $0.contains(" owns ") }) else {
                return nil
            }
            let owned = last.components(separatedBy: " owns ").last?.split(separator: " ").first.flatMap { Int($0) }
            let members = last.components(separatedBy: " member(s)").first?.split(separator: " ").last
                .flatMap { Int($0) }
            guard let owned, let members else { return nil }
            return (owned, members)
        }

        func interrupt(_ what: String) async throws {
            kill(process.processIdentifier, SIGINT)
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

    @Test func followIsAMemberPrintsAsMessagesArriveAndLeavesOnSIGINT() async throws {
        try await withCluster(brokers: 1) { cluster in
            try await MessageFixtures.createTopic(cluster, "Follow", queues: 4)
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            let home = try TempDirectory("consume-follow")
            defer { home.remove() }
            let run = try FollowRun(cluster.nameServerAddress, "Follow", group: "cg-follow", home: home.path)
            try await withTeardown {
                try await waitUntil("the consume run to own the topic's queues", timeout: .seconds(20)) {
                    run.share?.queues == 4
                }
                // A member: group describe and consumerConnection see it.
                let described = MessageFixtures.object(try await cli.json(["group", "describe", "cg-follow"]).result)
                let members = described["members"] as? [[String: Any]] ?? []
                #expect(described["online"] as? Bool == true && members.count == 1)
                let memberId = members.first?["clientId"] as? String ?? ""
                #expect(memberId.hasPrefix("mqadmin@") && memberId.hasSuffix("@\(run.process.processIdentifier)"))
                let connection = try await cli.run(["consumerConnection", "-g", "cg-follow"])
                #expect(connection.status == 0 && connection.stdout.contains(memberId), "\(connection.stdout)")
                // Joining a group with a live member is legitimate; moving its offsets is not.
                let moving = try await cli.run(
                    ["message", "consume", "Follow", "-g", "cg-follow", "--from", "earliest"])
                #expect(moving.status == 1)
                MessageFixtures.expectOneErrorLine(moving, contains: "would move their committed offsets")

                // Printed as it arrives, while the run goes on.
                let sent = MessageFixtures.object(try await cli.json(["message", "send", "Follow", "live 1"]).result)
                let id = try #require(sent["offsetMsgId"] as? String)
                try await waitUntil("the message's line on stdout", timeout: .seconds(20)) { run.messageIds == [id] }
                // Committed while it runs (every 5 s), so a kill -9 now would not deliver it again.
                let queueId = try #require(sent["queueId"] as? Int)
                let offset = try #require(sent["queueOffset"] as? Int)
                let client = cluster.client()
                try await withTeardown {
                    try await waitUntil("the periodic commit of the printed message", timeout: .seconds(20)) {
                        let states = (try? await client.offsetStates(group: "cg-follow", topic: "Follow")) ?? []
                        return states.first { $0.queue.queueId == Int32(queueId) }?.committed == Int64(offset + 1)
                    }
                } teardown: {
                    await client.shutdown()
                }
                #expect(run.process.isRunning)
                try await run.interrupt("message consume --follow")
            } teardown: {
                run.killIfRunning()
            }
            #expect(run.process.terminationStatus == 0, "\(run.stderr.text)")
            let summary = try #require(run.lines.last)
            #expect(summary["ended"] as? String == "interrupted" && summary["count"] as? Int == 1)
            #expect((summary["commits"] as? [Any])?.count == 1)
            // It left the group, and committed what it printed: nothing is left for the group.
            let after = MessageFixtures.object(try await cli.json(["group", "describe", "cg-follow"]).result)
            #expect((after["members"] as? [Any])?.isEmpty == true && after["online"] as? Bool == false)
            let rest = MessageFixtures.consumed(
                try await cli.json(["message", "consume", "Follow", "-g", "cg-follow"]).result)
            #expect(rest["count"] as? Int == 0)
        }
    }

    @Test func tableRowsStreamUnderOneHeaderAndCommitsOnlyWhatWasPrinted() async throws {
        try await withCluster(brokers: 1) { cluster in
            try await MessageFixtures.createTopic(cluster, "Rows", queues: 2)
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            for i in 0..<10 { try await cli.run(["message", "send", "Rows", "row \(i)"]) }
            // Both queues' pulls bring 3 messages each: 3 are printed, the other 3 are neither printed nor committed.
            let r = try await cli.run(["message", "consume", "Rows", "-g", "cg-rows", "-c", "3"])
            #expect(r.status == 0, "\(r.stderr)")
            let lines = r.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("BROKER      QUEUE    OFFSET  MSG ID") == true)
            let rows = lines.filter { $0.hasPrefix("broker-a ") }
            #expect(rows.count == 3)
            #expect(lines.contains { $0.hasPrefix("committed: broker-a/") })
            #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
            let printed = Set(
                rows.compactMap { row in
                    row.range(of: #"row \d+$"#, options: .regularExpression).map { String(row[$0]) }
                })
            let rest = MessageFixtures.consumed(
                try await cli.json(["message", "consume", "Rows", "-g", "cg-rows", "-c", "20"]).result)
            let later = Set((rest["messages"] as? [[String: Any]] ?? []).compactMap {
                ($0["body"] as? [String: Any])?["data"] as? String
            })
            #expect(printed.count == 3 && later.count == 7 && printed.isDisjoint(with: later))
            #expect(printed.union(later) == Set((0..<10).map { "row \($0)" }))
            #expect(rest["ended"] as? String == "idle")
        }
    }

    @Test func twoRunsShareTheQueuesAndNeverGetTheSameMessage() async throws {
        try await withCluster(brokers: 2) { cluster in
            try await MessageFixtures.createTopic(cluster, "Shared", queues: 4)
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            let home = try TempDirectory("consume-two")
            defer { home.remove() }
            let a = try FollowRun(cluster.nameServerAddress, "Shared", group: "cg-two", home: home.path)
            let b = try FollowRun(cluster.nameServerAddress, "Shared", group: "cg-two", home: home.path)
            let n = 40
            try await withTeardown {
                // Rebalanced: both count two members and own disjoint halves of the 8 queues.
                try await waitUntil("both runs to share the queues", timeout: .seconds(30)) {
                    guard let x = a.share, let y = b.share else { return false }
                    return x.members == 2 && y.members == 2 && x.queues + y.queues == 8
                }
                for i in 0..<n { try await cli.run(["message", "send", "Shared", "m\(i)"]) }
                try await waitUntil("every message to be printed by one of them", timeout: .seconds(30)) {
                    a.messageIds.count + b.messageIds.count >= n
                }
                try await a.interrupt("the first consume run")
                try await b.interrupt("the second consume run")
            } teardown: {
                a.killIfRunning()
                b.killIfRunning()
            }
            #expect(a.process.terminationStatus == 0 && b.process.terminationStatus == 0)
            let (x, y) = (Set(a.messageIds), Set(b.messageIds))
            #expect(x.count == a.messageIds.count && y.count == b.messageIds.count)
            #expect(x.union(y).count == n)
            #expect(x.isDisjoint(with: y))
            #expect(!x.isEmpty && !y.isEmpty)
        }
    }

    @Test func aRunSharesTheQueuesWithAnApplicationConsumer() async throws {
        try await withCluster(brokers: 1) { cluster in
            try await MessageFixtures.createTopic(cluster, "App", queues: 4)
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            let appClient = cluster.client()
            let app = PushConsumer(group: "cg-app", client: appClient, consumeFromWhere: .firstOffset)
            cluster.onStop {
                await app.shutdown()
                await appClient.shutdown()
            }
            let appSeen = Mutex<[String]>([])
            await app.subscribe("App")
            try await app.start { messages, _ in
                appSeen.withLock { $0 += messages.map(\.offsetMsgId) }
                return .success
            }
            let home = try TempDirectory("consume-app")
            defer { home.remove() }
            // Joining a group with an online consumer is legitimate: the queues are shared, not raced for.
            let run = try FollowRun(cluster.nameServerAddress, "App", group: "cg-app", home: home.path)
            try await withTeardown {
                try await waitUntil("the run and the application consumer to split the queues", timeout: .seconds(30)) {
                    let mine = run.share
                    let theirs = await app.assignedQueues.filter { $0.topic == "App" }.count
                    return mine?.members == 2 && mine?.queues == 2 && theirs == 2
                }
                for i in 0..<20 { try await cli.run(["message", "send", "App", "a\(i)"]) }
                try await waitUntil("every message to reach one of them", timeout: .seconds(30)) {
                    run.messageIds.count + appSeen.withLock { $0.count } >= 20
                }
                try await run.interrupt("message consume --follow beside an application consumer")
            } teardown: {
                run.killIfRunning()
            }
            #expect(run.process.terminationStatus == 0)
            let (mine, theirs) = (Set(run.messageIds), Set(appSeen.withLock { $0 }))
            #expect(mine.union(theirs).count == 20 && mine.isDisjoint(with: theirs))
            #expect(!mine.isEmpty && !theirs.isEmpty)
        }
    }
}
