import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import MQProtocol
import SwiftProtobuf

/// The calls a v5 Producer and SimpleConsumer make, over one HTTP/2 connection to an endpoint, for mqbench's gRPC
/// figures beside remoting (docs/performance.md). Public so the benchmark program can drive the endpoint while the
/// generated stubs stay internal to this module; every request is built per call, as a real client builds it.
public struct GrpcBenchClient: Sendable {
    typealias Stub = Apache_Rocketmq_V2_MessagingService.Client<HTTP2ClientTransport.Posix>
    let stub: Stub
    let metadata: Metadata

    /// A received message: what its ack needs.
    public struct Receipt: Sendable {
        public var messageId: String
        public var handle: String
        public var bodyBytes: Int
    }

    /// Runs `body` with a client connected to `host:port` (plaintext), identified as `clientId`.
    public static func with<T: Sendable>(
        host: String, port: Int, clientId: String, _ body: @Sendable (GrpcBenchClient) async throws -> T
    ) async throws -> T {
        try await withGRPCClient(
            transport: .http2NIOPosix(target: .ipv4(address: host, port: port), transportSecurity: .plaintext)
        ) { client in
            try await body(GrpcBenchClient(stub: Stub(wrapping: client), metadata: Self.metadata(clientId)))
        }
    }

    /// The headers the Python client sends without credentials (design pop-grpc.md §1.0).
    static func metadata(_ clientId: String) -> Metadata {
        let dateTime = "20261204T120000Z"
        var metadata: Metadata = [
            "x-mq-language": "PYTHON", "x-mq-protocol": "GRPC_V2", "x-mq-client-version": "5.1.2",
            "x-mq-date-time": .string(dateTime), "x-mq-client-id": .string(clientId), "x-mq-namespace": "",
        ]
        let signature = GrpcSignature.signature(dateTime: dateTime, secret: "")
        metadata.addString(
            "MQv2-HMAC-SHA1 Credential=, SignedHeaders=x-mq-date-time, Signature=\(signature)", forKey: "authorization")
        return metadata
    }

    /// SendMessage of one NORMAL message; true when the broker stored it.
    public func send(topic: String, body: Data, messageId: String, tag: String = "bench") async throws -> Bool {
        var message = Apache_Rocketmq_V2_Message()
        message.topic.name = topic
        message.body = body
        message.systemProperties.messageID = messageId
        message.systemProperties.messageType = .normal
        message.systemProperties.tag = tag
        message.systemProperties.bornTimestamp = Google_Protobuf_Timestamp(date: Date())
        message.systemProperties.bornHost = "127.0.0.1"
        message.systemProperties.bodyEncoding = .identity
        var request = Apache_Rocketmq_V2_SendMessageRequest()
        request.messages = [message]
        let response = try await stub.sendMessage(request, metadata: metadata)
        return response.status.code == .ok
    }

    /// Telemetry: announces a SimpleConsumer of `group` subscribing `topics` (ReceiveMessage refuses a client
    /// whose settings the endpoint has not seen); true when the endpoint answered with its settings.
    public func announceSimpleConsumer(group: String, topics: [String]) async throws -> Bool {
        var command = Apache_Rocketmq_V2_TelemetryCommand()
        command.settings.clientType = .simpleConsumer
        command.settings.subscription.group.name = group
        command.settings.subscription.subscriptions = topics.map { topic in
            var entry = Apache_Rocketmq_V2_SubscriptionEntry()
            entry.topic.name = topic
            entry.expression.type = .tag
            entry.expression.expression = "*"
            return entry
        }
        let settings = command
        let (replies, continuation) = AsyncStream.makeStream(of: Bool.self)
        return try await stub.telemetry(
            metadata: metadata,
            requestProducer: { writer in
                try await writer.write(settings)
                // A real client keeps its side open; close it only once the reply came.
                for await _ in replies { break }
            },
            onResponse: { response in
                var ok = false
                for try await reply in response.messages {
                    ok = reply.status.code == .ok
                    break
                }
                continuation.yield(ok)
                continuation.finish()
                return ok
            })
    }

    /// ReceiveMessage of up to `batch` messages of `topic` (every queue, as the endpoint pops them all); an empty
    /// answer after the long poll (at least the endpoint's 5 s) is an empty array.
    public func receive(
        topic: String, group: String, batch: Int32, invisibleMillis: Int64 = 60_000, pollMillis: Int64 = 5_000
    ) async throws -> [Receipt] {
        var request = Apache_Rocketmq_V2_ReceiveMessageRequest()
        request.group.name = group
        request.messageQueue.topic.name = topic
        request.filterExpression.type = .tag
        request.filterExpression.expression = "*"
        request.batchSize = batch
        request.invisibleDuration = Google_Protobuf_Duration(millis: invisibleMillis)
        request.longPollingTimeout = Google_Protobuf_Duration(millis: pollMillis)
        return try await stub.receiveMessage(request, metadata: metadata) { response in
            var receipts: [Receipt] = []
            for try await item in response.messages {
                guard case .message(let m) = item.content else { continue }
                receipts.append(
                    Receipt(
                        messageId: m.systemProperties.messageID, handle: m.systemProperties.receiptHandle,
                        bodyBytes: m.body.count))
            }
            return receipts
        }
    }

    /// AckMessage of `receipts` in one call; returns how many entries the broker acked.
    public func ack(topic: String, group: String, _ receipts: [Receipt]) async throws -> Int {
        var request = Apache_Rocketmq_V2_AckMessageRequest()
        request.group.name = group
        request.topic.name = topic
        request.entries = receipts.map { r in
            var entry = Apache_Rocketmq_V2_AckMessageEntry()
            entry.messageID = r.messageId
            entry.receiptHandle = r.handle
            return entry
        }
        let response = try await stub.ackMessage(request, metadata: metadata)
        return response.entries.filter { $0.status.code == .ok }.count
    }
}
