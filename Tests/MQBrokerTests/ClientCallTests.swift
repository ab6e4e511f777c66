import MQClient
import MQProtocol
import MQRemoting
import MQTestSupport
import NIOCore
import Testing

/// GET_CONSUMER_RUNNING_INFO (307) and CONSUME_MESSAGE_DIRECTLY (309): the broker relays the admin's request
/// to the named client over that client's own connection and answers with the client's response, as Apache's
/// AdminBrokerProcessor#callConsumer does. The client here is a raw connection that heartbeats as a consumer
/// and answers the forwarded requests, so the test sees exactly what the broker sent it.
@Suite struct ClientCallTests {
    static let group = "CG_CALL"
    static let clientId = "127.0.0.1@call"

    /// Answers 307 with the header it received and 309 with the broker name, flags and the message's topic
    /// and body, so the test can check what the broker forwarded.
    static func answer(_ request: RemotingCommand, _ from: String) -> RemotingCommand? {
        switch request.requestCode {
        case .getConsumerRunningInfo:
            let fields = request.extFields
            let text = "group=\(fields["consumerGroup"] ?? "") jstack=\(fields["jstackEnable"] ?? "")"
            return request.response(body: ByteBuffer(string: text))
        case .consumeMessageDirectly:
            guard var body = request.body, let message = try? MessageDecoder.decode(&body) else {
                return request.response(.systemError, remark: "no message in the body")
            }
            let text = "\(request.extFields["brokerName"] ?? "-") topicSysFlag=\(request.extFields["topicSysFlag"] ?? "-")"
                + " \(message.topic) \(String(buffer: message.body))"
            return request.response(remark: text)
        default:
            return nil
        }
    }

    @Test func theBrokerRelaysTheRequestToTheNamedClientAndItsAnswerBack() async throws {
        try await withCluster(brokers: 1) { cluster in
            let admin = cluster.client()
            let broker = try #require(cluster.brokers[0].brokerAddress)
            try await admin.createTopic(TopicConfig(topicName: "CallT", readQueueNums: 1, writeQueueNums: 1), broker: broker)
            let member = RemotingClient(group: cluster.group, logger: cluster.logger, serverRequestHandler: Self.answer)
            let consumer = ConsumerData(
                groupName: Self.group, subscriptionDataSet: [SubscriptionData(topic: "CallT", subString: "*")])
            var heartbeat = RemotingCommand.request(.heartBeat)
            heartbeat.setJSONBody(HeartbeatData(clientID: Self.clientId, consumerDataSet: [consumer]))
            #expect(try await member.invoke(broker, heartbeat, timeout: .seconds(5)).code == 0)

            let info = try await admin.invoke(
                broker,
                .request(
                    .getConsumerRunningInfo,
                    header: GetConsumerRunningInfoRequestHeader(
                        consumerGroup: Self.group, clientId: Self.clientId, jstackEnable: true)))
            #expect(info.code == 0, "\(info.remark ?? "")")
            #expect(info.body.map { String(buffer: $0) } == "group=CG_CALL jstack=true")

            let producer = Producer(group: "pg-call", client: admin)
            let sent = try await producer.send(Message(topic: "CallT", body: "again"))
            let direct = try await admin.invoke(
                broker,
                .request(
                    .consumeMessageDirectly,
                    header: ConsumeMessageDirectlyRequestHeader(
                        consumerGroup: Self.group, clientId: Self.clientId, msgId: sent.offsetMsgId, topic: "CallT")))
            #expect(direct.code == 0, "\(direct.remark ?? "")")
            #expect(direct.remark == "broker-a topicSysFlag=0 CallT again")
            await member.close()
        }
    }

    @Test func aClientThatIsNotConnectedIsRefusedWithApachesRemark() async throws {
        try await withCluster(brokers: 1) { cluster in
            let admin = cluster.client()
            let broker = try #require(cluster.brokers[0].brokerAddress)
            let answer = try await admin.invoke(
                broker,
                .request(
                    .getConsumerRunningInfo,
                    header: GetConsumerRunningInfoRequestHeader(consumerGroup: Self.group, clientId: "nobody")))
            #expect(answer.code == ResponseCode.systemError.rawValue)
            #expect(answer.remark == "The Consumer <CG_CALL> <nobody> not online")
        }
    }
}
