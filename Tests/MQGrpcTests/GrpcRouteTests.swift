import GRPCCore
import MQBroker
import MQProtocol
import MQTestSupport
import Testing

@testable import MQGrpc

/// QueryRoute over loopback with the generated Swift client (design pop-grpc.md §4.5, §4.7).
@Suite struct GrpcRouteTests {
    @Test func routeOfATypedTopicNamesTheEndpointAndTheAcceptedTypes() async throws {
        try await GrpcBroker.with { broker in
            try broker.createTopic("G_FIFO", read: 4, write: 4, type: .fifo)
            try broker.createTopic("G_MIXED", read: 2, write: 2, type: .mixed)
            try broker.createTopic("G_UNTYPED", read: 3, write: 1)
            let port = broker.grpcPort
            let (fifo, mixed, untyped, echoed) = try await broker.withClient { client in
                var request = Apache_Rocketmq_V2_QueryRouteRequest()
                request.topic = topicResource("G_FIFO")
                let fifo = try await client.queryRoute(request, metadata: clientMetadata())
                request.topic = topicResource("G_MIXED")
                let mixed = try await client.queryRoute(request, metadata: clientMetadata())
                request.topic = topicResource("G_UNTYPED")
                let untyped = try await client.queryRoute(request, metadata: clientMetadata())
                // The access point the client dialled comes back as the broker's endpoints.
                var address = Apache_Rocketmq_V2_Address()
                address.host = "localhost"
                address.port = Int32(port)
                request.endpoints.scheme = .domainName
                request.endpoints.addresses = [address]
                let echoed = try await client.queryRoute(request, metadata: clientMetadata())
                return (fifo, mixed, untyped, echoed)
            }
            #expect(fifo.status.code == .ok)
            #expect(fifo.messageQueues.map(\.id) == [0, 1, 2, 3])
            for queue in fifo.messageQueues {
                #expect(queue.topic.name == "G_FIFO")
                #expect(queue.permission == .readWrite)
                #expect(queue.broker.id == 0)
                #expect(queue.broker.name == broker.core.config.brokerName)
                #expect(queue.broker.endpoints.scheme == .ipv4)
                #expect(queue.broker.endpoints.addresses.map(\.host) == ["127.0.0.1"])
                #expect(queue.broker.endpoints.addresses.map(\.port) == [Int32(port)])
                #expect(queue.acceptMessageTypes == [.fifo])
            }
            #expect(mixed.messageQueues.first?.acceptMessageTypes == [.normal, .fifo, .delay, .transaction])
            // No message.type attribute: NORMAL, as Apache reads it. Queue 0 reads and writes, 1 and 2 only read.
            #expect(untyped.messageQueues.map(\.acceptMessageTypes) == Array(repeating: [.normal], count: 3))
            #expect(untyped.messageQueues.map(\.permission) == [.readWrite, .read, .read])
            #expect(echoed.messageQueues.first?.broker.endpoints.addresses.first?.host == "localhost")
            #expect(echoed.messageQueues.first?.broker.endpoints.scheme == .domainName)
        }
    }

    @Test func unknownTopicIsTopicNotFound() async throws {
        try await GrpcBroker.with { broker in
            let response = try await broker.withClient { client in
                var request = Apache_Rocketmq_V2_QueryRouteRequest()
                request.topic = topicResource("G_NO_SUCH_TOPIC")
                return try await client.queryRoute(request, metadata: clientMetadata())
            }
            #expect(response.status.code == .topicNotFound)
            #expect(response.status.code.rawValue == 40402)
            #expect(response.status.message.contains("G_NO_SUCH_TOPIC"))
            #expect(response.messageQueues.isEmpty)
            let empty = try await broker.withClient { client in
                try await client.queryRoute(Apache_Rocketmq_V2_QueryRouteRequest(), metadata: clientMetadata())
            }
            #expect(empty.status.code == .illegalTopic)
        }
    }

    @Test func unservedRpcsAnswerAStatusNotATransportError() async throws {
        try await GrpcBroker.with { broker in
            let (pull, update) = try await broker.withClient { client in
                let pull = try await client.getOffset(Apache_Rocketmq_V2_GetOffsetRequest(), metadata: clientMetadata())
                let update = try await client.updateOffset(
                    Apache_Rocketmq_V2_UpdateOffsetRequest(), metadata: clientMetadata())
                return (pull, update)
            }
            #expect(pull.status.code == .unsupported)
            #expect(update.status.code.rawValue == 50500)
        }
    }
}
