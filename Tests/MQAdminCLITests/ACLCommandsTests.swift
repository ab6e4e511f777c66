import Foundation
import MQTestSupport
import Testing

/// `user` and `acl` commands on a 2-broker cluster over TCP and on the embedded default: JSON shapes,
/// fan-out to both brokers, classic layouts, bad input.
@Suite(.serialized) struct ACLCommandsTests {
    func exercise(_ cli: InProcessRunner, brokers: Int) async throws {
        let create = try await cli.run(
            ["user", "create", "alice", "--password-stdin", "-o", "json"], stdin: "pw-alice-1\n")
        #expect(create.status == 0, "\(create.stderr)")
        let view = try #require(try JSONSerialization.jsonObject(with: Data(create.stdout.utf8)) as? [String: Any])
        #expect(view["action"] as? String == "create" && view["kind"] as? String == "user" && view["succeeded"] as? Bool == true)
        #expect((view["brokers"] as? [[String: Any]])?.count == brokers)

        let get = try await cli.json(["user", "get", "alice"])
        let user = try #require(get.value as? [String: Any])
        #expect(user["username"] as? String == "alice" && user["userType"] as? String == "Normal")
        #expect(user["userStatus"] as? String == "enable" && (user["brokers"] as? [String])?.count == brokers)
        #expect(user["password"] == nil && !get.result.stdout.contains("pw-alice-1"))
        #expect(try await cli.run(["user", "get", "ghost"]).status == 3)

        #expect(try await cli.run(["acl", "create", "-s", "alice", "-r", "Topic:orders,Group:g1", "-a", "Pub,Sub", "-d", "Allow", "-i", "10.0.0.0/8"]).status == 0)
        let acl = try #require(try await cli.json(["acl", "get", "-s", "User:alice"]).value as? [String: Any])
        #expect(acl["subject"] as? String == "User:alice")
        let entries = try #require(acl["entries"] as? [[String: Any]])
        #expect(entries.map { $0["resource"] as? String } == ["Topic:orders", "Group:g1"])
        #expect(entries.first?["actions"] as? [String] == ["Pub", "Sub"] && entries.first?["sourceIps"] as? [String] == ["10.0.0.0/8"])
        #expect(entries.first?["decision"] as? String == "Allow" && entries.first?["policyType"] as? String == "Custom")

        let classic = try await cli.run(["getAcl", "-c", "DefaultCluster", "-s", "User:alice"])
        let header = "#Subject          #PolicyType  #Resource               #Actions              #SourceIp                 #Decision \n"
        let row = "User:alice        Custom      Topic:orders            [Pub, Sub]            [10.0.0.0/8]              Allow     \n"
        #expect(classic.stdout.hasPrefix(header + row))
        #expect(classic.stdout.components(separatedBy: header).count - 1 == brokers)
        let created = try await cli.run(["createAcl", "-c", "DefaultCluster", "-s", "User:alice", "-r", "Topic:t9", "-a", "Get", "-d", "Deny"])
        #expect(created.status == 0 && created.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("create acl to ") && $0.hasSuffix(" success.") })
        #expect(created.stdout.split(separator: "\n").count == brokers)

        let explain = try #require(try await cli.json(["acl", "explain", "-u", "alice", "-r", "Topic:orders", "-a", "Pub", "-i", "10.1.1.1"]).value as? [String: Any])
        #expect(explain["allowed"] as? Bool == true && explain["reason"] as? String == "allowedByEntry")
        let denied = try #require(try await cli.json(["acl", "explain", "-u", "alice", "-r", "Topic:orders", "-a", "Pub", "-i", "192.168.0.1"]).value as? [String: Any])
        #expect(denied["allowed"] as? Bool == false && denied["reason"] as? String == "noMatchingEntry")
        #expect(((denied["closestAllow"] as? [String: Any])?["gaps"] as? [String]) == ["sourceIp"])

        // Bad input: one line, exit 2, nothing sent.
        for args in [["acl", "create", "-s", "alice", "-r", "Queue:x", "-a", "Pub", "-d", "Allow"],
                     ["acl", "create", "-s", "alice", "-r", "Topic:x", "-a", "Publish", "-d", "Allow"],
                     ["acl", "create", "-s", "alice", "-r", "Topic:x", "-a", "Pub", "-d", "Maybe"],
                     ["acl", "create", "-s", "alice", "-r", "Topic:x", "-a", "Pub", "-d", "Allow", "-i", "10.0.0.0/33"],
                     ["user", "create", "bob", "--type", "Root", "--password-stdin"], ["user", "create", "bob"]] {
            let r = try await cli.run(args, stdin: "")
            #expect(r.status == 2, "\(args): \(r.status) \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.hasPrefix("mqadmin: "), "\(args): \(r.stderr)")
        }
        #expect(try await cli.run(
            ["acl", "create", "-s", "ghost", "-r", "Topic:x", "-a", "Pub", "-d", "Allow"]).status == 3)

        #expect(try await cli.run(
            ["acl", "delete", "-s", "alice", "-r", "Group:g1"]).status == 2)  // no --yes off a TTY
        #expect(try await cli.run(["acl", "delete", "-s", "alice", "-r", "Group:g1", "--yes"]).status == 0)
        let list = try #require(try await cli.json(["acl", "list"]).value as? [[String: Any]])
        #expect((list.first?["entries"] as? [[String: Any]])?.map { $0["resource"] as? String } == ["Topic:orders", "Topic:t9"])
        #expect(try await cli.run(["user", "update", "alice", "--status", "disable"]).status == 0)
        #expect((try await cli.json(["user", "list"]).value as? [[String: Any]])?.first?["userStatus"] as? String == "disable")
        #expect(try await cli.run(["user", "delete", "alice", "--yes"]).status == 0)
        #expect(try await cli.run(["user", "delete", "alice", "--yes"]).status == 3)
        #expect((try await cli.json(["acl", "list"]).value as? [Any])?.isEmpty == true)
    }

    @Test func twoBrokerClusterOverTCP() async throws {
        try await withCluster(brokers: 2) { cluster in
            let dir = try TempDirectory("acl-cli")
            defer { dir.remove() }
            try await exercise(InProcessRunner(nameServer: cluster.nameServerAddress, home: dir.path), brokers: 2)
        }
    }

    @Test func embeddedDefault() async throws {
        let dir = try TempDirectory("acl-embedded")
        defer { dir.remove() }
        try await seedBundledStore(dir.sub("data"))
        try await exercise(InProcessRunner(dataDirectory: dir.sub("data"), home: dir.path), brokers: 1)
    }
}
