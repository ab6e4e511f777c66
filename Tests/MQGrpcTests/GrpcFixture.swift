import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import Logging
import MQBroker
import MQProtocol
import MQTestSupport
import NIOPosix

@testable import MQGrpc

typealias V2Service = Apache_Rocketmq_V2_MessagingService
typealias V2Client = Apache_Rocketmq_V2_MessagingService.Client<HTTP2ClientTransport.Posix>

/// A bundled name server and broker with the gRPC endpoint (what `broker start --grpc-listen 127.0.0.1:0` runs),
/// every port chosen by the OS, and the generated Swift client of MessagingService.
struct GrpcBroker: Sendable {
    static let adminUser = "grpc-admin"
    static let adminPassword = "grpc-admin-secret"

    let server: MQServer
    let group: MultiThreadedEventLoopGroup
    let endpoint: GrpcEndpoint
    let directory: TempDirectory

    var core: BrokerCore { server.controller!.core }
    var grpcAddress: String { server.frontEndAddresses["grpc"]! }
    var grpcPort: Int { HostPort(grpcAddress)!.port }

    static func with<T>(
        isolation: isolated (any Actor)? = #isolation, auth: Bool = false, renew: GrpcRenewPolicy = .init(),
        configure: (inout BrokerConfig) -> Void = { _ in }, _ body: (GrpcBroker) async throws -> T
    ) async throws -> T {
        let dir = try TempDirectory("grpc")
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        var logger = Logger(label: "grpc-test")
        logger.logLevel = .error
        var options = ServerOptions(dataDirectory: dir.sub("data"))
        options.nameServerListen = "127.0.0.1:0"
        options.brokerListen = "127.0.0.1:0"
        if auth {
            options.broker.auth = AuthSettings(
                enabled: true, initialAdmin: InitialUser(username: adminUser, password: adminPassword))
        }
        configure(&options.broker)
        let endpoint = GrpcEndpoint(
            host: "127.0.0.1", port: 0, group: group, maxMessageSize: options.broker.store.maxMessageSize,
            logger: logger, renew: renew)
        options.frontEnds = [endpoint]
        let broker = GrpcBroker(
            server: MQServer(options: options, group: group, logger: logger), group: group, endpoint: endpoint,
            directory: dir)
        return try await withTeardown {
            try await broker.server.start()
            return try await body(broker)
        } teardown: {
            await broker.server.stop()
            try? await group.shutdownGracefully()
            dir.remove()
        }
    }

    /// Runs `body` with a generated client connected to the endpoint.
    func withClient<T: Sendable>(_ body: @Sendable (V2Client) async throws -> T) async throws -> T {
        try await withGRPCClient(
            transport: .http2NIOPosix(
                target: .ipv4(address: "127.0.0.1", port: grpcPort), transportSecurity: .plaintext)
        ) { client in
            try await body(V2Client(wrapping: client))
        }
    }

    /// Creates (or replaces) a topic on the broker, with `message.type` when given.
    func createTopic(
        _ name: String, read: Int32 = 4, write: Int32 = 4, perm: Int32 = 6, type: TopicMessageType? = nil
    ) throws {
        var attributes: [String: String] = [:]
        if let type { attributes[TopicMessageType.attribute] = type.rawValue }
        let config = TopicConfig(
            topicName: name, readQueueNums: read, writeQueueNums: write, perm: perm, attributes: attributes)
        _ = try core.topics.update(config)
    }
}

/// The metadata a v5 client sends (design pop-grpc.md §1.0), signed with `user`'s password when given, else with
/// empty credentials as the Python client does without any.
func clientMetadata(
    clientId: String = "test-host@1@0@grpc", user: (name: String, password: String)? = nil,
    dateTime: String = "20261204T120000Z", signature: String? = nil
) -> Metadata {
    var metadata: Metadata = [
        "x-mq-language": "PYTHON", "x-mq-protocol": "GRPC_V2", "x-mq-client-version": "5.1.2",
        "x-mq-date-time": .string(dateTime), "x-mq-client-id": .string(clientId), "x-mq-namespace": "",
    ]
    let name = user?.name ?? ""
    let sign = signature ?? GrpcSignature.signature(dateTime: dateTime, secret: user?.password ?? "")
    metadata.addString(
        "MQv2-HMAC-SHA1 Credential=\(name), SignedHeaders=x-mq-date-time, Signature=\(sign)", forKey: "authorization")
    return metadata
}

func topicResource(_ name: String) -> Apache_Rocketmq_V2_Resource {
    var r = Apache_Rocketmq_V2_Resource()
    r.name = name
    return r
}

/// The settings a Python producer (publishing `topics`) or push consumer (`group`, subscribing `topics`) writes.
func clientSettings(producerOf topics: [String]) -> Apache_Rocketmq_V2_Settings {
    var settings = Apache_Rocketmq_V2_Settings()
    settings.clientType = .producer
    var publishing = Apache_Rocketmq_V2_Publishing()
    publishing.topics = topics.map(topicResource)
    settings.publishing = publishing
    return settings
}

func clientSettings(pushConsumer group: String, topics: [String]) -> Apache_Rocketmq_V2_Settings {
    var settings = Apache_Rocketmq_V2_Settings()
    settings.clientType = .pushConsumer
    var subscription = Apache_Rocketmq_V2_Subscription()
    subscription.group = topicResource(group)
    subscription.subscriptions = topics.map { topic in
        var entry = Apache_Rocketmq_V2_SubscriptionEntry()
        entry.topic = topicResource(topic)
        entry.expression.type = .tag
        entry.expression.expression = "*"
        return entry
    }
    settings.subscription = subscription
    return settings
}

extension V2Client {
    /// Opens Telemetry, writes `settings`, and returns the server's first reply (the stream then closes).
    func exchangeSettings(_ settings: Apache_Rocketmq_V2_Settings, metadata: Metadata) async throws
        -> Apache_Rocketmq_V2_TelemetryCommand?
    {
        var settingsCommand = Apache_Rocketmq_V2_TelemetryCommand()
        settingsCommand.settings = settings
        let command = settingsCommand
        let (replies, continuation) = AsyncStream.makeStream(of: Apache_Rocketmq_V2_TelemetryCommand.self)
        return try await telemetry(
            metadata: metadata,
            requestProducer: { writer in
                try await writer.write(command)
                // Keep the client's side open until the reply came, as a real client keeps its stream.
                for await _ in replies { break }
            },
            onResponse: { response in
                var first: Apache_Rocketmq_V2_TelemetryCommand?
                for try await reply in response.messages {
                    first = reply
                    continuation.yield(reply)
                    break
                }
                continuation.finish()
                return first
            })
    }
}
