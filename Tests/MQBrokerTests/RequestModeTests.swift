import Foundation
import Logging
import MQClient
import MQProtocol
import MQRemoting
import MQTestSupport
import NIOCore
import NIOPosix
import Testing

@testable import MQBroker

/// SET_MESSAGE_REQUEST_MODE (401), GET_ALL_MESSAGE_REQUEST_MODE (402) and QUERY_ASSIGNMENT (400), over loopback TCP.
@Suite struct RequestModeTests {
    static func setMode(_ body: SetMessageRequestModeBody) -> RemotingCommand {
        var request = RemotingCommand.request(.setMessageRequestMode)
        request.setJSONBody(body)
        return request
    }

    static func rawBody(_ code: RequestCode, _ json: String) -> RemotingCommand {
        var request = RemotingCommand.request(code)
        var buffer = ByteBufferAllocator().buffer(capacity: json.utf8.count)
        buffer.writeString(json)
        request.body = buffer
        return request
    }

    static func query(_ raw: RemotingClient, _ broker: String, clientId: String, model: MessageModel = .clustering)
        async throws -> [MessageQueueAssignment]?
    {
        var request = RemotingCommand.request(.queryAssignment)
        request.setJSONBody(
            QueryAssignmentRequestBody(topic: "RM", consumerGroup: "rm-g", clientId: clientId, messageModel: model))
        let answer = try await raw.invoke(broker, request, timeout: .seconds(5))
        #expect(answer.code == 0, "\(answer.remark ?? "")")
        return try answer.decodeBody(QueryAssignmentResponseBody.self).messageQueueAssignments
    }

    /// Registers `clientId` as a member of rm-g over `raw`'s own connection.
    static func join(_ raw: RemotingClient, _ broker: String, clientId: String) async throws {
        let consumer = ConsumerData(
            groupName: "rm-g", subscriptionDataSet: [SubscriptionData(topic: "RM", subString: "*", subVersion: 1)])
        var request = RemotingCommand.request(.heartBeat)
        request.setJSONBody(HeartbeatData(clientID: clientId, consumerDataSet: [consumer]))
        #expect(try await raw.invoke(broker, request, timeout: .seconds(5)).code == 0)
    }

    @Test func pullSplitsTheQueuesAndPopGivesEveryQueue() async throws {
        try await withCluster { cluster in
            let broker = try #require(cluster.brokers[0].brokerAddress)
            let client = cluster.client()
            try await client.createTopic(
                TopicConfig(topicName: "RM", readQueueNums: 4, writeQueueNums: 4), broker: broker)
            let loops = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            let a = RemotingClient(group: loops, logger: Logger(label: "rm-a"))
            let b = RemotingClient(group: loops, logger: Logger(label: "rm-b"))
            try await Self.join(a, broker, clientId: "10.0.0.1@a")
            try await Self.join(b, broker, clientId: "10.0.0.2@b")

            // No mode set: PULL, each member half of the queues (AllocateMessageQueueAveragely).
            let forA = try #require(try await Self.query(a, broker, clientId: "10.0.0.1@a"))
            let forB = try #require(try await Self.query(b, broker, clientId: "10.0.0.2@b"))
            #expect(forA.map(\.messageQueue.queueId).sorted() == [0, 1])
            #expect(forB.map(\.messageQueue.queueId).sorted() == [2, 3])
            #expect((forA + forB).allSatisfy { $0.mode == .pull && $0.messageQueue.brokerName == "broker-a" })
            // Broadcasting: every queue.
            let broadcast = try #require(try await Self.query(a, broker, clientId: "10.0.0.1@a", model: .broadcasting))
            #expect(broadcast.map(\.messageQueue.queueId).sorted() == [0, 1, 2, 3])

            // POP without sharing: every member pops every queue, the broker choosing one (queue id -1).
            let pop = SetMessageRequestModeBody(topic: "RM", consumerGroup: "rm-g", mode: .pop, popShareQueueNum: 0)
            #expect(try await a.invoke(broker, Self.setMode(pop), timeout: .seconds(5)).code == 0)
            let popA = try #require(try await Self.query(a, broker, clientId: "10.0.0.1@a"))
            #expect(popA.map(\.messageQueue.queueId) == [-1])
            #expect(popA.allSatisfy { $0.mode == .pop })
            // Sharing with one following member: its own two queues and the next member's two.
            var share = pop
            share.popShareQueueNum = 1
            #expect(try await a.invoke(broker, Self.setMode(share), timeout: .seconds(5)).code == 0)
            let sharedB = try #require(try await Self.query(b, broker, clientId: "10.0.0.2@b"))
            #expect(sharedB.map(\.messageQueue.queueId).sorted() == [0, 1, 2, 3])

            // An unknown topic: no assignment at all (the client keeps what it has).
            var unknown = RemotingCommand.request(.queryAssignment)
            unknown.setJSONBody(QueryAssignmentRequestBody(topic: "NoSuch", consumerGroup: "rm-g", clientId: "x"))
            let none = try await a.invoke(broker, unknown, timeout: .seconds(5))
            #expect(none.code == 0)
            #expect(try none.decodeBody(QueryAssignmentResponseBody.self).messageQueueAssignments == nil)
            await a.close()
            await b.close()
            await client.shutdown()
            try await loops.shutdownGracefully()
        }
    }

