import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import NIOConcurrencyHelpers
import Testing

@testable import MQAdminCLI

/// Issue 15 item 8: every command's real `-o json` output, run against real brokers, matches its schema in
/// docs/schemas/ (objects there say `additionalProperties: false`, so a renamed or undocumented field fails),
/// and every schema there is exercised. `MQADMIN_WRITE_SAMPLES=DIR` also writes each output to DIR, to draft
/// a new command's schema from.
@Suite(.serialized) struct JSONSchemaTests {
    static let schemas = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/schemas")

    /// Numbers the samples written with MQADMIN_WRITE_SAMPLES, across the suite's checkers.
    static let samples = NIOLockedValueBox(0)

    /// Runs commands and checks their stdout against docs/schemas/<name>.json, remembering which ran.
    final class Checker: Sendable {
        let cli: InProcessRunner
        private let seen = NIOLockedValueBox<[String: Int]>([:])

        init(_ cli: InProcessRunner) { self.cli = cli }

        var checked: Set<String> { Set(seen.withLockedValue { $0.keys }) }

        /// Runs `args -o json` (classic: `--output json`), expects `exit`, validates stdout against `schema`,
        /// and returns the parsed output.
        @discardableResult
        func run(
            _ schema: String, _ args: [String], stdin: String? = nil, exit: MQExit = .ok, classic: Bool = false,
            runner: InProcessRunner? = nil, sourceLocation: SourceLocation = #_sourceLocation
        ) async throws -> Any? {
            let r = try await (runner ?? cli).run(args + [classic ? "--output" : "-o", "json"], stdin: stdin)
            #expect(r.status == exit.rawValue, "\(args): exit \(r.status): \(r.stderr)", sourceLocation: sourceLocation)
            check(schema, r.stdout, label: args.joined(separator: " "), sourceLocation: sourceLocation)
            return try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        }

        /// `run` for a JSON Lines stream (`message consume`): every line against `schema`, the last one the
        /// summary (it alone has `commits`).
        func runLines(_ schema: String, _ args: [String], sourceLocation: SourceLocation = #_sourceLocation)
            async throws
        {
            let r = try await cli.run(args + ["-o", "json"])
            #expect(r.status == 0, "\(args): exit \(r.status): \(r.stderr)", sourceLocation: sourceLocation)
            let lines = r.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count >= 2, "\(args): \(lines.count) lines", sourceLocation: sourceLocation)
            for (i, line) in lines.enumerated() {
                let label = "\(args.joined(separator: " ")) line \(i + 1)"
                check(schema, line, label: label, sourceLocation: sourceLocation)
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                #expect(
                    (object?["commits"] != nil) == (i == lines.count - 1), "line \(i + 1): \(line.prefix(80))",
                    sourceLocation: sourceLocation)
            }
        }

