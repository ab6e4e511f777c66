import MQClient
import MQProtocol
import NIOCore

/// One producer's task: warm-up, then measured sends, paced when a rate is set.
struct ProducerLoop: Sendable {
    let engine: ProduceEngine
    let index: Int
    let body: ByteBuffer
    let measureStart: UInt64

    var settings: ProduceSettings { engine.settings }

    func run() async -> ProducerTally {
        var tally = ProducerTally()
        let quota = engine.quota(index)
        let deadline: UInt64? =
            if case .duration(let d) = settings.limit { measureStart + ProduceEngine.nanos(d) } else { nil }
        // Nanoseconds between sends of this producer at the target rate (0: open loop).
        let perProducer = settings.rate / Double(settings.producers)
        let interval = perProducer > 0 ? 1e9 * Double(settings.batch) / perProducer : 0
        var next = Double(monotonicNanos())
        var measuring = false
        var claimed = 0
        var seq = 0
        await withTaskGroup(of: SendOutcome.self) { group in
            var outstanding = 0
            while !engine.stop.isStopped && !Task.isCancelled {
                let now = monotonicNanos()
                let warm = now < measureStart
                if !warm {
                    if !measuring {
                        measuring = true
                        next = Double(max(now, measureStart))
                    }
                    if let quota, claimed >= quota { break }
                    if let deadline, now >= deadline { break }
                }
                if interval > 0 {
                    let wait = next - Double(monotonicNanos())
                    if wait > 0 { try? await Task.sleep(for: .nanoseconds(Int64(wait))) }
                    next += interval
                }
                let n = warm ? settings.batch : min(settings.batch, quota.map { $0 - claimed } ?? settings.batch)
                if !warm { claimed += n }
                let messages = (0..<n).map { _ -> Message in
                    seq += 1
                    return message(seq: seq, warm: warm)
                }
                if settings.mode == .async {
                    if outstanding >= settings.inflight, let done = await group.next() {
                        outstanding -= 1
                        note(done, into: &tally)
                    }
                    outstanding += 1
                    group.addTask { await send(messages, warm: warm) }
                } else {
                    note(await send(messages, warm: warm), into: &tally)
                }
            }
            for await done in group { note(done, into: &tally) }
        }
        return tally
    }

    func note(_ o: SendOutcome, into tally: inout ProducerTally) {
        if o.error == nil {
            engine.counters.sent.add(o.count, ordering: .relaxed)
        } else {
            engine.counters.errors.add(o.count, ordering: .relaxed)
        }
        tally.add(o)
    }

    func message(seq: Int, warm: Bool) -> Message {
        var m = Message(topic: settings.topic, body: body)
        if settings.keys { m.properties[MessageConst.keys] = "bench-\(index)-\(seq)" }
        if let run = engine.runId {
            m.properties[BenchProperty.run] = run
            m.properties[BenchProperty.id] = "\(index)-\(seq)"
            if warm { m.properties[BenchProperty.warmup] = "1" }
        }
        return m
    }

    /// One send call; the send time goes into e2e messages just before it.
    func send(_ messages: [Message], warm: Bool) async -> SendOutcome {
        var messages = messages
        let begin = monotonicNanos()
        if engine.runId != nil {
            for i in messages.indices { messages[i].properties[BenchProperty.sentAt] = String(begin) }
        }
        var error: BenchError?
        do {
            switch (settings.mode, messages.count) {
            case (.oneway, 1): try await engine.producer.sendOneway(messages[0])
            case (.oneway, _):
                // A batch has no oneway form in Apache's client either; each message goes on its own.
                for m in messages { try await engine.producer.sendOneway(m) }
            case (_, 1): _ = try await engine.producer.send(messages[0])
            default: _ = try await engine.producer.sendBatch(messages)
            }
        } catch let e {
            error = BenchError(e)
        }
        let end = monotonicNanos()
        return SendOutcome(
            count: messages.count, bytes: messages.count * body.readableBytes, warm: warm,
            latency: settings.mode == .oneway ? nil : end - begin, end: end, error: error)
    }
}
