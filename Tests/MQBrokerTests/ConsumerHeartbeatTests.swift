import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// What a consumer heartbeat counts as a change of the group's subscriptions (IS_SUB_CHANGE, and with it
/// NOTIFY_CONSUMER_IDS_CHANGED to every member): a topic added or dropped, as in Apache's
/// ConsumerGroupInfo.updateSubscription; a newer version of the same subscription is stored but is no change.
@Suite struct ConsumerHeartbeatTests {
    static func heartbeat(_ subscriptions: [SubscriptionData]) -> RemotingCommand {
        let consumer = ConsumerData(groupName: "CG_HB", subscriptionDataSet: subscriptions)
        let data = HeartbeatData(clientID: "127.0.0.1@hb", consumerDataSet: [consumer])
        var request = RemotingCommand.request(.heartBeat)
        request.setJSONBody(data)
        return request
    }

    @Test func onlyAnAddedOrDroppedTopicChangesTheGroupsSubscriptions() async throws {
        let cluster = try await InProcessCluster.start(brokers: 1)
        let client = cluster.client()
        let broker = try #require(cluster.brokers[0].brokerAddress)
        func subChange(_ subscriptions: [SubscriptionData]) async throws -> String? {
            let answer = try await client.invoke(broker, Self.heartbeat(subscriptions))
            #expect(answer.code == 0, "\(answer.remark ?? "")")
            return answer.extFields["IS_SUB_CHANGE"]
        }
        let orders = { (version: Int64) in SubscriptionData(topic: "Orders", subString: "*", subVersion: version) }
        #expect(try await subChange([orders(1)]) == "true")
        // Each heartbeat stamped anew, as our PushConsumer does: stored, not a change.
        #expect(try await subChange([orders(2)]) == "false")
        #expect(try await subChange([orders(3)]) == "false")
        let stored = try await client.consumerConnection(group: "CG_HB", broker: broker)
        #expect(stored?.subscriptionTable["Orders"]?.subVersion == 3)
        // A topic added, then dropped.
        let payments = SubscriptionData(topic: "Payments", subString: "*", subVersion: 3)
        #expect(try await subChange([orders(3), payments]) == "true")
        #expect(try await subChange([orders(3)]) == "true")
        await client.shutdown()
        await cluster.stop()
    }
}