        func check(_ schema: String, _ text: String, label: String, sourceLocation: SourceLocation) {
            seen.withLockedValue { $0[schema, default: 0] += 1 }
            if let dir = ProcessInfo.processInfo.environment["MQADMIN_WRITE_SAMPLES"] {
                let n = JSONSchemaTests.samples.withLockedValue { n -> Int in
                    n += 1
                    return n
                }
                try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                _ = FileManager.default.createFile(atPath: "\(dir)/\(schema).\(n).json", contents: Data(text.utf8))
            }
            let file = JSONSchemaTests.schemas.appendingPathComponent(schema + ".json")
            guard let schemaText = try? String(contentsOf: file, encoding: .utf8),
                let check = try? JSONSchemaCheck(schema: schemaText)
            else {
                Issue.record("no readable schema \(file.path)", sourceLocation: sourceLocation)
                return
            }
            let problems = check.problems(text)
            #expect(
                problems.isEmpty, "\(label) against \(schema).json: \(problems.prefix(8))",
                sourceLocation: sourceLocation)
        }
    }

    /// The schema files, by name (`topic.list`).
    static func schemaNames() throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: schemas.path).filter { $0.hasSuffix(".json") }
            .map { String($0.dropLast(5)) })
    }

    @Test func everyCommandsOutputMatchesItsSchema() async throws {
        try await GroupFixture.with(brokers: 2) { f in
            let c = Checker(f.cli)
            try await Self.topics(c)
            try await Self.groupsAndOffsets(c, home: f.home)
            let ids = try await Self.messages(c)
            try await Self.browse(c)
            try await Self.auth(c)
            try await Self.classic(c, msgId: ids.msgId, offsetMsgId: ids.offsetMsgId)
            try await Self.errors(c)
            try await c.run("cluster.list", ["cluster", "list"])
            try await c.run("cluster.check", ["cluster", "check", "--probe"])
            let brokerA = ["--brokerAddr", f.cluster.brokers[0].brokerAddress!]
            try await c.run("brokerConsumeStats", ["brokerConsumeStats"] + brokerA, classic: true)
            try await c.run("broker.status", ["broker", "status"])
            try await c.run("broker.drain", ["broker", "drain", "broker-a"])
            try await c.run("broker.undrain", ["broker", "undrain", "broker-a"])
            try await Self.configuration(c)
            try await c.run("backlog.report", ["backlog", "report", "--window", "0", "--queues"])
            try await c.run("transaction.list", ["transaction", "list"])
            try await c.run("timer.list", ["timer", "list"])
            try await Self.namesrvKVAndCleanup(c)
            try await Self.online(c, f)
            try await Self.resend(c, f, msgId: ids.msgId, offsetMsgId: ids.offsetMsgId)
            try await Self.contextsAndAudit(c, nameServer: f.cluster.nameServerAddress, home: f.home.path)
            try await Self.metadata(c, home: f.home)
            try await Self.metadataClassic(c, f)
            try await Self.deadLettersAndExport(c, f)
            try await Self.producers(c, f)
            try await Self.bench(c)
            #expect(try Self.schemaNames().subtracting(c.checked).isEmpty, "schemas no output was checked against")
        }
    }

    /// `bench produce|consume|e2e`: short runs over both brokers.
    static func bench(_ c: Checker) async throws {
        let short = ["--count", "20", "--warmup", "0"]
        try await c.run("bench.produce", ["bench", "produce"] + short)
        try await c.run("bench.consume", ["bench", "consume", "--topic", "T", "--from", "first"] + short)
        try await c.run("bench.e2e", ["bench", "e2e"] + short)
    }

    /// `dlq list`, `dlq resend` (the plan), `message export` (summary and every line) and `message import` (the plan).
    static func deadLettersAndExport(_ c: Checker, _ f: GroupFixture) async throws {
        let first = try #require(try await f.client.browse(MessageWindow(topic: "T"), limit: 1).messages.first)
        try await f.client.sendBack(group: "g", message: first, delayLevel: -1)
        try await waitUntil("a message in %DLQ%g") {
            (try? await f.client.deadLetters(DeadLetterWindow(group: "g", limit: 1)).letters.count) == 1
        }
        try await c.run("dlq.list", ["dlq", "list", "g"])
        try await c.run("dlq.resend", ["dlq", "resend", "g"])
        let file = f.home.sub("T.jsonl")
        try await c.run("message.export", ["message", "export", "T", "-f", file])
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            c.check("message.export.line", String(line), label: "message export line", sourceLocation: #_sourceLocation)
        }
        try await c.run("message.import", ["message", "import", "T", "-f", file])
    }

    /// With a consumer of `g` online: its connection, members and subscriptions.
    static func online(_ c: Checker, _ f: GroupFixture) async throws {
        let consumerClient = f.cluster.client()
        let consumer = PushConsumer(group: "g", client: consumerClient)
        f.cluster.onStop { await consumer.shutdown() }
        await consumer.subscribe("T", expression: "*")
        try await consumer.start { _, _ in .success }
        try await waitUntil("the consumer of g to be connected", poll: .milliseconds(50)) {
            (try? await f.client.consumerConnection(group: "g")) != nil
        }
        try await c.run("consumerConnection", ["consumerConnection", "--consumerGroup", "g"], classic: true)
        try await c.run("group.describe", ["group", "describe", "g"])
        try await c.run("group.doctor", ["group", "doctor", "g", "--interval", "0"])
        try await c.run("group.list", ["group", "list"])
        let progress = ["consumerProgress", "--groupName", "g", "--showClientIP", "true"]
        try await c.run("consumerProgress", progress, classic: true)
        try await c.run("group.status", ["group", "status", "g", "--stack"])
        let status = ["consumerStatus", "-g", "g", "-i", consumerClient.clientId, "-s"]
        try await c.run("consumerStatus", status, classic: true)
    }

    /// `message resend` and classic `queryMsgById -g/-d/-s`, with the consumer of `g` that `online` started.
    static func resend(_ c: Checker, _ f: GroupFixture, msgId: String, offsetMsgId: String) async throws {
        let connection = try? await f.client.consumerConnection(group: "g")
        let clientId = try #require(connection?.connectionSet.first?.clientId)
        try await c.run("message.resend", ["message", "resend", offsetMsgId, "-g", "g", "--client", clientId])
        try await c.run("message.resend", ["message", "resend", offsetMsgId, "-g", "g"])
        let byId = ["queryMsgById", "--topic", "T", "--msgId", msgId]
        try await c.run("queryMsgById.push", byId + ["-g", "g", "-d", clientId], classic: true)
        try await c.run("queryMsgById.resend", byId + ["-s", "true"], classic: true)
        try await c.run("consumeMessage", ["consumeMessage", "--topic", "T", "-c", "3"], classic: true)
    }

    /// Live producers, broker statistics and allocation (issue 17), with a client heartbeating as producer `pg`.
    static func producers(_ c: Checker, _ f: GroupFixture) async throws {
        let brokers = f.cluster.brokers.map { $0.brokerAddress! }
        try await ProducerCommandsTests.heartbeatAsProducer(f.cluster.client(), group: "pg", brokers: brokers)
        try await c.run("producer.list", ["producer", "list"])
        try await c.run("producer.describe", ["producer", "describe", "pg"])
        try await c.run("producer", ["producer", "-b", brokers[0]], classic: true)
        try await c.run("producerConnection", ["producerConnection", "-g", "pg", "-t", "T"], classic: true)
        try await c.run("statsAll", ["statsAll"], classic: true)
        try await c.run("sendMsgStatus", ["sendMsgStatus", "-b", "broker-a", "-c", "2"], classic: true)
        try await c.run("allocateMQ", ["allocateMQ", "-t", "T", "-i", "10.0.0.1,10.0.0.2"], classic: true)
    }

    /// The context commands and the audit log (local files; the runner's -n keeps later commands on the cluster).
    /// The classic metadata commands (issue 16).
    static func metadataClassic(_ c: Checker, _ f: GroupFixture) async throws {
        let (a, b) = (f.cluster.brokers[0].brokerAddress!, f.cluster.brokers[1].brokerAddress!)
        let cluster = ["--clusterName", "DefaultCluster"]
        let topics = f.home.sub("schema-topics.json")
        let groups = f.home.sub("schema-groups.json")
        try Data(#"[{"topicName":"SchemaList"}]"#.utf8).write(to: URL(fileURLWithPath: topics))
        try Data(#"[{"groupName":"schema-g"}]"#.utf8).write(to: URL(fileURLWithPath: groups))
        try await f.client.createUser(UserInfo(username: "carol", password: "pw-carol"), broker: a)
        for (schema, args) in [
            ("updateTopicList", ["updateTopicList", "--filename", topics] + cluster),
            ("updateSubGroupList", ["updateSubGroupList", "--filename", groups] + cluster),
            ("updateTopicPerm", ["updateTopicPerm", "--topic", "SchemaList", "--perm", "4"] + cluster),
            ("updateOrderConf", ["updateOrderConf", "--topic", "T", "--method", "put", "--orderConf", "broker-a:2"]),
            ("updateOrderConf", ["updateOrderConf", "--topic", "T", "--method", "get"]),
            ("getConsumerConfig", ["getConsumerConfig", "--groupName", "schema-g"]),
            ("exportMetadata", ["exportMetadata", "--filePath", f.home.sub("schema-export")] + cluster),
            ("copyUser", ["copyUser", "--fromBroker", a, "--toBroker", b]),
            ("copyAcl", ["copyAcl", "--fromBroker", a, "--toBroker", b]),
        ] {
            try await c.run(schema, args, classic: true)
        }
        try await c.run("user.copy", ["user", "copy", "carol", "--from", a, "--to", b])
        try await c.run("acl.copy", ["acl", "copy", "--from", a, "--to", b])
    }

    static func contextsAndAudit(_ c: Checker, nameServer: String, home: String) async throws {
        let local = InProcessRunner(home: home)  // context commands take no -n of the connection's
        try await c.run("context.add", ["context", "add", "schema", "-n", nameServer, "--read-only"], runner: local)
        try await c.run("context.add", ["context", "add", "other", "-n", nameServer], runner: local)
        try await c.run("context.list", ["context", "list"], runner: local)
        try await c.run("context.show", ["context", "show", "schema"], runner: local)
        try await c.run("context.use", ["context", "use", "other"], runner: local)
        try await c.run("context.use", ["context", "use", "--none"], runner: local)
        try await c.run("context.delete", ["context", "delete", "other"], runner: local)
        try await c.run("context.delete", ["context", "delete", "schema"], runner: local)
        let audit = try await c.run("audit", ["audit"], runner: local)
        let entries = (audit as? [String: Any])?["entries"] as? [Any] ?? []
        #expect(entries.count > 5, "the changes made above are audited: \(entries.count) entries")
    }

    /// `metadata export` (the document, and the summary of a --file export) and `metadata apply` (a plan, then
    /// an executed prune of one topic the file does not name).
    static func metadata(_ c: Checker, home: TempDirectory) async throws {
        try await c.run("metadata.export", ["metadata", "export", "--with-auth", "--with-offsets"])
        let file = home.path + "/schema.metadata.json"
        try await c.run("metadata.export", ["metadata", "export", "-f", file])
        try await c.run("metadata.apply", ["metadata", "apply", file])
        #expect(try await c.cli.run(["topic", "create", "SchemaMeta"]).status == 0)
        try await c.run("metadata.apply", ["metadata", "apply", file, "--prune"])
        try await c.run("metadata.apply", ["metadata", "apply", file, "--prune", "--execute", "--yes"])
        try await c.run("metadata.undo.list", ["metadata", "undo", "--list"])
        try await c.run("metadata.undo", ["metadata", "undo"])
        try await c.run("metadata.undo", ["metadata", "undo", "--execute", "--yes"])
    }

    /// Which command lines ask for the error document: read from the words, parsing may have failed.
    @Test func jsonIsReadFromTheWordsAsTyped() {
        #expect(ErrorJSON.requested(["topic", "list", "-o", "json"]))
        #expect(ErrorJSON.requested(["-o", "json", "topic", "list"]))  // a global option before the command
        #expect(ErrorJSON.requested(["topic", "list", "--output=json"]))
        #expect(ErrorJSON.requested(["topicRoute", "-t", "T", "--output", "json"]))
        #expect(!ErrorJSON.requested(["topic", "list", "-o", "table"]))
        #expect(!ErrorJSON.requested(["backlog", "report", "-o", "prometheus"]))
        #expect(!ErrorJSON.requested(["message", "send", "T", "--", "-o", "json"]))  // a body, not an option
        // Classic commands' -o is another option (updateTopic -o is the order flag).
        #expect(!ErrorJSON.requested(["updateTopic", "-t", "T", "-o", "json"]))
        #expect(!ErrorJSON.requested(["updatetopic", "-t", "T", "-o", "json"]))
    }

    /// Every command that prints a report has a schema: `topic list` → topic.list.json, classic by its name.
    @Test func everyCommandHasASchema() throws {
        let names = try Self.schemaNames()
        let all = CommandNames.allPaths()
        let leaves = all.filter { p in !all.contains { $0.count > p.count && Array($0.prefix(p.count)) == p } }
        for leaf in leaves where !CommandTreeWalkTests.withoutJSON.contains(leaf.joined(separator: " ")) {
            #expect(names.contains(leaf.joined(separator: ".")), "no docs/schemas/\(leaf.joined(separator: ".")).json")
        }
    }

    static func topics(_ c: Checker) async throws {
        try await c.run("topic.list", ["topic", "list"])
        try await c.run("topic.create", ["topic", "create", "SchemaT", "--read-queues", "2", "--write-queues", "2"])
        try await c.run("topic.update", ["topic", "update", "SchemaT", "--perm", "RW", "--write-queues", "3"])
        try await c.run("topic.describe", ["topic", "describe", "T"])
        try await c.run("topic.route", ["topic", "route", "T"])
        try await c.run("topic.delete", ["topic", "delete", "SchemaT", "--yes"])
    }

    static func groupsAndOffsets(_ c: Checker, home: TempDirectory) async throws {
        try await c.run("group.create", ["group", "create", "g2"])
        try await c.run("group.update", ["group", "update", "g2", "--retry-max-times", "3"])
        try await c.run("group.set-mode", ["group", "set-mode", "g2", "--topic", "T", "--mode", "pop"])
        try await c.run("group.list", ["group", "list"])
        try await c.run("group.describe", ["group", "describe", "g"])
        try await c.run("offset.show", ["offset", "show", "g", "-t", "T"])
        try await c.run("offset.reset", ["offset", "reset", "g", "-t", "T", "--to-latest"])
        try await c.run("offset.reset", ["offset", "reset", "g", "-t", "T", "--shift-by", "-2", "--execute", "--yes"])
        try await c.run("offset.show", ["offset", "show", "g"])
        try await c.run("group.describe", ["group", "describe", "g"])
        try await c.run("offset.clone", ["offset", "clone", "g", "g2", "--topic", "T", "--execute", "--yes"])
        let file = home.path + "/g.offsets.json"
        try await c.run("offset.export", ["offset", "export", "g", "--file", file])
        try await c.run("offset.export", ["offset", "export", "g"])
        try await c.run("offset.import", ["offset", "import", file, "--group", "g2", "--execute", "--yes"])
        try await c.run("offset.undo.list", ["offset", "undo", "--list"])
        try await c.run("offset.undo", ["offset", "undo", "--group", "g2", "--execute", "--yes"])
        try await c.run("group.delete", ["group", "delete", "g2", "--yes"])
    }

    static func messages(_ c: Checker) async throws -> (msgId: String, offsetMsgId: String) {
        let sent = try await c.run("message.send", ["message", "send", "T", "hello", "--key", "k-schema", "--trace"])
        let msgId = try #require((sent as? [String: Any])?["msgId"] as? String)
        let offsetMsgId = try #require((sent as? [String: Any])?["offsetMsgId"] as? String)
        try await c.run("message.get", ["message", "get", msgId, "--topic", "T"])
        try await c.run("message.query", ["message", "query", "--topic", "T", "--key", "k-schema"])
        let consume = ["message", "consume", "T", "--group", "cg-schema", "--count", "40", "--from", "earliest"]
        try await c.runLines("message.consume", consume + ["--trace"])
        try await c.run("trace.show", ["trace", "show", msgId])
        return (msgId, offsetMsgId)
    }

    /// `message browse` / `message tail`: JSON Lines, every line against the schema (the last is the summary);
    /// and the classic printMsg family.
    static func browse(_ c: Checker) async throws {
        for (schema, args) in [
            ("message.browse", ["message", "browse", "T"]), ("message.tail", ["message", "tail", "T"]),
        ] {
            let r = try await c.cli.run(args + ["-o", "json"])
            #expect(r.status == 0, "\(args): exit \(r.status): \(r.stderr)")
            let lines = r.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count >= 2, "\(args): \(lines.count) lines")
            for (i, line) in lines.enumerated() {
                let label = "\(args.joined(separator: " ")) line \(i + 1)"
                c.check(schema, line, label: label, sourceLocation: #_sourceLocation)
            }
        }
        try await c.run("printMsg", ["printMsg", "--topic", "T"], classic: true)
        let byQueue = ["printMsgByQueue", "--topic", "T", "--brokerName", "broker-a", "--queueId", "0"]
        try await c.run("printMsgByQueue", byQueue, classic: true)
    }

    /// The classic (Apache-named) commands' `--output json`, schemas named as the commands.
    static func classic(_ c: Checker, msgId: String, offsetMsgId: String) async throws {
        let cluster = ["--clusterName", "DefaultCluster"]
        for (schema, args) in [
            ("topicList", ["topicList"]), ("topicRoute", ["topicRoute", "--topic", "T"]),
            ("topicStatus", ["topicStatus", "--topic", "T"]),
            ("topicClusterList", ["topicClusterList", "--topic", "T"]),
            ("clusterList", ["clusterList"]), ("brokerStatus", ["brokerStatus"] + cluster),
            ("updateTopic",
             ["updateTopic", "--topic", "ClassicT", "--readQueueNums", "2", "--writeQueueNums", "2"] + cluster),
            ("deleteTopic", ["deleteTopic", "--topic", "ClassicT"] + cluster),
            ("updateSubGroup", ["updateSubGroup", "--groupName", "cg2"] + cluster),
            ("consumerProgress", ["consumerProgress", "--groupName", "g"]),
            ("skipAccumulatedMessage", ["skipAccumulatedMessage", "--group", "g", "--topic", "T"]),
            ("resetOffsetByTime", ["resetOffsetByTime", "--group", "g", "--topic", "T", "--timestamp", "0"]),
            ("cloneGroupOffset", ["cloneGroupOffset", "--srcGroup", "g", "--destGroup", "cg2", "--topic", "T"]),
            ("deleteSubGroup", ["deleteSubGroup", "--groupName", "cg2"] + cluster),
            ("setConsumeMode", ["setConsumeMode", "-t", "T", "-g", "cg2", "-m", "PULL"] + cluster),
            ("sendMessage", ["sendMessage", "--topic", "T", "--body", "classic", "--key", "k-classic"]),
            ("queryMsgByKey", ["queryMsgByKey", "--topic", "T", "--msgKey", "k-schema"]),
            ("queryMsgById", ["queryMsgById", "--topic", "T", "--msgId", offsetMsgId]),
            ("queryMsgByUniqueKey", ["queryMsgByUniqueKey", "--topic", "T", "--msgId", msgId]),
            ("queryMsgByOffset",
             ["queryMsgByOffset", "--topic", "T", "--brokerName", "broker-a", "--queueId", "0", "--offset", "0"]),
            ("queryMsgTraceById", ["queryMsgTraceById", "--msgId", msgId]),
            ("wipeWritePerm", ["wipeWritePerm", "--brokerName", "broker-a"]),
            ("addWritePerm", ["addWritePerm", "--brokerName", "broker-a"]),
            ("checkMsgSendRT", ["checkMsgSendRT", "--topic", "T", "--amount", "3", "--size", "16"]),
            ("clusterRT", ["clusterRT", "--amount", "2", "--rounds", "1"] + ["--cluster", "DefaultCluster"]),
            ("queryCq", ["queryCq", "--topic", "T", "--queue", "0", "--index", "0", "--count", "2"]),
        ] {
            try await c.run(schema, args, classic: true)
        }
        let bobOnT = ["--subject", "User:bob", "--resources", "Topic:T"]
        let createUser = ["createUser", "--username", "bob", "--password-stdin"] + cluster
        try await c.run("createUser", createUser, stdin: "pw-bob-1\n", classic: true)
        for (schema, args) in [
            ("updateUser", ["updateUser", "--username", "bob", "--userStatus", "disable"]),
            ("getUser", ["getUser", "--username", "bob"]), ("listUser", ["listUser"]),
            ("createAcl", ["createAcl"] + bobOnT + ["--actions", "Pub", "--decision", "Allow"]),
            ("updateAcl", ["updateAcl"] + bobOnT + ["--actions", "Sub", "--decision", "Deny"]),
            ("getAcl", ["getAcl", "--subject", "User:bob"]), ("listAcl", ["listAcl"]),
            ("deleteAcl", ["deleteAcl", "--subject", "User:bob"]), ("deleteUser", ["deleteUser", "--username", "bob"]),
        ] {
            try await c.run(schema, args + cluster, classic: true)
        }
    }

    static func auth(_ c: Checker) async throws {
        try await c.run("user.create", ["user", "create", "alice", "--password-stdin"], stdin: "pw-alice-1\n")
        try await c.run("user.update", ["user", "update", "alice", "--status", "disable"])
        try await c.run("user.get", ["user", "get", "alice"])
        try await c.run("user.list", ["user", "list"])
        let rule = ["--subject", "User:alice", "--resource", "Topic:T", "--action", "Pub,Sub"]
        try await c.run("acl.create", ["acl", "create"] + rule + ["--decision", "Allow"])
        try await c.run("acl.update", ["acl", "update"] + rule + ["--decision", "Deny", "--source-ip", "10.0.0.0/8"])
        try await c.run("acl.get", ["acl", "get", "--subject", "User:alice"])
        try await c.run("acl.list", ["acl", "list"])
        let explain = ["acl", "explain", "--user", "alice", "--resource", "Topic:T", "--action"]
        try await c.run("acl.explain", explain + ["Pub"])
        try await c.run("acl.explain", explain + ["Sub", "--source-ip", "10.1.1.1"])
        try await c.run("acl.delete", ["acl", "delete", "--subject", "User:alice", "--yes"])
        try await c.run("user.delete", ["user", "delete", "alice", "--yes"])
    }

    /// Under `-o json` an error is also a document on stdout, beside its one stderr line.
    static func errors(_ c: Checker) async throws {
        let cases: [(args: [String], exit: MQExit, classic: Bool)] = [
            (["topic", "list", "--no-such-option"], .usage, false),
            (["topic", "create"], .usage, false),  // parsing fails: -o json read from the words
            (["topic", "describe", "NoSuchTopic"], .notFound, false),
            (["group", "describe", "no-such-group"], .notFound, false),
            (["topicRoute", "-t", "NoSuchTopic"], .notFound, true),
        ]
        for (args, exit, classic) in cases {
            let error = try await c.run("error", args, exit: exit, classic: classic) as? [String: Any]
            let body = try #require(error?["error"] as? [String: Any], "\(args)")
            #expect(body["exit"] as? Int == Int(exit.rawValue) && body["code"] as? String == "\(exit)", "\(args)")
        }
        // Global options before the command count too; without -o json stdout stays empty.
        let before = try await c.cli.run(["-o", "json", "topic", "describe", "NoSuchTopic"])
        #expect(before.status == 3 && before.stdout.contains("\"notFound\""))
        let plain = try await c.cli.run(["topic", "describe", "NoSuchTopic"])
        #expect(plain.status == 3 && plain.stdout.isEmpty && plain.stderr.split(separator: "\n").count == 1)
        // Nothing listening (port 1 is privileged and unused): unreachable.
        let down = Checker(InProcessRunner(nameServer: "127.0.0.1:1"))
        let error = try await down.run("error", ["topic", "list"], exit: .unreachable) as? [String: Any]
        #expect((error?["error"] as? [String: Any])?["code"] as? String == "unreachable")
    }

    /// Empty results are empty lists, on a store with nothing of the user's in it.
    @Test func emptyResultsAreEmptyLists() async throws {
        let dir = try TempDirectory("schema-empty")
        try await withTeardown {
            try await seedBundledStore(dir.sub("data"))
            let c = Checker(InProcessRunner(dataDirectory: dir.sub("data"), home: dir.sub("home")))
            let lists: [(schema: String, args: [String], field: String?)] = [
                ("topic.list", ["topic", "list"], "topics"), ("group.list", ["group", "list"], "groups"),
                ("user.list", ["user", "list"], nil), ("acl.list", ["acl", "list"], nil),
                ("transaction.list", ["transaction", "list"], "transactions"),
                ("timer.list", ["timer", "list"], "buckets"),
            ]
            for (schema, args, field) in lists {
                let value = try await c.run(schema, args)
                let list = field.map { (value as? [String: Any])?[$0] } ?? value
                #expect((list as? [Any])?.isEmpty == true, "\(args): \(String(describing: value))")
            }
            try await c.run("group.create", ["group", "create", "idle"])
            let shown = try await c.run("offset.show", ["offset", "show", "idle"]) as? [String: Any]
            #expect((shown?["queues"] as? [Any])?.isEmpty == true, "\(String(describing: shown))")
        } teardown: {
            dir.remove()
        }
    }
}

extension JSONSchemaTests {
    /// `broker config`, `namesrv config` and their classic names; the changes set values already in place.
    static func configuration(_ c: Checker) async throws {
        try await c.run("broker.config.get", ["broker", "config", "get", "broker-a", "traceOn"])
        try await c.run("broker.config.set", ["broker", "config", "set", "traceOn=true"])
        try await c.run("broker.config.set", ["broker", "config", "set", "traceOn=true", "--execute"])
        try await c.run("broker.config.diff", ["broker", "config", "diff"])
        try await c.run("namesrv.config.get", ["namesrv", "config", "get"])
        try await c.run("namesrv.config.set", ["namesrv", "config", "set", "orderMessageEnable=false", "--execute"])
        try await c.run("getBrokerConfig", ["getBrokerConfig", "-c", "DefaultCluster"], classic: true)
        try await c.run(
            "updateBrokerConfig", ["updateBrokerConfig", "-c", "DefaultCluster", "-k", "traceOn", "-v", "true"],
            classic: true)
        try await c.run("getNamesrvConfig", ["getNamesrvConfig"], classic: true)
        try await c.run("updateNamesrvConfig", ["updateNamesrvConfig", "-k", "orderMessageEnable", "-v", "false"],
            classic: true)
    }

    /// `namesrv kv …`, `broker clean` and their classic names.
    static func namesrvKVAndCleanup(_ c: Checker) async throws {
        let kv = ["ORDER_TOPIC_CONFIG", "SchemaT"]
        try await c.run("namesrv.kv.set", ["namesrv", "kv", "set"] + kv + ["broker-a:4"])
        try await c.run("namesrv.kv.get", ["namesrv", "kv", "get"] + kv)
        try await c.run("namesrv.kv.list", ["namesrv", "kv", "list", "ORDER_TOPIC_CONFIG"])
        try await c.run("namesrv.kv.delete", ["namesrv", "kv", "delete"] + kv)
        let classicKV = ["--namespace", "ORDER_TOPIC_CONFIG", "--key", "SchemaC"]
        try await c.run("updateKvConfig", ["updateKvConfig"] + classicKV + ["--value", "v"], classic: true)
        try await c.run("deleteKvConfig", ["deleteKvConfig"] + classicKV, classic: true)
        try await c.run("broker.clean", ["broker", "clean", "expired-cq"])
        try await c.run("broker.clean", ["broker", "clean", "unused-topics", "--execute", "--yes"])
        for command in ["deleteExpiredCommitLog", "cleanExpiredCQ", "cleanUnusedTopic"] {
            try await c.run(command, [command, "--cluster", "DefaultCluster"], classic: true)
        }
    }
}
