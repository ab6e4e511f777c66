import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// Bad input to the topics area's commands: one `mqadmin:` line on stderr naming the problem, the
/// documented exit code, nothing on stdout, nothing changed on the brokers.
@Suite(.serialized) struct TopicBadInputTests {
    struct Case: Sendable, CustomStringConvertible {
        var args: [String]
        var exit: Int32
        var says: String
        var description: String { args.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(
            args: ["topic", "create", "Bad", "-r", "0"], exit: 2, says: "--read-queues \"0\" is not a positive number"),
        Case(
            args: ["topic", "create", "Bad", "-w", "-3"], exit: 2,
            says: "--write-queues \"-3\" is not a positive number"),
        Case(args: ["topic", "create", "Bad", "-r", "many"], exit: 2, says: "is not a positive number of queues"),
        Case(args: ["topic", "create", "Bad", "--perm", "RX"], exit: 2, says: "is not a permission; use RW, R or W"),
        Case(args: ["topic", "create", "Bad", "--broker", "localhost"], exit: 2, says: "is not HOST:PORT"),
        Case(args: ["topic", "create", "Bad", "--broker", "127.0.0.1:1"], exit: 3, says: "is not a master registered"),
        Case(args: ["topic", "create", "Bad", "--cluster", "Nope"], exit: 3, says: "cluster Nope does not exist"),
        Case(args: ["topic", "create", "Bad", "-c", "DefaultCluster", "-b", "127.0.0.1:1"], exit: 2, says: "not both"),
        Case(args: ["topic", "create", "Bad", "--attribute", "oops"], exit: 2, says: "is not KEY=VALUE"),
        Case(args: ["topic", "create", "Bad/Name"], exit: 2, says: "illegal character '/'"),
        Case(args: ["topic", "create", "TBW102"], exit: 1, says: "already exists"),
        Case(args: ["topic", "update", "Bad"], exit: 2, says: "nothing to change"),
        Case(args: ["topic", "update", "Bad", "-w", "2"], exit: 3, says: "topic Bad does not exist"),
        Case(args: ["topic", "describe", "Bad"], exit: 3, says: "topic Bad does not exist"),
        Case(args: ["topic", "route", "Bad"], exit: 3, says: "topic Bad does not exist"),
        Case(args: ["topic", "delete", "Bad", "--yes"], exit: 3, says: "topic Bad does not exist"),
        Case(args: ["topic", "delete", "TBW102", "--yes"], exit: 2, says: "is a system topic"),
        Case(args: ["topic", "list", "--cluster", "Nope"], exit: 3, says: "cluster Nope does not exist"),
        Case(args: ["cluster", "list", "--cluster", "Nope"], exit: 3, says: "cluster Nope does not exist"),
        Case(args: ["broker", "status", "-b", "127.0.0.1:1"], exit: 4, says: "cannot reach broker 127.0.0.1:1"),
        Case(args: ["updateTopic", "-t", "Bad"], exit: 2, says: "-b BROKER_ADDR or -c CLUSTER_NAME"),
        Case(args: ["updateTopic", "-t", "Bad", "-c", "DefaultCluster", "-r", "0"], exit: 2, says: "-r \"0\""),
        Case(
            args: ["updateTopic", "-t", "Bad", "-c", "DefaultCluster", "-p", "5"], exit: 2,
            says: "-p \"5\" is not a permission"),
        Case(
            args: ["updateTopic", "-t", "Bad", "-c", "DefaultCluster", "-o", "yes"], exit: 2,
            says: "-o \"yes\" is not true or false"),
        Case(
            args: ["updateTopic", "-t", "Bad", "-c", "DefaultCluster", "-a", "message.type=FIFO"], exit: 2,
            says: "-a:"),
        Case(args: ["updateTopic", "-t", "Bad", "-c", "Nope"], exit: 3, says: "cluster Nope does not exist"),
        Case(args: ["updateTopic", "-t", "Bad", "-b", "not-an-address"], exit: 2, says: "is not HOST:PORT"),
        Case(
            args: ["deleteTopic", "-t", "Bad", "-c", "DefaultCluster", "-y"], exit: 3,
            says: "topic Bad does not exist"),
        Case(args: ["deleteTopic", "-t", "Bad"], exit: 2, says: "Missing expected argument"),
        Case(args: ["topicStatus", "-t", "Bad"], exit: 3, says: "topic Bad does not exist"),
        Case(args: ["topicStatus", "-t", "Bad", "-c", "DefaultCluster"], exit: 3, says: "topic Bad does not exist"),
        Case(args: ["topicRoute", "-t", "Bad"], exit: 3, says: "topic Bad does not exist"),
        Case(args: ["topicClusterList", "-t", "Bad"], exit: 3, says: "topic Bad does not exist"),
        Case(args: ["brokerStatus", "-b", "1.2.3"], exit: 2, says: "is not HOST:PORT"),
        Case(args: ["clusterList", "-i", "0"], exit: 2, says: "-i must be a positive number"),
    ]

    @Test func badInputIsRefusedCleanly() async throws {
        try await TopicTestTarget.withCluster { t in
            for c in Self.cases {
                let r = try await t.run(c.args)
                #expect(r.status == c.exit, "\(c): exit \(r.status), stderr \(r.stderr)")
                #expect(r.errorLine.contains(c.says), "\(c): \(r.stderr)")
                #expect(r.stderr.split(separator: "\n").count == 1, "\(c): \(r.stderr)")
                #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack"), "\(c)")
                if c.exit != 1 { #expect(r.stdout.isEmpty, "\(c): \(r.stdout)") }
            }
            // Nothing was created anywhere.
            let client = t.cluster!.client()
            for addr in t.brokerAddresses { #expect(try await client.topicConfig("Bad", broker: addr) == nil) }
            await client.shutdown()
        }
    }

    @Test func unreachableNameServerExitsFourWithinTheTimeout() async throws {
        let runner = InProcessRunner(nameServer: "127.0.0.1:1")
        for args in [
            ["topic", "list"], ["topic", "create", "T"], ["topic", "describe", "T"], ["cluster", "list"],
            ["broker", "status"], ["topicList"], ["clusterList"], ["updateTopic", "-t", "T", "-c", "C"],
            ["deleteTopic", "-t", "T", "-c", "C", "-y"], ["topicRoute", "-t", "T"],
        ] {
            let start = ContinuousClock.now
            let r = try await runner.run(args + ["--timeout", "500"])
            let elapsed = ContinuousClock.now - start
            #expect(r.status == 4, "\(args): \(r.stderr)")
            #expect(r.errorLine.hasPrefix("mqadmin: cannot reach name server 127.0.0.1:1"), "\(args)")
            #expect(elapsed < .seconds(2), "\(args) took \(elapsed)")
        }
    }

    @Test func unroutableNameServerIsBoundedByTimeout() async throws {
        // A black-holed address: the connect itself must give up within --timeout.
        let runner = InProcessRunner(nameServer: "10.255.255.1:9876")
        let start = ContinuousClock.now
        let r = try await runner.run(["topic", "list", "--timeout", "500"])
        #expect(r.status == 4, "\(r.stderr)")
        #expect(ContinuousClock.now - start < .seconds(2))
    }
}
