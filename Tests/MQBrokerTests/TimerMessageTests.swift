import Foundation
import Logging
import MQClient
import MQProtocol
import MQTestSupport
import NIOPosix
import Testing

@testable import MQBroker

/// 5.x timer messages (TIMER_DELIVER_MS / TIMER_DELAY_SEC / TIMER_DELAY_MS) on a real broker over TCP: held
/// until due, delivered within a second after, durable across a restart, recallable, refused beyond the maximum.
@Suite(.serialized) struct TimerMessageTests {
    static func epochMillis() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    /// Long-polls `queue` from `offset` until a message arrives; returns it and when it arrived (epoch ms).
    static func awaitDelivery(
        _ client: MQClientInstance, _ queue: MessageQueue, offset: Int64, timeout: Duration = .seconds(20)
    ) async throws -> (message: MessageExt, arrivedAt: Int64) {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let r = try await client.pull(group: "timer-check", queue: queue, offset: offset, suspendMillis: 1000)
            if let m = r.messages.first { return (m, epochMillis()) }
        }
        throw TestProcessError("no message at \(queue) offset \(offset) within \(timeout)")
    }

    /// Checks a delivered timer message arrived not before `deliverAt` and within a second after.
    static func expectOnTime(_ got: (message: MessageExt, arrivedAt: Int64), deliverAt: Int64, _ what: String) {
        let stored = got.message.storeTimestamp
        #expect(stored >= deliverAt, "\(what) stored \(deliverAt - stored) ms early")
        #expect(got.arrivedAt >= deliverAt, "\(what) arrived \(deliverAt - got.arrivedAt) ms early")
        #expect(got.arrivedAt <= deliverAt + 1000, "\(what) arrived \(got.arrivedAt - deliverAt) ms late")
    }

    @Test func theThreeTimerPropertiesHoldTheMessageUntilItsTime() async throws {
        try await withCluster { cluster in
            let client = cluster.client()
            let producer = Producer(group: "timer-pg", client: client)
            let broker = cluster.brokers[0].brokerAddress!
            let queue = MessageQueue(topic: "Timed", brokerName: "broker-a", queueId: 1)
            _ = try await producer.send(Message(topic: "Timed", body: "route"), to: queue)
            let base = try await client.maxOffset(queue)

            let sentAt = Self.epochMillis()
            var atTime = Message(topic: "Timed", body: "at a time", tags: "T1", keys: ["at"])
            atTime.deliverTimeMs = sentAt + 5_000
            var afterSeconds = Message(topic: "Timed", body: "after seconds", keys: ["sec"])
            afterSeconds.delayTimeSec = 2
            var afterMillis = Message(topic: "Timed", body: "after millis", keys: ["ms"])
            afterMillis.delayTimeMs = 3_500
            let results = [
                try await producer.send(atTime, to: queue), try await producer.send(afterSeconds, to: queue),
                try await producer.send(afterMillis, to: queue),
            ]
            let sentBy = Self.epochMillis()
            for r in results {
                #expect(r.status == .sendOK)
                // The queue it was sent to, as Apache answers; and a recall handle naming this topic and broker.
                #expect(r.queue.queueId == 1)
                let handle = try RecallHandle(decoding: try #require(r.recallHandle))
                #expect(handle.topic == "Timed" && handle.brokerName == "broker-a" && handle.messageId == r.msgId)
            }
            // Not delivered yet: the real queue holds only the route message; the timer holds all three.
            #expect(try await client.maxOffset(queue) == base)
            try await waitUntil("the timer to index three messages") {
                try await client.brokerRuntimeInfo(broker: broker)["timerCongestNum"] == "3"
            }
            let info = try await client.brokerRuntimeInfo(broker: broker)
            #expect(info["timerOffsetBehind"] == "0" && info["timerReadBehind"] == "0")

            // Delivered in time order: seconds (2 s), millis (3.5 s), then the fixed time (5 s).
            let first = try await Self.awaitDelivery(client, queue, offset: base)
            #expect(first.message.properties.keys == ["sec"])
            #expect(first.message.storeTimestamp >= sentAt + 2_000)
            #expect(first.arrivedAt <= sentBy + 2_000 + 1_000)
            let second = try await Self.awaitDelivery(client, queue, offset: base + 1)
            #expect(second.message.properties.keys == ["ms"])
            #expect(second.message.storeTimestamp >= sentAt + 3_500)
            #expect(second.arrivedAt <= sentBy + 3_500 + 1_000)
            let third = try await Self.awaitDelivery(client, queue, offset: base + 2)
            Self.expectOnTime(third, deliverAt: sentAt + 5_000, "TIMER_DELIVER_MS")
            // As sent, back in its own topic and queue; the timer's bookkeeping as Apache leaves it.
            let m = third.message
            #expect(m.topic == "Timed" && m.queueId == 1 && String(buffer: m.body) == "at a time" && m.tags == "T1")
            #expect(m.properties[MessageConst.realTopic] == nil && m.properties[MessageConst.realQueueId] == nil)
            #expect(m.properties[MessageConst.timerOutMS] != nil && m.properties[MessageConst.timerDequeueMS] != nil)
            #expect(m.properties.uniqueKey == results[0].msgId)
            try await waitUntil("the timer to be empty") {
                try await client.brokerRuntimeInfo(broker: broker)["timerCongestNum"] == "0"
            }
            #expect(try await client.maxOffset(queue) == base + 3)
            await client.shutdown()
        }
    }

    @Test func aRecalledMessageIsNeverDelivered() async throws {
        try await withCluster { cluster in
            let client = cluster.client()
            let producer = Producer(group: "timer-pg", client: client)
            let queue = MessageQueue(topic: "Recalled", brokerName: "broker-a", queueId: 0)
            _ = try await producer.send(Message(topic: "Recalled", body: "route"), to: queue)
            let base = try await client.maxOffset(queue)

            let now = Self.epochMillis()
            var doomed = Message(topic: "Recalled", body: "never", keys: ["doomed"])
            doomed.deliverTimeMs = now + 2_000
            let sent = try await producer.send(doomed, to: queue)
            let recalledId = try await producer.recall(try #require(sent.recallHandle))
            #expect(recalledId == sent.msgId)
            // A later message on the same queue: once it is delivered, the recalled one's time has long passed.
            var witness = Message(topic: "Recalled", body: "witness", keys: ["witness"])
            witness.deliverTimeMs = now + 2_500
            let witnessSent = try await producer.send(witness, to: queue)
            let got = try await Self.awaitDelivery(client, queue, offset: base)
            #expect(got.message.properties.keys == ["witness"])
            Self.expectOnTime(got, deliverAt: now + 2_500, "the witness")
            #expect(try await client.maxOffset(queue) == base + 1)

            // Too late to recall: Apache's code and remark.
            do {
                try await producer.recall(try #require(witnessSent.recallHandle))
                Issue.record("a recall after the message's time was accepted")
            } catch let error as ClientError {
                guard case .brokerError(let code, let remark, _) = error else { throw error }
                #expect(ResponseCode(rawValue: code) == .illegalOperation)
                #expect(remark == "recall failed, timestamp invalid")
            }
            // A handle that is not one.
            await #expect(throws: ClientError.self) { try await producer.recall("not a handle!") }
            await client.shutdown()
        }
    }

    @Test func beyondTheMaximumDelayIsRefusedAsApacheDoes() async throws {
        try await withCluster(configure: { $0.timer.maxDelaySeconds = 60 }) { cluster in
            let client = cluster.client()
            let producer = Producer(group: "timer-pg", client: client)
            _ = try await producer.send(Message(topic: "TooFar", body: "route"))
            let remark =
                "timer message illegal, the delay time should not be bigger than the max delay 60000ms; "
                + "or if set del msg, the delay time should be bigger than the current time"
            var tooFar = Message(topic: "TooFar", body: "later")
            tooFar.deliverTimeMs = Self.epochMillis() + 61_000
            var notANumber = Message(topic: "TooFar", body: "when?")
            notANumber.properties[MessageConst.timerDelaySec] = "soon"
            for message in [tooFar, notANumber] {
                do {
                    _ = try await producer.send(message)
                    Issue.record("a timer message beyond the maximum delay was accepted")
                } catch let error as ClientError {
                    guard case .brokerError(let code, let text, _) = error else { throw error }
                    #expect(ResponseCode(rawValue: code) == .messageIllegal && text == remark)
                }
            }
            // Within the maximum: accepted.
            var inRange = Message(topic: "TooFar", body: "fine")
            inRange.delayTimeSec = 59
            #expect(try await producer.send(inRange).recallHandle != nil)
            await client.shutdown()
        }
    }

    /// A real `mqadmin broker start` process, stopped and started again on the same data directory between a
    /// timer message's send and its time: it is delivered on time, once; one delivered before the stop is not
    /// delivered again. `--timer-max-delay` reaches the broker.
    @Test func timerMessagesSurviveARestartAndFireOnTime() async throws {
        let dir = try TempDirectory("timer-restart")
        defer { dir.remove() }
        let data = dir.sub("data")
        let arguments = ["--timer-max-delay", "1m"]
        let (deliverAt, q, base) = try await withBrokerProcess(dataDirectory: data, arguments: arguments) { first in
            let client = Self.client(first.nameServer)
            let producer = Producer(group: "timer-pg", client: client)
            let route = try await producer.send(Message(topic: "Durable", body: "route"))
            let q = MessageQueue(topic: "Durable", brokerName: route.queue.brokerName, queueId: 0)
            let base = try await client.maxOffset(q)
            var early = Message(topic: "Durable", body: "early", keys: ["early"])
            early.delayTimeMs = 500
            _ = try await producer.send(early, to: q)
            let delivered = try await Self.awaitDelivery(client, q, offset: base)
            #expect(delivered.message.properties.keys == ["early"])

            var tooFar = Message(topic: "Durable", body: "too far")
            tooFar.delayTimeSec = 61
            await #expect(throws: ClientError.self) { _ = try await producer.send(tooFar, to: q) }

            var late = Message(topic: "Durable", body: "after the restart", keys: ["late"])
            let deliverAt = Self.epochMillis() + 5_000
            late.deliverTimeMs = deliverAt
            #expect(try await producer.send(late, to: q).status == .sendOK)
            await client.shutdown()
            return (deliverAt, q, base)
        }
        try await withBrokerProcess(dataDirectory: data, arguments: arguments) { second in
            let client = Self.client(second.nameServer)
            // Otherwise the first broker may have delivered it: the restart would prove nothing.
            #expect(Self.epochMillis() < deliverAt - 500, "the restart took too long to prove anything")
            try await waitUntil("the recovered timer to hold the message") {
                try await client.brokerRuntimeInfo(broker: second.broker)["timerCongestNum"] == "1"
            }
            let got = try await Self.awaitDelivery(client, q, offset: base + 1)
            #expect(got.message.properties.keys == ["late"] && String(buffer: got.message.body) == "after the restart")
            Self.expectOnTime(got, deliverAt: deliverAt, "the message due after the restart")
            // Delivered once, and the one delivered before the stop not again.
            #expect(try await client.maxOffset(q) == base + 2)
            let all = try await client.pull(group: "timer-check", queue: q, offset: base)
            #expect(all.messages.map { $0.properties.keys } == [["early"], ["late"]])
            await client.shutdown()
        }
    }

    /// The same after kill -9: the timer queue is recovered with the store, and the message still fires on time.
    @Test func aTimerMessageSurvivesKillDashNine() async throws {
        let dir = try TempDirectory("timer-crash")
        defer { dir.remove() }
        let data = dir.sub("data")
        let (deliverAt, q) = try await withBrokerProcess(dataDirectory: data) { first in
            let client = Self.client(first.nameServer)
            let producer = Producer(group: "timer-pg", client: client)
            let route = try await producer.send(Message(topic: "Crashed", body: "route"))
            let q = MessageQueue(topic: "Crashed", brokerName: route.queue.brokerName, queueId: route.queue.queueId)
            var m = Message(topic: "Crashed", body: "still comes", keys: ["crash"])
            let deliverAt = Self.epochMillis() + 5_000
            m.deliverTimeMs = deliverAt
            #expect(try await producer.send(m, to: q).status == .sendOK)
            await client.shutdown()
            first.crash()
            return (deliverAt, q)
        }
        try await withBrokerProcess(dataDirectory: data) { second in
            let client = Self.client(second.nameServer)
            #expect(Self.epochMillis() < deliverAt - 500, "the restart took too long to prove anything")
            let got = try await Self.awaitDelivery(client, q, offset: 1)
            #expect(got.message.properties.keys == ["crash"] && String(buffer: got.message.body) == "still comes")
            Self.expectOnTime(got, deliverAt: deliverAt, "the message due after kill -9")
            await client.shutdown()
        }
    }

    static func client(_ nameServer: String) -> MQClientInstance {
        var logger = Logger(label: "timer-test")
        logger.logLevel = .error
        return MQClientInstance(
            nameServers: [nameServer], group: MultiThreadedEventLoopGroup.singleton, timeout: .seconds(10),
            logger: logger)
    }
}

/// The timer's parts on their own: slots, the handle format, the index's order and counts, the checkpoint file.
@Suite struct TimerPartsTests {
    @Test func aMessageFiresAtTheFirstMultipleOfThePrecisionAtOrAfterItsTime() {
        #expect(BrokerCore.slot(of: 1_000, precision: 100) == 900)
        #expect(BrokerCore.slot(of: 1_001, precision: 100) == 1_000)
        #expect(BrokerCore.slot(of: 1_099, precision: 100) == 1_000)
        #expect(BrokerCore.slot(of: 2_500, precision: 1_000) == 2_000)
        #expect(TimerSettings.normalized(precision: 50) == 100 && TimerSettings.normalized(precision: 700) == 500)
        let props = MessageProperties(decoding: "")
        #expect(BrokerCore.deliverTime(of: props, now: 5) == nil)
    }

    @Test func recallHandlesAreApachesBase64URLText() throws {
        let handle = RecallHandle(
            topic: "Orders", brokerName: "broker-a", timestamp: "1700000000101", messageId: "7F0000010001ABCD")
        // Java's Base64.getUrlEncoder() of "v1 Orders broker-a 1700000000101 7F0000010001ABCD".
        #expect(handle.encoded == "djEgT3JkZXJzIGJyb2tlci1hIDE3MDAwMDAwMDAxMDEgN0YwMDAwMDEwMDAxQUJDRA==")
        #expect(try RecallHandle(decoding: handle.encoded) == handle)
        #expect(try RecallHandle(decoding: String(handle.encoded.dropLast(2))) == handle)
        let fourItems = RecallHandle(topic: "a", brokerName: "b", timestamp: "c", messageId: "").encoded
        for bad in ["", "!!!!", "djE=", fourItems] {
            #expect(throws: RecallHandle.Invalid.self) { try RecallHandle(decoding: bad) }
        }
    }

    @Test func theIndexGivesDueEntriesInTimeOrderAndCountsPerMinute() {
        var index = TimerIndex(precision: 100)
        func entry(_ offset: Int64, slot: Int64, topic: String = "A", cancels: String? = nil) -> TimerEntry {
            TimerEntry(
                queueOffset: offset, commitLogOffset: offset * 100, size: 100, slot: slot, topic: topic,
                cancels: cancels, late: false)
        }
        index.insert(entry(0, slot: 120_000))
        index.insert(entry(1, slot: 60_000, topic: "B"))
        index.insert(entry(2, slot: 60_000))
        index.insert(entry(3, slot: 60_000, cancels: "A+x"))
        #expect(index.nextFireTime == 60_100 && index.congestion == 2 && index.count == 4)
        let counts = index.bucketCounts(topic: nil, until: nil)
        #expect(counts.map(\.key.minute) == [60_000, 60_000, 120_000])
        #expect(counts.first { $0.key.topic == "A" }?.count == TimerIndex.BucketCount(messages: 1, recallMarkers: 1))
        #expect(index.bucketCounts(topic: "B", until: nil).count == 1)
        #expect(index.bucketCounts(topic: nil, until: 100_000).count == 2)
        #expect(index.takeDue(now: 60_099).isEmpty)
        #expect(index.takeDue(now: 60_100).map(\.queueOffset) == [1, 2, 3])
        #expect(index.lowestPendingOffset() == 0 && index.congestion == 1)
        #expect(index.takeDue(now: .max).map(\.queueOffset) == [0] && index.nextFireTime == nil)
    }

    @Test func theCheckpointRoundTripsAndRefusesDamage() throws {
        let dir = try TempDirectory("timercheck")
        defer { dir.remove() }
        let path = dir.sub("timercheck")
        let checkpoint = TimerCheckpoint(indexedOffset: 12, firedThrough: 1_700_000_000_000, scanFrom: 7, timestamp: 9)
        try checkpoint.save(path: path)
        #expect(try TimerCheckpoint.load(path: path) == checkpoint)
        var bytes = checkpoint.encoded()
        #expect(bytes.count == TimerCheckpoint.encodedSize)
        bytes[10] ^= 1
        #expect(TimerCheckpoint(bytes: bytes) == nil)
        #expect(try TimerCheckpoint.load(path: dir.sub("missing")) == nil)
    }
}