    @Test func refusesRetryTopicsBadModesAndMissingFields() async throws {
        try await withCluster { cluster in
            let broker = try #require(cluster.brokers[0].brokerAddress)
            let client = cluster.client()
            let retry = SetMessageRequestModeBody(topic: "%RETRY%rm-g", consumerGroup: "rm-g", mode: .pop)
            let refused = try await client.invoke(broker, Self.setMode(retry))
            #expect(refused.code == ResponseCode.noPermission.rawValue)
            #expect(refused.remark == "retry topic is not allowed to set mode")
            let badMode = Self.rawBody(.setMessageRequestMode, #"{"topic":"T","consumerGroup":"g","mode":"PUSH"}"#)
            #expect(try await client.invoke(broker, badMode).code == ResponseCode.systemError.rawValue)
            let noGroup = Self.rawBody(.setMessageRequestMode, #"{"topic":"T","mode":"POP"}"#)
            #expect(try await client.invoke(broker, noGroup).code == ResponseCode.systemError.rawValue)
            let core = try #require(cluster.brokers[0].controller).core
            #expect(core.requestModes.snapshot.messageRequestModeMap.isEmpty)
            await client.shutdown()
        }
    }

    @Test func modesSurviveARestart() async throws {
        let dir = try TempDirectory("request-mode-restart")
        defer { dir.remove() }
        let loops = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let data = dir.sub("data")
        let first = try await PopConsumeTests.server(data, group: loops)
        let raw = RemotingClient(group: loops, logger: Logger(label: "rm-restart"))
        let body = SetMessageRequestModeBody(topic: "RM", consumerGroup: "rm-g", mode: .pop, popShareQueueNum: 2)
        let broker = try #require(first.brokerAddress)
        #expect(try await raw.invoke(broker, Self.setMode(body), timeout: .seconds(5)).code == 0)
        let all = try await raw.invoke(broker, .request(.getAllMessageRequestMode), timeout: .seconds(5))
        #expect(try all.decodeBody(MessageRequestModeTable.self).mode(topic: "RM", group: "rm-g") == body)
        await raw.close()
        await first.stop()

        let path = data + "/config/messageRequestMode.json"
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let second = try await PopConsumeTests.server(data, group: loops)
        let raw2 = RemotingClient(group: loops, logger: Logger(label: "rm-restart"))
        let again = try await raw2.invoke(
            try #require(second.brokerAddress), .request(.getAllMessageRequestMode), timeout: .seconds(5))
        #expect(try again.decodeBody(MessageRequestModeTable.self).mode(topic: "RM", group: "rm-g") == body)
        await raw2.close()
        await second.stop()
        try await loops.shutdownGracefully()
    }
}
