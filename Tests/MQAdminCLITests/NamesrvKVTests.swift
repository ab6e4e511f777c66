import Foundation
import MQBroker
import MQClient
import MQTestSupport
import Testing

/// `namesrv kv get|set|delete|list` and Apache's classic `updateKvConfig` / `deleteKvConfig` on a real name server.
@Suite(.serialized) struct NamesrvKVTests {
    static let ns = "ORDER_TOPIC_CONFIG"

    @Test func setGetListDeleteRoundTripOnEveryNameServer() async throws {
        try await TopicTestTarget.withCluster(brokers: 1) { t in
            let address = try #require(t.cluster).nameServerAddress
            let (setRun, set) = try await t.json(["namesrv", "kv", "set", Self.ns, "KvT", "broker-a:4"])
            #expect(setRun.status == 0, "\(setRun.stderr)")
            #expect(set["action"].string == "set" && set["succeeded"].bool == true)
            #expect(set["nameServers"][0]["address"].string == address)
            #expect(set["nameServers"][0]["previous"].isNull && set["nameServers"][0]["value"].string == "broker-a:4")

            let get = try await t.run(["namesrv", "kv", "get", Self.ns, "KvT"])
            #expect(get.status == 0, "\(get.stderr)")
            #expect(get.lines.first?.hasPrefix("NAME SERVER") == true)
            #expect(get.stdout.contains(address) && get.stdout.contains("broker-a:4"))

            let replace = try await t.run(["namesrv", "kv", "set", Self.ns, "KvT", "broker-a:8"])
            #expect(replace.status == 0, "\(replace.stderr)")
            #expect(replace.stdout.contains("broker-a:4") && replace.stdout.contains("broker-a:8"))

            #expect(try await t.run(["namesrv", "kv", "set", Self.ns, "KvU", "broker-a:2"]).status == 0)
            let (listRun, list) = try await t.json(["namesrv", "kv", "list", Self.ns])
            #expect(listRun.status == 0, "\(listRun.stderr)")
            #expect(list["nameServers"][0]["entries"]["KvT"].string == "broker-a:8")
            #expect(list["nameServers"][0]["entries"]["KvU"].string == "broker-a:2")

            let (deleteRun, deleted) = try await t.json(["namesrv", "kv", "delete", Self.ns, "KvT"])
            #expect(deleteRun.status == 0, "\(deleteRun.stderr)")
            #expect(deleted["nameServers"][0]["previous"].string == "broker-a:8")
            #expect(deleted["nameServers"][0]["value"].isNull)
            let client = try #require(t.cluster).client()
            #expect(try await client.kvConfig(namespace: Self.ns, key: "KvT") == nil)
            #expect(try await client.kvConfig(namespace: Self.ns, key: "KvU") == "broker-a:2")
        }
    }

    @Test func aMissingKeyIsExit3WithOneLineAndADeadNameServerIsReported() async throws {
        try await TopicTestTarget.withCluster(brokers: 1) { t in
            let address = try #require(t.cluster).nameServerAddress
            for verb in ["get", "delete"] {
                let r = try await t.run(["namesrv", "kv", verb, Self.ns, "NoSuchKey"])
                #expect(r.status == 3, "\(verb): \(r.stderr)")
                #expect(r.stderr.split(separator: "\n").count == 1)
                #expect(r.errorLine.contains("no key NoSuchKey in namespace \(Self.ns)"), "\(r.stderr)")
                #expect(r.errorLine.contains("mqadmin namesrv kv list \(Self.ns)"))
            }
            let dead = "127.0.0.1:1"
            let partial = try await t.run(["namesrv", "kv", "set", Self.ns, "KvP", "v", "-n", "\(address);\(dead)"])
            #expect(partial.status == 4, "\(partial.stderr)")
            #expect(partial.errorLine.contains("failed on 1 of 2 name servers (\(dead)"), "\(partial.stderr)")
            #expect(try await t.run(["namesrv", "kv", "get", Self.ns, "KvP"]).status == 0)
        }
    }

    @Test func classicUpdateAndDeleteKvConfigPrintApacheLines() async throws {
        try await TopicTestTarget.withCluster(brokers: 1) { t in
            let client = try #require(t.cluster).client()
            let update = try await t.run(["updateKvConfig", "-s", Self.ns, "-k", "CapTopic", "-v", " broker-a:4 "])
            #expect(update.status == 0, "\(update.stderr)")
            #expect(update.lines == ["create or update kv config to namespace success.", ""])
            #expect(try await client.kvConfig(namespace: Self.ns, key: "CapTopic") == "broker-a:4")

            let delete = try await t.run(["deleteKvConfig", "--namespace", Self.ns, "--key", "CapTopic"])
            #expect(delete.status == 0, "\(delete.stderr)")
            #expect(delete.lines == ["delete kv config from namespace success.", ""])
            #expect(try await client.kvConfig(namespace: Self.ns, key: "CapTopic") == nil)
            // Apache's name server answers SUCCESS for a key it does not have, and so does the classic command.
            let again = try await t.run(["deleteKvConfig", "-s", Self.ns, "-k", "CapTopic"])
            #expect(again.status == 0 && again.lines == ["delete kv config from namespace success.", ""])
        }
    }

    /// Like Apache's kvConfig.json: written on every change (mode 0600) and read back by a restarted name server.
    @Test func theKVConfigSurvivesANameServerRestart() async throws {
        try await TopicTestTarget.withCluster(brokers: 1) { t in
            let cluster = try #require(t.cluster)
            #expect(try await t.run(["namesrv", "kv", "set", Self.ns, "Kept", "broker-a:2"]).status == 0)
            #expect(try await t.run(["namesrv", "kv", "set", Self.ns, "Gone", "broker-a:1"]).status == 0)
            #expect(try await t.run(["namesrv", "kv", "delete", Self.ns, "Gone"]).status == 0)
            let path = cluster.directory.sub("namesrv") + "/namesrv/kvConfig.json"
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text == #"{"configTable":{"\#(Self.ns)":{"Kept":"broker-a:2"}}}"#)

            await cluster.nameServer.stop()
            var options = ServerOptions(dataDirectory: cluster.directory.sub("namesrv"))
            options.role = .namesrv
            options.nameServerListen = "127.0.0.1:0"
            let restarted = MQServer(options: options, group: cluster.group, logger: cluster.logger)
            try await restarted.start()
            let client = MQClientInstance(
                nameServers: [try #require(restarted.nameServerAddress)], group: cluster.group, timeout: .seconds(5),
                logger: cluster.logger)
            try await withTeardown {
                let (kept, gone) = (
                    try await client.kvConfig(namespace: Self.ns, key: "Kept"),
                    try await client.kvConfig(namespace: Self.ns, key: "Gone")
                )
                #expect(kept == "broker-a:2" && gone == nil)
            } teardown: {
                await client.shutdown()
                await restarted.stop()
            }
        }
    }
}
