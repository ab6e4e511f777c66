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
}
