import GRPCCore
import MQBroker
import MQProtocol
import MQTestSupport
import Testing

@testable import MQGrpc

/// Telemetry settings, Heartbeat and NotifyClientTermination (design pop-grpc.md §2.1): what a producer and a push
/// consumer get back, and the client's registration in the broker's tables.
@Suite struct GrpcSettingsTests {
    @Test func producerSettingsReplyCarriesBodyLimitAndBackoff() async throws {
        try await GrpcBroker.with { broker in
            try broker.createTopic("S_TOPIC")
            let reply = try await broker.withClient { client in
                try await client.exchangeSettings(clientSettings(producerOf: ["S_TOPIC"]), metadata: clientMetadata())
            }
            let r = try #require(reply)
            #expect(r.status.code == .ok)
            #expect(r.settings.publishing.maxBodySize == Int32(broker.core.config.store.maxMessageSize))
            #expect(r.settings.publishing.validateMessageType)
            #expect(r.settings.publishing.topics.map(\.name) == ["S_TOPIC"])
            #expect(r.settings.backoffPolicy.maxAttempts == 3)
            #expect(r.settings.backoffPolicy.exponentialBackoff.initial.nanos == 10_000_000)
            #expect(r.settings.backoffPolicy.exponentialBackoff.max.seconds == 1)
            #expect(r.settings.backoffPolicy.exponentialBackoff.multiplier == 2)
            #expect(r.settings.hasMetric && !r.settings.metric.on)
        }
    }

    @Test func consumerSettingsMergeTheGroupAndRegisterUntilTermination() async throws {
        try await GrpcBroker.with { broker in
            try broker.createTopic("S_TOPIC")
            var group = SubscriptionGroupConfig(groupName: "S_GROUP")
            group.consumeMessageOrderly = true
            group.retryMaxTimes = 3
            try broker.core.groups.update(group)
            let id = "consumer-host@42@0@abc"
            let metadata = clientMetadata(clientId: id)
            let (earlyBeat, reply, beat) = try await broker.withClient { client in
                var heartbeat = Apache_Rocketmq_V2_HeartbeatRequest()
                heartbeat.clientType = .pushConsumer
                heartbeat.group = topicResource("S_GROUP")
                let earlyBeat = try await client.heartbeat(heartbeat, metadata: metadata)
                let reply = try await client.exchangeSettings(
                    clientSettings(pushConsumer: "S_GROUP", topics: ["S_TOPIC"]), metadata: metadata)
                let beat = try await client.heartbeat(heartbeat, metadata: metadata)
                return (earlyBeat, reply, beat)
            }
            // Before any settings the client is unknown (Apache's proxy answers the same).
            #expect(earlyBeat.status.code == .unrecognizedClientType)
            let r = try #require(reply)
            #expect(r.status.code == .ok)
            #expect(r.settings.subscription.fifo)
            #expect(r.settings.subscription.receiveBatchSize == 32)
            #expect(r.settings.subscription.longPollingTimeout.seconds == 20)
            #expect(r.settings.backoffPolicy.maxAttempts == 4)
            #expect(r.settings.backoffPolicy.customizedBackoff.next.map(\.seconds).prefix(4) == [1, 5, 10, 30])
            #expect(r.settings.backoffPolicy.customizedBackoff.next.count == 18)
            #expect(beat.status.code == .ok)
            let info = try #require(broker.core.consumers.group("S_GROUP"))
            #expect(info.clientIds == [id])
            #expect(info.consumeType == .consumePassively)
            #expect(info.subscriptions["S_TOPIC"] != nil)
            let channel = try #require(info.channels.values.first)
            #expect(channel.language.name == "PYTHON")
            #expect(channel.version == 437)  // V5_1_2

            let bye = try await broker.withClient { client in
                var request = Apache_Rocketmq_V2_NotifyClientTerminationRequest()
                request.group = topicResource("S_GROUP")
                return try await client.notifyClientTermination(request, metadata: metadata)
            }
            #expect(bye.status.code == .ok)
            #expect(broker.core.consumers.group("S_GROUP")?.channels.isEmpty ?? true)
        }
    }

    @Test func settingsOfANewGroupGetTheDefaults() async throws {
        try await GrpcBroker.with { broker in
            try broker.createTopic("S_TOPIC")
            let reply = try await broker.withClient { client in
                try await client.exchangeSettings(
                    clientSettings(pushConsumer: "S_NEW_GROUP", topics: ["S_TOPIC"]), metadata: clientMetadata())
            }
            let r = try #require(reply)
            #expect(r.status.code == .ok)
            #expect(!r.settings.subscription.fifo)
            #expect(r.settings.backoffPolicy.maxAttempts == 17)
        }
    }

    /// Settings with neither publishing nor subscription say nothing to register: Apache ends the stream with
    /// INVALID_ARGUMENT, and so does this endpoint (the one case that is a gRPC error, not a status).
    @Test func settingsWithoutPublishingOrSubscriptionEndTheStream() async throws {
        try await GrpcBroker.with { broker in
            var settings = Apache_Rocketmq_V2_Settings()
            settings.clientType = .producer
            let empty = settings
            await #expect {
                _ = try await broker.withClient { client in
                    try await client.exchangeSettings(empty, metadata: clientMetadata())
                }
            } throws: { error in
                (error as? RPCError)?.code == .invalidArgument
            }
            #expect(broker.endpoint.clients.isEmpty)
        }
    }

    /// A client keeps its Telemetry stream open for as long as it runs: stopping the endpoint must end it rather
    /// than wait for it (a graceful shutdown waits for every open call).
    @Test func stopEndsAnOpenTelemetryStream() async throws {
        try await GrpcBroker.with { broker in
            try broker.createTopic("S_TOPIC")
            let (replied, repliedContinuation) = AsyncStream.makeStream(of: Void.self)
            let call = Task {
                try await broker.withClient { client in
                    var command = Apache_Rocketmq_V2_TelemetryCommand()
                    command.settings = clientSettings(producerOf: ["S_TOPIC"])
                    let sent = command
                    let (ended, endedContinuation) = AsyncStream.makeStream(of: Void.self)
                    return try await client.telemetry(
                        metadata: clientMetadata(),
                        requestProducer: { writer in
                            try await writer.write(sent)
                            for await _ in ended {}  // open until the server ends the stream
                        },
                        onResponse: { response in
                            defer {
                                endedContinuation.finish()
                                repliedContinuation.finish()  // no reply at all: the test fails, never hangs
                            }
                            var replies = 0
                            for try await _ in response.messages {
                                replies += 1
                                repliedContinuation.yield()
                            }
                            return replies
                        })
                }
            }
            for await _ in replied { break }  // the settings reply came: the stream is established
            #expect(broker.endpoint.clients.count == 1)
            let stopped = await finishes(within: .seconds(10)) { await broker.endpoint.stop() }
            #expect(stopped)
            #expect(try await call.value == 1)
        }
    }
}
