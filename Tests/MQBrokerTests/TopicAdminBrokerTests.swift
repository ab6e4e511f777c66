import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import NIOCore
import Testing

@testable import MQBroker

/// Broker-side topic handling called directly: UPDATE_AND_CREATE_TOPIC's attribute rules and the
/// runtime info Apache's clusterList and brokerStatus read.
@Suite(.serialized) struct TopicAdminBrokerTests {
    func create(_ core: BrokerCore, _ topic: String, perm: Int32 = 6, attributes: String? = nil) throws
        -> RemotingCommand
    {
        var h = CreateTopicRequestHeader(topic: topic, readQueueNums: 4, writeQueueNums: 4, perm: perm)
        h.attributes = attributes
        return try core.createOrUpdateTopic(.request(.updateAndCreateTopic, header: h))
    }

    @Test func attributesFollowApacheRules() async throws {
        try await withCluster { cluster in
            let core = try #require(cluster.brokers[0].controller?.core)

            #expect(
                try create(core, "Attr", attributes: "+message.type=FIFO,+queue.type=SimpleCQ").responseCode == .success
            )
            #expect(core.topics.topic("Attr")?.attributes == ["message.type": "FIFO", "queue.type": "SimpleCQ"])
            // Changeable attributes change; the same value of an unchangeable one is no change.
            #expect(
                try create(core, "Attr", attributes: "+message.type=NORMAL,+queue.type=SimpleCQ").responseCode
                    == .success)
            #expect(core.topics.topic("Attr")?.attributes["message.type"] == "NORMAL")
            #expect(try create(core, "Attr", attributes: "-message.type").responseCode == .success)
            #expect(core.topics.topic("Attr")?.attributes == ["queue.type": "SimpleCQ"])

            for (topic, attributes, why) in [
                ("Attr", "+queue.type=BatchCQ", "cannot change"),
                ("Attr", "-message.type", "does not have it"),
                ("New1", "-message.type", "only adding"),
                ("New2", "+colour=blue", "unsupported attribute colour"),
                ("New3", "+message.type=SOMETIMES", "is invalid"),
                ("New4", "+message.type=MIXED", "MIXED message type is not supported."),
                ("New5", "message.type=FIFO", "is not +KEY=VALUE"),
            ] {
                let r = try create(core, topic, attributes: attributes)
                #expect(r.responseCode == .invalidParameter, "\(attributes)")
                #expect(r.remark?.contains(why) == true, "\(attributes): \(r.remark ?? "")")
            }
            #expect(core.topics.topic("New1") == nil)
            #expect(try create(core, "BadPerm", perm: 9).responseCode == .invalidParameter)
            #expect(try create(core, "TBW102").remark == "The topic[TBW102] is conflict with system topic.")
        }
    }

    /// GET_ALL_TOPIC_CONFIG is answered from a body encoded once per data version: every kind of change shows in
    /// the next answer, and an unchanged table gives the same bytes.
    @Test func allTopicConfigFollowsEveryChange() async throws {
        try await withCluster { cluster in
            let core = try #require(cluster.brokers[0].controller?.core)
            func table() throws -> (bytes: [UInt8], topics: [String: TopicConfig]) {
                let r = try core.handleGetAllTopicConfig(.request(.getAllTopicConfig))
                #expect(r.responseCode == .success)
                let wrapper = try r.decodeBody(TopicConfigSerializeWrapper.self)
                #expect(wrapper.mappingDataVersion == DataVersion())
                return (r.bodyBytes, wrapper.topicConfigTable)
            }
            let before = try table()
            #expect(try table().bytes == before.bytes)
            #expect(before.topics["Cached"] == nil)

            #expect(try create(core, "Cached").responseCode == .success)
            let created = try table()
            #expect(created.topics["Cached"]?.perm == 6)
            #expect(created.topics.count == before.topics.count + 1)

            #expect(try create(core, "Cached", perm: 4).responseCode == .success)
            #expect(try table().topics["Cached"]?.perm == 4)

            _ = try core.topics.createInSendMessage(topic: "AutoCached", defaultTopic: "TBW102", queueNums: 4)
            #expect(try table().topics["AutoCached"] != nil)

            try core.topics.delete("Cached")
            let deleted = try table()
            #expect(deleted.topics["Cached"] == nil)
            #expect(deleted.topics["AutoCached"] != nil)
        }
    }

    @Test func runtimeInfoHasRealValues() async throws {
        try await withCluster { cluster in
            let core = try #require(cluster.brokers[0].controller?.core)
            let client = cluster.client()
            let empty = core.clusterRuntimeInfo()
            #expect(empty["earliestMessageTimeStamp"] == "-1")

            let producer = Producer(group: "pg", client: client)
            let first = try await producer.send(Message(topic: "Rt", body: "one"))
            _ = try await producer.send(Message(topic: "Rt", body: "two"))
            let stored = try await client.viewMessage(offsetMsgId: first.offsetMsgId).storeTimestamp
            let info = core.clusterRuntimeInfo()
            #expect(info["earliestMessageTimeStamp"] == String(stored))
            #expect(info["msgPutTotalTodayNow"] == "2")
            let ratio = try #require(info["commitLogDiskRatio"].flatMap(Double.init))
            #expect(ratio > 0 && ratio <= 1)
            #expect(info["commitLogDirCapacity"]?.hasPrefix("Total : ") == true)
            #expect(info["putTps"]?.split(separator: " ").count == 2)
            #expect(info["brokerVersionDesc"] == "V5_3_3")
            #expect(info["runtime"]?.hasPrefix("[ 0 days, 0 hours, ") == true)
            for key in [
                "sendThreadPoolQueueSize", "pullThreadPoolQueueHeadWaitTimeMills", "timerCongestNum", "timerDequeueTps",
            ] {
                #expect(info[key] != nil, "\(key)")
            }

            // Tomorrow morning the totals roll: today's becomes yesterday's.
            let tomorrow = Int64(Date().timeIntervalSince1970 * 1000) + 86_400_000
            let rolled = core.clusterRuntimeInfo(now: tomorrow)
            #expect(rolled["msgPutTotalTodayMorning"] == "2")
            #expect(rolled["msgPutTotalYesterdayMorning"] == "0")
            #expect(core.clusterRuntimeInfo(now: tomorrow + 86_400_000)["msgPutTotalYesterdayMorning"] == "2")
            await client.shutdown()
        }
    }

    @Test func formatsMatchApache() {
        #expect(BrokerCore.humanBytes(512) == "512 B")
        #expect(BrokerCore.humanBytes(1536) == "1.5 KiB")
        #expect(BrokerCore.humanBytes(5 * 1024 * 1024 * 1024) == "5.0 GiB")
        #expect(BrokerCore.formatRuntime(millis: 90_061_000) == "[ 1 days, 1 hours, 1 minutes, 1 seconds ]")
    }
}
