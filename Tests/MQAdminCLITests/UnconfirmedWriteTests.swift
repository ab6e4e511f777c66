import Logging
import MQProtocol
import MQRemoting
import MQTestSupport
import NIOPosix
import Testing

@testable import MQAdminCLI
@testable import MQClient

/// A write that was sent and not answered may have been carried out: the failure says so, and never "nothing was
/// changed". A write that could not be sent (refused) changed nothing, and says that.
@Suite struct UnconfirmedWriteTests {
    static let endpoint = BrokerEndpoint(cluster: "c", brokerName: "broker-b", brokerId: 0, address: "127.0.0.1:1")

    @Test func aTimedOutRequestMayHaveArrivedARefusedOneCannot() async throws {
        #expect(RemotingError.timeout(address: "a:1", millis: 5).requestMayHaveArrived)
        #expect(RemotingError.connectionClosed(address: "a:1").requestMayHaveArrived)
        #expect(!RemotingError.connectFailed(address: "a:1", reason: "refused").requestMayHaveArrived)
        #expect(!RemotingError.sendFailed(address: "a:1", reason: "broken pipe").requestMayHaveArrived)

        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let client = MQClientInstance(
            nameServers: ["127.0.0.1:1"], group: group, timeout: .milliseconds(300), logger: Logger(label: "test"))
        let silent = try SilentListener(listening: true)
        let refused = try SilentListener(listening: false)
        defer {
            silent.close()
            refused.close()
        }
        let request = RemotingCommand.request(.updateAndCreateTopic, header: CreateTopicRequestHeader(
            config: TopicConfig(topicName: "T")))
        for (address, unanswered) in [(silent.address, true), (refused.address, false)] {
            do {
                _ = try await client.invoke(address, request)
                Issue.record("\(address) answered")
            } catch let error as ClientError {
                #expect(error.outcomeUnknown == unanswered, "\(error)")
                #expect(error.isConnectivity)
            }
        }
        await client.shutdown()
        try await group.shutdownGracefully()
    }

    func message(_ body: () throws -> Void) -> String {
        do {
            try body()
            return ""
        } catch {
            return "\(error)"
        }
    }

    @Test func topicWritesSayWhatMayHaveChanged() {
        func view(_ error: ClientError) -> TopicWriteView {
            TopicWriteView(
                topic: "T", action: "update",
                results: [
                    TopicWriteResult(
                        endpoint: Self.endpoint, outcome: .failed, config: TopicConfig(topicName: "T"), error: error)
                ])
        }
        let timedOut = message {
            try view(.brokerUnreachable(address: "127.0.0.1:1", detail: "timed out", unanswered: true)).failIfPartial()
        }
        #expect(timedOut.contains("not confirmed on broker-b"), "\(timedOut)")
        #expect(timedOut.contains("mqadmin topic describe T"))
        #expect(!timedOut.contains("nothing was changed"))
        let refused = message {
            try view(.brokerUnreachable(address: "127.0.0.1:1", detail: "refused")).failIfPartial()
        }
        #expect(refused.contains("nothing was changed"), "\(refused)")
        #expect(!refused.contains("not confirmed"))
    }

    @Test func topicDeletionsSayWhatMayHaveBeenDeleted() {
        func view(_ error: ClientError) -> TopicDeleteView {
            let report = TopicDeleteReport(
                brokers: [TopicWriteResult(endpoint: Self.endpoint, outcome: .failed, error: error)], nameServers: [])
            return TopicDeleteView(topic: "T", cluster: nil, report: report, nameServerAddresses: ["127.0.0.1:2"])
        }
        let timedOut = message {
            try view(.brokerUnreachable(address: "127.0.0.1:1", detail: "timed out", unanswered: true)).failIfPartial()
        }
        #expect(timedOut.contains("not confirmed on broker-b"), "\(timedOut)")
        #expect(!timedOut.contains("nothing was deleted"))
        let refused = message {
            try view(.brokerUnreachable(address: "127.0.0.1:1", detail: "refused")).failIfPartial()
        }
        #expect(refused.contains("nothing was deleted"), "\(refused)")
    }

    @Test func aclWritesSayWhatMayHaveChanged() {
        func view(_ error: ClientError) -> AuthWriteView {
            AuthWriteView(
                action: "create", kind: "user", name: "alice",
                results: [BrokerResult(endpoint: Self.endpoint, result: .failure(error))])
        }
        let timedOut = message {
            try view(.brokerUnreachable(address: "127.0.0.1:1", detail: "timed out", unanswered: true))
                .failIfNeeded(missing: "no such user")
        }
        #expect(timedOut.contains("not confirmed on broker-b"), "\(timedOut)")
        #expect(!timedOut.contains("nothing was changed"))
        let refused = message {
            try view(.brokerUnreachable(address: "127.0.0.1:1", detail: "refused"))
                .failIfNeeded(missing: "no such user")
        }
        #expect(refused.contains("nothing was changed"), "\(refused)")
    }

    @Test func groupWritesSayWhatMayHaveChanged() {
        let b = BrokerRef(name: "broker-b", address: "127.0.0.1:1")
        let timedOut = message {
            try BrokerOutcome.check(
                [BrokerOutcome(b, result: "failed", error: ClientError.brokerUnreachable(
                    address: "127.0.0.1:1", detail: "timed out", unanswered: true))],
                what: "group update")
        }
        #expect(timedOut.contains("not confirmed on broker-b"), "\(timedOut)")
        #expect(!timedOut.contains("nothing changed"))
        let refused = message {
            try BrokerOutcome.check(
                [BrokerOutcome(b, result: "failed", error: ClientError.brokerUnreachable(
                    address: "127.0.0.1:1", detail: "refused"))],
                what: "group update")
        }
        #expect(refused.contains("nothing changed"), "\(refused)")
    }
}
