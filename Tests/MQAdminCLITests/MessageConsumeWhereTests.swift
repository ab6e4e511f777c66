import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// `mqadmin message consume --where EXPR`: the SQL92 evaluator the broker uses, over the messages' properties.
@Suite(.serialized) struct MessageConsumeWhereTests {
    @Test func consumesOnlyTheMessagesTheConditionMakesTrue() async throws {
        try await withCluster(brokers: 2) { cluster in
            try await MessageFixtures.createTopic(cluster, "Where")
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            // a = 0...9 except on every fourth message (missing: NULL), region alternating eu and us.
            var want: Set<String> = []
            for i in 0..<16 {
                var args = ["message", "send", "Where", "body \(i)", "--key", "w\(i)"]
                let region = i % 2 == 0 ? "eu" : "us"
                args += ["--property", "region=\(region)"]
                if i % 4 != 3 { args += ["--property", "a=\(i % 10)"] }
                try await cli.run(args)
                if i % 4 != 3 && i % 10 > 5 && region == "eu" { want.insert("w\(i)") }
            }
            #expect(want == ["w6", "w8"])
            let keys = { (o: [String: Any]) in
                Set((o["messages"] as? [[String: Any]] ?? []).compactMap { ($0["keys"] as? [String])?.first })
            }
            let matched = MessageFixtures.consumed(
                try await cli.json(
                    ["message", "consume", "Where", "-g", "cg-where", "-c", "100", "--where", "a > 5 AND region = 'eu'"]
                ).result)
            #expect(keys(matched) == want)
            #expect(matched["count"] as? Int == want.count)
            // The others counted as consumed: nothing is left for the group, whatever the condition.
            let rest = MessageFixtures.consumed(
                try await cli.json(["message", "consume", "Where", "-g", "cg-where", "-c", "100"]).result)
            #expect(rest["count"] as? Int == 0)
            // A missing property is NULL: only IS NULL matches it.
            let missing = MessageFixtures.consumed(
                try await cli.json(
                    ["message", "consume", "Where", "-g", "cg-null", "-c", "100", "--where", "a IS NULL", "--no-commit"]
                ).result)
            #expect(keys(missing) == ["w3", "w7", "w11", "w15"])
            let notFive = MessageFixtures.consumed(
                try await cli.json(
                    ["message", "consume", "Where", "-g", "cg-null", "-c", "100", "--where", "a <> 5", "--no-commit"]
                ).result)
            #expect(notFive["count"] as? Int == 11)  // 12 with a, less the one where a = 5
        }
    }
}
