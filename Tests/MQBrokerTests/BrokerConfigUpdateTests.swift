import Foundation
import MQBroker
import MQClient
import MQProtocol
import MQRemoting
import MQTestSupport
import NIOCore
import Testing

/// UPDATE_BROKER_CONFIG (25) on the bundled broker: live keys applied at once (brokerPermission re-registers, so
/// routes change), other keys refused as a whole with a remark naming them, changes kept across a restart.
@Suite(.serialized) struct BrokerConfigUpdateTests {
    func update(_ client: MQClientInstance, _ broker: String, _ text: String) async throws -> RemotingCommand {
        var request = RemotingCommand.request(.updateBrokerConfig)
        request.body = ByteBuffer(string: text)
        return try await client.invoke(broker, request)
    }

    /// The permission of `topic`'s queues on `broker` as the name server routes them now.
    func routedPerm(_ client: MQClientInstance, _ topic: String, _ broker: String) async throws -> Int32? {
        try await client.route(topic: topic, refresh: true).queueDatas.first { $0.brokerName == broker }?.perm
    }

    @Test func brokerPermissionChangesRoutesAtOnceAndRefusalsChangeNothing() async throws {
        try await withCluster(brokers: 1) { cluster in
            let client = cluster.client()
            let broker = cluster.brokers[0].brokerAddress!
            let producer = Producer(group: "pg-cfg", client: client)
            _ = try await producer.send(Message(topic: "CfgT", body: "x"))
            // Created by the send: registered soon after, not before the send is answered (as Apache).
            #expect(await eventually { (try? await routedPerm(client, "CfgT", "broker-a")) != nil })
            let perm = try #require(try await routedPerm(client, "CfgT", "broker-a"))
            #expect(PermName.isWriteable(perm))

            // Read-only: answered only once every name server has the new registration.
            let readOnly = try await update(client, broker, "brokerPermission=4\n")
            #expect(readOnly.code == 0, "\(readOnly.remark ?? "")")
            #expect(try await routedPerm(client, "CfgT", "broker-a") == perm & 4)
            #expect(try await client.brokerConfig(broker: broker)["brokerPermission"] == "4")
            let version = try await client.invoke(broker, .request(.getBrokerConfig)).extFields["version"] ?? ""
            #expect(version.hasPrefix(#"{"counter":1,"#), "\(version)")
            let queue = MessageQueue(topic: "CfgT", brokerName: "broker-a", queueId: 0)
            await #expect(throws: ClientError.self) {
                _ = try await producer.send(Message(topic: "CfgT", body: "y"), to: queue)
            }

            let back = try await update(client, broker, "brokerPermission=6\n")
            #expect(back.code == 0)
            #expect(try await routedPerm(client, "CfgT", "broker-a") == perm)

            // A key that cannot change live, with another value: the whole request is refused, traceOn included.
            let fixed = try await update(client, broker, "traceOn=false\nmaxMessageSize=1024\n")
            #expect(fixed.code == ResponseCode.invalidParameter.rawValue)
            #expect(fixed.remark?.contains("maxMessageSize cannot change while the broker runs") == true)
            let unknown = try await update(client, broker, "noSuchKey=1\n")
            #expect(unknown.code == ResponseCode.invalidParameter.rawValue)
            #expect(unknown.remark?.contains("no setting noSuchKey") == true)
            let bad = try await update(client, broker, "brokerPermission=9\n")
            #expect(bad.code == ResponseCode.invalidParameter.rawValue)
            let black = try await update(client, broker, "brokerConfigPath=/tmp/x\n")
            #expect(black.code == ResponseCode.noPermission.rawValue)
            #expect(black.remark == "Can not update config in black list.")
            // The value it already has (Apache's captured updateBrokerConfig sets the default): accepted, no change.
            let current = try await client.brokerConfig(broker: broker)
            let same = try await update(client, broker, "maxMessageSize=\(current["maxMessageSize"]!)\n")
            #expect(same.code == 0)
            #expect(try await client.brokerConfig(broker: broker) == current)
            #expect(current["traceOn"] == "true")
        }
    }

    @Test func changesAreSavedOwnerOnlyAndSurviveARestart() async throws {
        try await withCluster(brokers: 1) { cluster in
            let client = cluster.client()
            let server = cluster.brokers[0]
            let first = try await update(client, server.brokerAddress!, "traceOn=false\nenablePropertyFilter=false\n")
            #expect(first.code == 0)
            let file = server.options.broker.dataDirectory + "/config/broker-overrides.properties"
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(text == "enablePropertyFilter=false\ntraceOn=false\n")
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            #expect(mode == 0o600)

            await server.stop()
            try await server.start()
            let config = try await client.brokerConfig(broker: server.brokerAddress!)
            #expect(config["traceOn"] == "false" && config["enablePropertyFilter"] == "false")
            #expect(config["longPollingEnable"] == "true")

            // An override the broker no longer accepts stops the start with one line naming the file.
            await server.stop()
            try "brokerPermission=9\n".write(toFile: file, atomically: false, encoding: .utf8)
            await #expect {
                try await server.start()
            } throws: { error in
                "\(error)".contains("broker-overrides.properties: brokerPermission must be 0 to 7")
            }
        }
    }
}
