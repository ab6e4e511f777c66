import MQProtocol

/// One message's journey, from its trace records: produced, stored, and consumed by each group, as
/// hops with durations (the dashboard's trace graph as data).
public struct MessageTrace: Sendable {
    /// Where the message is stored.
    public struct Stored: Sendable, Equatable {
        public var broker: String?
        public var storeHost: String
        public var storeTimestamp: Int64
        public var queueId: Int32?
        public var queueOffset: Int64?
        /// True when the message was not found and the time is Java's estimate: send start + cost / 2.
        public var estimated: Bool

        public init(
            broker: String?, storeHost: String, storeTimestamp: Int64, queueId: Int32?, queueOffset: Int64?,
            estimated: Bool
        ) {
            self.broker = broker
            self.storeHost = storeHost
            self.storeTimestamp = storeTimestamp
            self.queueId = queueId
            self.queueOffset = queueOffset
            self.estimated = estimated
        }
    }

    /// A send of the message (a Pub record).
    public struct Produced: Sendable, Equatable {
        public var pub: PubTrace
        public var source: TraceSource
    }

    /// One listener call of a group on the message: its SubBefore and SubAfter, paired by request id.
    public struct ConsumeAttempt: Sendable, Equatable {
        public var requestId: String
        public var before: SubBeforeTrace?
        public var after: SubAfterTrace?
        public var source: TraceSource
        /// Consume start (SubBefore time, else SubAfter time − cost).
        public var start: Int64?
        /// Consume end (SubAfter time, else start + cost); nil without a SubAfter.
        public var end: Int64?
        public var costTime: Int? { after?.costTime }
        public var success: Bool? { after?.success }
        public var retryTimes: Int? { before?.retryTimes }
        public var returnType: ConsumeReturnType? { after?.contextCode.flatMap(ConsumeReturnType.init(rawValue:)) }
    }

    /// A consumer group's listener calls on the message, oldest first.
    public struct Consumer: Sendable, Equatable {
        /// Empty when only CLOUD SubAfter records (no group) were found.
        public var group: String
        public var attempts: [ConsumeAttempt]
    }

    public enum HopKind: String, Sendable, Codable {
        /// The producer's send (start + send cost).
        case send
        /// The broker storing it (a point in time).
        case store
        /// Waiting in the broker until a group's consumer picked it up (from the store, or the group's
        /// previous attempt).
        case deliver
        /// A consumer's listener working on it.
        case consume
    }

    /// A step of the timeline.
    public struct Hop: Sendable, Equatable {
        public var kind: HopKind
        /// Producer group, broker or consumer group.
        public var who: String
        /// The client or broker address, where known.
        public var host: String?
        public var start: Int64
        /// Milliseconds; nil for the store point, or a consume without an end record.
        public var duration: Int64?
        /// `success`/`failed` for send and consume, nil otherwise.
        public var success: Bool?
        /// Reconsume times of a consume hop.
        public var retryTimes: Int?
        public var estimated = false
    }

    public var msgId: String
    public var traceTopic: String
    /// The message's topic (from a Pub record or the stored message).
    public var topic: String?
    public var tags: String?
    public var keys: [String]
    public var produced: [Produced]
    public var stored: Stored?
    /// Why `stored` is nil or estimated.
    public var storedReason: String?
    public var consumers: [Consumer]
    public var transactions: [EndTransactionTrace]
    public var recalls: [RecallTrace]
    /// Every record found, in lookup order.
    public var records: [FoundTraceRecord]
    public var unreadable: [FoundUnreadableTrace]
    /// Brokers of the trace topic that did not answer (the trace may be incomplete).
    public var failures: [BacklogFailure]
    public var hops: [Hop]
    /// Index in `hops` of the longest send, deliver or consume hop.
    public var slowestHop: Int?

    /// True when no readable record was found.
    public var isEmpty: Bool { records.isEmpty }

    /// Milliseconds from the first send start to the last consume end.
    public var endToEnd: Int64? {
        guard let first = produced.map(\.pub.timestamp).min(),
            let last = consumers.flatMap(\.attempts).compactMap(\.end).max()
        else { return nil }
        return last - first
    }
}

extension MessageTrace {
    /// Builds the journey from a lookup and, when found, the stored message itself.
    public init(lookup: TraceLookupResult, stored message: MessageExt?, brokerName: String?) {
        msgId = lookup.msgId
        traceTopic = lookup.traceTopic
        records = lookup.records
        unreadable = lookup.unreadable
        failures = lookup.failures
        produced = []
        transactions = []
        recalls = []
        var befores: [(SubBeforeTrace, TraceSource)] = []
        var afters: [(SubAfterTrace, TraceSource)] = []
        for found in lookup.records {
            switch found.record {
            case .pub(let p): produced.append(Produced(pub: p, source: found.source))
            case .subBefore(let b): befores.append((b, found.source))
            case .subAfter(let a): afters.append((a, found.source))
            case .endTransaction(let e): transactions.append(e)
            case .recall(let r): recalls.append(r)
            }
        }
        produced.sort { $0.pub.timestamp < $1.pub.timestamp }
        let pub = produced.first?.pub
        topic = message?.topic ?? pub?.topic
        tags = message?.tags ?? pub?.tags
        keys = message?.keys ?? (pub?.keys ?? "").split(separator: " ").map(String.init)
        if let message {
            stored = Stored(
                broker: brokerName, storeHost: message.storeHost.description, storeTimestamp: message.storeTimestamp,
                queueId: message.queueId, queueOffset: message.queueOffset, estimated: false)
        } else if let pub {
            stored = Stored(
                broker: nil, storeHost: pub.storeHost, storeTimestamp: pub.timestamp + Int64(pub.costTime / 2),
                queueId: nil, queueOffset: nil, estimated: true)
            storedReason =
                "the message itself was not found (expired, or its topic deleted); the store time is Java's "
                + "estimate: send start + half the send cost"
        } else {
            storedReason = "no Pub record and the message itself was not found"
        }
        consumers = Self.pair(befores, afters)
        hops = []
        slowestHop = nil
        buildHops()
    }

