import Foundation
import MQProtocol
import MQTestSupport
import Testing

@testable import MQBroker
@testable import MQGrpc

/// What an operator sees of RocketMQ 5 gRPC clients (design pop-grpc.md §4.9, §4.10 step 5): the official Python
/// 5.1.2 Producer, SimpleConsumer and PushConsumer as the built `mqadmin` lists them, and the backlog of the
/// SimpleConsumer's POP group while it holds messages unacked and after it acked them.
@Suite struct GrpcPythonAdminTests {
    struct Held: Decodable {
        var sent: [String]
        var acked: [String]
        var held: [String]
    }

    static let sent = 10
    static let acked = 4
    static let held = 3

    @Test(.timeLimit(.minutes(3))) func mqadminListsPythonClientsAndTheBacklogOfWhatTheyConsumed() async throws {
        try await GrpcBroker.with { broker in
            try broker.createTopic("PY_ADMIN")
            try broker.createTopic("PY_ADMIN_PUSH")
            let arguments = [
                "inflight", broker.grpcAddress, "PY_ADMIN", "py-admin-simple", "PY_ADMIN_PUSH", "py-admin-push",
                String(Self.sent), String(Self.acked), String(Self.held), "STOP_FILE",
            ]
            let peer = try PythonV5Peer(broker, arguments, name: "inflight")
            defer { peer.kill() }
            let held = try await peer.event("held", as: Held.self, timeout: .seconds(60))
            #expect(held.sent.count == Self.sent && held.acked.count == Self.acked && held.held.count == Self.held)
            let mqadmin = MQAdminRunner(
                nameServer: broker.server.nameServerAddress, home: broker.directory.sub("home"))

            // Both consumers, each as a gRPC client of its kind.
            let simple = try describe(mqadmin, "py-admin-simple")
            try expectPythonGrpcMember(simple)
            #expect(simple["consumeType"] as? String == "CONSUME_ACTIVELY")
            let push = try describe(mqadmin, "py-admin-push")
            try expectPythonGrpcMember(push)
            #expect(push["consumeType"] as? String == "CONSUME_PASSIVELY")
            let table = try mqadmin.run(["group", "describe", "py-admin-simple"])
            #expect(table.status == 0, "\(table.stderr)")
            #expect(table.stdout.contains("PYTHON") && table.stdout.contains("V5_1_2 (gRPC)"), "\(table.stdout)")

            // GET_CONSUMER_RUNNING_INFO has no v5 counterpart: the member fails at once, in one line, exit 4.
            let status = try mqadmin.run(["group", "status", "py-admin-push"])
            #expect(status.status == 4, "\(status.stdout)\(status.stderr)")
            #expect(status.stderr == "mqadmin: 1 of 1 members did not answer\n")
            #expect(status.stdout.contains("not supported for gRPC (RocketMQ 5) clients"), "\(status.stdout)")

            // The producer, listed under its topic (a v5 producer has no group).
            let producers = try mqadmin.json(["producer", "list"])
            #expect(producers.result.status == 0, "\(producers.result.stderr)")
            let rows = (producers.value as? [String: Any])?["producers"] as? [[String: Any]] ?? []
            let producer = try #require(rows.first { $0["group"] as? String == "PY_ADMIN" }, "\(rows)")
            #expect(producer["language"] as? String == "PYTHON")
            #expect(producer["version"] as? String == "V5_1_2")
            #expect(producer["versionCode"] as? Int == 437)
            #expect(producer["protocol"] as? String == "GRPC_V2")
            #expect(producer["clientVersion"] as? String == "5.1.2")
            let listed = try mqadmin.run(["producer", "describe", "PY_ADMIN"])
            #expect(listed.status == 0 && listed.stdout.contains("V5_1_2 (gRPC)"), "\(listed.stdout)\(listed.stderr)")

            // 10 sent, 4 acked, 3 received and held: 6 to consume, 3 of them in flight.
            try expectBacklog(mqadmin, lag: Int64(Self.sent - Self.acked), inflight: Int64(Self.held))

            _ = FileManager.default.createFile(atPath: peer.stop + ".ack", contents: nil)
            _ = try await peer.event("acked", as: [String: String].self)
            try await waitUntil("the held messages' acks") { broker.core.popState.withLockedValue { $0.count } == 0 }
            // The 3 that were never received are still to consume; nothing in flight.
            try expectBacklog(mqadmin, lag: Int64(Self.sent - Self.acked - Self.held), inflight: 0)
            #expect(try await peer.finish() == 0, "\(peer.lines.joined(separator: "\n"))")
        }
    }

    /// `group describe GROUP -o json`, parsed.
    func describe(_ mqadmin: MQAdminRunner, _ group: String) throws -> [String: Any] {
        let (result, value) = try mqadmin.json(["group", "describe", group])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(value as? [String: Any], "\(result.stdout)")
    }

    func expectPythonGrpcMember(_ view: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let members = view["members"] as? [[String: Any]] ?? []
        #expect(members.count == 1, "\(members)", sourceLocation: sourceLocation)
        let member = try #require(members.first, sourceLocation: sourceLocation)
        #expect(member["language"] as? String == "PYTHON", sourceLocation: sourceLocation)
        #expect(member["version"] as? String == "V5_1_2", sourceLocation: sourceLocation)
        #expect(member["versionCode"] as? Int == 437, sourceLocation: sourceLocation)
        #expect(member["protocol"] as? String == "GRPC_V2", sourceLocation: sourceLocation)
        #expect(member["clientVersion"] as? String == "5.1.2", sourceLocation: sourceLocation)
    }

    /// `backlog report` and `group describe` agree on the SimpleConsumer group's lag and in-flight count.
    func expectBacklog(
        _ mqadmin: MQAdminRunner, lag: Int64, inflight: Int64, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let report = try mqadmin.json(["backlog", "report", "-g", "py-admin-simple", "-t", "PY_ADMIN", "--window", "0"])
        #expect(report.result.status == 0, "\(report.result.stderr)", sourceLocation: sourceLocation)
        let rows = (report.value as? [String: Any])?["rows"] as? [[String: Any]] ?? []
        #expect(rows.count == 1, "\(report.result.stdout)", sourceLocation: sourceLocation)
        #expect((rows.first?["lag"] as? NSNumber)?.int64Value == lag, "\(rows)", sourceLocation: sourceLocation)
        #expect(
            (rows.first?["inflight"] as? NSNumber)?.int64Value == inflight, "\(rows)", sourceLocation: sourceLocation)
        let metrics = try mqadmin.run(
            ["backlog", "report", "-g", "py-admin-simple", "-t", "PY_ADMIN", "--window", "0", "-o", "prometheus"])
        let inflightLine = metrics.stdout.split(separator: "\n").first {
            $0.hasPrefix("rocketmq_consumer_inflight_messages{") && $0.contains("group=\"py-admin-simple\"")
        }
        #expect(inflightLine?.hasSuffix(" \(inflight)") == true, "\(metrics.stdout)", sourceLocation: sourceLocation)
        let described = try describe(mqadmin, "py-admin-simple")
        let topics = described["topics"] as? [[String: Any]] ?? []
        let topic = try #require(topics.first { $0["topic"] as? String == "PY_ADMIN" }, sourceLocation: sourceLocation)
        #expect((topic["lag"] as? NSNumber)?.int64Value == lag, "\(topic)", sourceLocation: sourceLocation)
        #expect((topic["inflight"] as? NSNumber)?.int64Value == inflight, "\(topic)", sourceLocation: sourceLocation)
    }
}
