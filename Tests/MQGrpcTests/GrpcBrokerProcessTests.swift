import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import MQBroker
import MQProtocol
import MQTestSupport
import Testing

@testable import MQGrpc

/// The built `mqadmin broker start --grpc-listen 127.0.0.1:0`: the endpoint is published in the lock file, serves
/// routes for the broker's topics, and the broker stops cleanly on SIGTERM with a client connected.
@Suite struct GrpcBrokerProcessTests {
    @Test func brokerStartServesTheEndpointItPublishes() async throws {
        let dir = try TempDirectory("grpc-process")
        defer { dir.remove() }
        try await withBrokerProcess(dataDirectory: dir.sub("data"), arguments: ["--grpc-listen", "127.0.0.1:0"]) {
            broker in
            let address = try #require(broker.info?.grpc.flatMap(HostPort.init))
            #expect(address.host == "127.0.0.1" && address.port > 0)
            let route = try await withGRPCClient(
                transport: .http2NIOPosix(
                    target: .ipv4(address: address.host, port: address.port), transportSecurity: .plaintext)
            ) { grpc in
                var request = Apache_Rocketmq_V2_QueryRouteRequest()
                // TBW102, the auto-creation template, exists on every broker.
                request.topic = topicResource("TBW102")
                return try await V2Client(wrapping: grpc).queryRoute(request, metadata: clientMetadata())
            }
            #expect(route.status.code == .ok)
            #expect(!route.messageQueues.isEmpty)
            #expect(route.messageQueues.allSatisfy { $0.broker.endpoints.addresses.first?.port == Int32(address.port) })
        }
    }

    struct Received: Decodable {
        var sent: [String]
        var received: [String]
        var attempts: [Int]
        var bodies: [String]
        var acked: [String]
        var extra: [String]
    }

    /// Issue 19, acceptance: the official Python SimpleConsumer receives 3 messages (3 s invisible) and acks 1; the
    /// broker stops gracefully and starts again on its data dir: a new consumer gets the 2 unacked ones again
    /// (delivery attempt 2) and not the acked one; the broker is then killed (-9) with those 2 in flight, and after the
    /// next start a third consumer gets them once more (attempt 3), acks them, and nothing else comes. Each broker
    /// life has its own gRPC port (chosen by the OS): each consumer is a new client given the current one.
    @Test(.timeLimit(.minutes(3))) func unackedMessagesComeBackOverGrpcAfterRestartAndKill() async throws {
        let dir = try TempDirectory("grpc-restart")
        defer { dir.remove() }
        let data = dir.sub("data")
        // The broker's minimum is Apache's 10 s; a 3 s invisible time keeps the test short.
        let arguments = ["--grpc-listen", "127.0.0.1:0", "--pop-min-invisible-time", "1s"]
        func consume(
            _ broker: BrokerProcess, _ name: String, send: Int, expect: Int, ack: Int
        ) async throws -> Received {
            let endpoint = try #require(broker.info?.grpc)
            let peer = try PythonV5Peer(
                in: dir, ["receive", endpoint, "GrpcRestart", "grpc-restart-g", "\(send)", "\(expect)", "\(ack)", "3"],
                name: name)
            defer { peer.kill() }
            let received = try await peer.event("consumed", as: Received.self, timeout: .seconds(60))
            try await waitForExit(of: peer.process, "the Python consumer \(name)", timeout: .seconds(30))
            #expect(peer.process.terminationStatus == 0, "\(peer.lines.joined(separator: "\n"))")
            return received
        }

        let first = try await withBrokerProcess(dataDirectory: data, arguments: arguments) { broker in
            let created = try MQAdminRunner(nameServer: broker.nameServer, home: dir.path).run(
                ["topic", "create", "GrpcRestart", "-r", "1", "-w", "1", "-b", broker.broker])
            #expect(created.status == 0, "\(created.stderr)")
            return try await consume(broker, "first", send: 3, expect: 3, ack: 1)
        }
        #expect(Set(first.received) == Set(first.sent) && first.received.count == 3, "\(first)")
        #expect(first.attempts == [1, 1, 1])
        #expect(first.acked.count == 1)
        let unacked = Set(first.sent).subtracting(first.acked)

        try await withBrokerProcess(dataDirectory: data, arguments: arguments) { broker in
            let second = try await consume(broker, "second", send: 0, expect: 2, ack: 0)
            #expect(Set(second.received) == unacked && second.received.count == 2, "\(second)")
            #expect(second.attempts == [2, 2])
            broker.crash()
        }

        try await withBrokerProcess(dataDirectory: data, arguments: arguments) { broker in
            let third = try await consume(broker, "third", send: 0, expect: 2, ack: 2)
            #expect(Set(third.received) == unacked && third.received.count == 2, "\(third)")
            #expect(third.attempts == [3, 3])
            #expect(third.extra.isEmpty, "the acked message, or one of these twice: \(third.extra)")
        }
    }
}