    /// Pairs SubBefore and SubAfter records by request id, grouped by consumer group.
    static func pair(
        _ befores: [(SubBeforeTrace, TraceSource)], _ afters: [(SubAfterTrace, TraceSource)]
    ) -> [Consumer] {
        var attempts: [ConsumeAttempt] = []
        var byRequest: [String: Int] = [:]
        for (b, source) in befores {
            byRequest[b.requestId] = attempts.count
            attempts.append(
                ConsumeAttempt(
                    requestId: b.requestId, before: b, after: nil, source: source, start: b.timestamp, end: nil))
        }
        for (a, source) in afters {
            if let i = byRequest[a.requestId], attempts[i].after == nil {
                attempts[i].after = a
                attempts[i].source = source
            } else {
                byRequest[a.requestId] = attempts.count
                attempts.append(ConsumeAttempt(requestId: a.requestId, before: nil, after: a, source: source))
            }
        }
        for i in attempts.indices {
            let cost = Int64(attempts[i].after?.costTime ?? 0)
            if attempts[i].start == nil, let t = attempts[i].after?.timestamp { attempts[i].start = t - cost }
            if let a = attempts[i].after { attempts[i].end = a.timestamp ?? attempts[i].start.map { $0 + cost } }
        }
        var groups: [String: [ConsumeAttempt]] = [:]
        for a in attempts { groups[a.before?.group ?? a.after?.group ?? "", default: []].append(a) }
        return groups.map { group, list in
            Consumer(group: group, attempts: list.sorted { ($0.start ?? .max) < ($1.start ?? .max) })
        }.sorted { a, b in
            let (x, y) = (a.attempts.first?.start ?? .max, b.attempts.first?.start ?? .max)
            return x != y ? x < y : a.group < b.group
        }
    }

    mutating func buildHops() {
        for p in produced {
            hops.append(
                Hop(
                    kind: .send, who: p.pub.group, host: p.source.bornHost.hostString, start: p.pub.timestamp,
                    duration: Int64(p.pub.costTime), success: p.pub.success))
        }
        if let s = stored {
            hops.append(
                Hop(
                    kind: .store, who: s.broker ?? s.storeHost, host: s.storeHost, start: s.storeTimestamp,
                    estimated: s.estimated))
        }
        let origin = stored?.storeTimestamp ?? produced.first.map { $0.pub.timestamp + Int64($0.pub.costTime) }
        for c in consumers {
            var previous = origin
            for a in c.attempts {
                if let from = previous, let start = a.start {
                    hops.append(Hop(kind: .deliver, who: c.group, start: from, duration: start - from))
                }
                if let start = a.start {
                    hops.append(
                        Hop(
                            kind: .consume, who: c.group, host: a.source.bornHost.hostString, start: start,
                            duration: a.end.map { $0 - start }, success: a.success, retryTimes: a.retryTimes))
                }
                previous = a.end ?? previous
            }
        }
        var best: (index: Int, duration: Int64)?
        for (i, h) in hops.enumerated() where h.kind != .store {
            if let d = h.duration, d > (best?.duration ?? -1) { best = (i, d) }
        }
        slowestHop = best?.index
    }
}

extension MQClientInstance {
    /// `msgId`'s trace records on `traceTopic` and its journey. The message itself is looked up by its
    /// id on `topic` (or the topic its Pub record names) for the real store time and broker; pass
    /// `stored` when it is already known (found by key).
    public func messageTrace(
        msgId: String, traceTopic: String = SystemTopics.trace, topic: String? = nil, stored: MessageExt? = nil,
        begin: Int64 = 0, end: Int64 = .max, maxNum: Int32 = 64
    ) async throws -> MessageTrace {
        let lookup = try await traceRecords(
            msgId: msgId, traceTopic: traceTopic, begin: begin, end: end, maxNum: maxNum)
        var message = stored
        let pubTopic = lookup.records.lazy.compactMap { r -> String? in
            if case .pub(let p) = r.record { return p.topic }
            return nil
        }.first
        if message == nil, !lookup.records.isEmpty, let t = topic ?? pubTopic {
            message = try? await lookupMessages(topic: t, key: msgId, unique: true).messages.first
        }
        let name = await message.asyncMap { await brokerName(of: $0.storeHost) } ?? nil
        return MessageTrace(lookup: lookup, stored: message, brokerName: name)
    }
}

extension Optional {
    fileprivate func asyncMap<U>(_ f: (Wrapped) async -> U) async -> U? {
        guard let self else { return nil }
        return await f(self)
    }
}
