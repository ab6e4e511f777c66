import Foundation
import Logging
import MQBroker
import MQClient
import MQProtocol
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// The demo's broker, traffic and consumers, and the tour of commands run against them.
struct DemoWorld {
    let directory: String
    let messages: Int

    func say(_ text: String) { Emit.write(text + "\n") }

    func run() async throws {
        let logger = Logs.make("mqadmin.demo", level: .error)
        let group = MultiThreadedEventLoopGroup.singleton
        let server = try await startServer(logger: logger, group: group)
        let ns = server.nameServerAddress!
        say("Bundled broker: name server \(ns), broker \(server.brokerAddress!), data \(directory)")
        let client = MQClientInstance(nameServers: [ns], group: group, timeout: .seconds(5), logger: logger)
        var consumers: [PushConsumer] = []
        let gate = Gate()
        do {
            try await seed(client: client, broker: server.brokerAddress!)
            consumers = try await startConsumers(client: client, gate: gate)
            try await waitForProgress(client: client)
            say("")
            for args in tourCommands() {
                say("$ mqadmin " + args.joined(separator: " "))
                _ = await CommandRunner.run(args + ["--data", directory])
                say("")
            }
        } catch {
            gate.open()
            for c in consumers { await c.shutdown() }
            await client.shutdown()
            await server.stop()
            throw error
        }
        gate.open()
        for c in consumers { await c.shutdown() }
        await client.shutdown()
        await server.stop()
        say("The demo data is in \(directory). Explore it with, for example:")
        say("  mqadmin --data \(directory) topic describe orders")
        say("  mqadmin --data \(directory) backlog report --queues")
        say("  mqadmin broker start --data \(directory)    # and point any RocketMQ client at 127.0.0.1:9876")
    }

    func tourCommands() -> [[String]] {
        [
            ["topic", "list"],
            ["backlog", "report"],
            ["message", "query", "--topic", "orders", "--key", "order-0042"],
        ]
    }

    /// Binds the default ports when free (so offset message ids stay valid for later sessions), else any port.
    func startServer(logger: Logger, group: any EventLoopGroup) async throws -> MQServer {
        for (ns, broker) in [("127.0.0.1:9876", "127.0.0.1:10911"), ("127.0.0.1:0", "127.0.0.1:0")] {
            var options = ServerOptions(dataDirectory: directory)
            options.nameServerListen = ns
            options.brokerListen = broker
            let server = MQServer(options: options, group: group, logger: logger)
            do {
                try await server.start()
                return server
            } catch let error as BrokerError {
                throw error
            } catch {
                // The default ports are taken: try the next pair.
                continue
            }
        }
        throw CLIError("cannot start the demo broker on loopback")
    }

    func seed(client: MQClientInstance, broker: String) async throws {
        try await client.createTopic(TopicConfig(topicName: "orders", readQueueNums: 4, writeQueueNums: 4), broker: broker)
        try await client.createTopic(TopicConfig(topicName: "payments", readQueueNums: 2, writeQueueNums: 2), broker: broker)
        for name in ["billing", "shipping", "audit"] {
            try await client.updateGroup(SubscriptionGroupConfig(groupName: name), broker: broker)
        }
        for _ in 0..<50 where (try? await client.route(topic: "payments", refresh: true)) == nil {
            try await Task.sleep(for: .milliseconds(100))
        }
        let producer = Producer(group: "demo-producer", client: client)
        let tags = ["created", "paid", "shipped"]
        var batch: [Message] = []
        for i in 1...messages {
            let key = String(format: "order-%04d", i)
            let body = #"{"order":"\#(key)","amount":\#(10 + i % 90).\#(i % 100),"status":"\#(tags[i % 3])"}"#
            batch.append(Message(topic: "orders", body: body, tags: tags[i % 3], keys: [key]))
            if batch.count == 50 || i == messages {
                _ = try await producer.sendBatch(batch)
                batch.removeAll()
            }
        }
        for i in 1...(messages / 4) {
            let key = String(format: "pay-%04d", i)
            _ = try await producer.send(Message(topic: "payments", body: #"{"payment":"\#(key)"}"#, keys: [key, String(format: "order-%04d", i)]))
        }
        say("Produced \(messages) orders and \(messages / 4) payments with keys and tags.")
    }

    /// billing keeps up; shipping is slow (lagging); audit stops after a few hundred (stalled).
    func startConsumers(client: MQClientInstance, gate: Gate) async throws -> [PushConsumer] {
        let billing = PushConsumer(group: "billing", client: client, consumeFromWhere: .firstOffset)
        await billing.subscribe("orders")
        await billing.subscribe("payments")
        try await billing.start { _, _ in .success }

        let shipping = PushConsumer(group: "shipping", client: client, consumeFromWhere: .firstOffset, batchSize: 1)
        await shipping.subscribe("orders")
        try await shipping.start { _, _ in
            try? await Task.sleep(for: .milliseconds(25))
            return .success
        }

        let audit = PushConsumer(group: "audit", client: client, consumeFromWhere: .firstOffset, batchSize: 8)
        let seen = NIOLockedValueBox(0)
        await audit.subscribe("orders")
        try await audit.start { messages, _ in
            let n = seen.withLockedValue { v -> Int in
                v += messages.count
                return v
            }
            // After a few hundred messages the auditor hangs on a "slow downstream call" until the demo ends.
            if n > 300 { await gate.wait() }
            return .success
        }
        say("Consumers: billing keeps up, shipping is slow, audit hangs after ~300 messages.")
        return [billing, shipping, audit]
    }

    /// Waits until billing caught up and the others committed something, so the report shows all three states.
    func waitForProgress(client: MQClientInstance) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let billing = try? await client.consumeStats(group: "billing")
            let audit = try? await client.consumeStats(group: "audit")
            let billingLag = billing?.totalDiff ?? 1
            let auditDone = audit?.offsetTable.entries.reduce(0) { $0 + $1.value.consumerOffset } ?? 0
            if billingLag == 0 && auditDone > 0 { return }
            try await Task.sleep(for: .milliseconds(500))
        }
    }
}

/// Holds waiters until opened (the "hung" consumer of the demo).
final class Gate: Sendable {
    private let state = NIOLockedValueBox<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func wait() async {
        await withCheckedContinuation { c in
            let resumeNow = state.withLockedValue { s -> Bool in
                if s.open { return true }
                s.waiters.append(c)
                return false
            }
            if resumeNow { c.resume() }
        }
    }

    func open() {
        let waiters = state.withLockedValue { s -> [CheckedContinuation<Void, Never>] in
            s.open = true
            defer { s.waiters = [] }
            return s.waiters
        }
        for w in waiters { w.resume() }
    }
}
