import MQProtocol
import MQRemoting
import NIOConcurrencyHelpers
import NIOCore

/// Parked POP_MESSAGE and NOTIFICATION requests (Apache's `PopLongPollingService`): a request that found nothing
/// waits here until a message is stored in its topic or in the group's POP retry topic, or its poll time ends.
/// Memory only, under one short lock; waking hands the request back to its thread (pop thread or event loop).
final class PopHoldService: Sendable {
    enum Kind: Sendable { case pop, notification }

    struct Held: Sendable {
        let id: UInt64
        let kind: Kind
        let request: RemotingCommand
        let peer: any RemotingPeer
        let group: String
        let topic: String
        let queueId: Int32
        let deadline: Int64
        let complete: CompleteOnce
        let promise: EventLoopFuture<RemotingCommand?>
    }

    /// Apache's per-key limit is larger (`maxPopPollingSize`); past this a request is answered POLLING_FULL.
    static let maxPerKey = 1024

    private struct State {
        var nextId: UInt64 = 0
        /// By the topic whose new messages wake them: the popped topic and the group's POP retry topic.
        var byTopic: [String: [UInt64]] = [:]
        var held: [UInt64: Held] = [:]
    }

    private let state = NIOLockedValueBox(State())

    func makeId() -> UInt64 {
        state.withLockedValue {
            $0.nextId += 1
            return $0.nextId
        }
    }

    /// Parks `h`; false when its key already holds `maxPerKey` (the caller answers POLLING_FULL).
    func hold(_ h: Held) -> Bool {
        let retry = PopTopics.retryTopic(group: h.group, topic: h.topic)
        return state.withLockedValue { s in
            let same = s.byTopic[h.topic, default: []].filter { id in
                s.held[id].map { $0.group == h.group && $0.queueId == h.queueId } ?? false
            }
            guard same.count < Self.maxPerKey else { return false }
            s.held[h.id] = h
            s.byTopic[h.topic, default: []].append(h.id)
            s.byTopic[retry, default: []].append(h.id)
            return true
        }
    }

    /// Takes every request a message stored in `topic` may answer.
    func take(topic: String) -> [Held] {
        state.withLockedValue { s in
            guard let ids = s.byTopic.removeValue(forKey: topic) else { return [] }
            let taken = ids.compactMap { s.held.removeValue(forKey: $0) }
            for h in taken { Self.unlink(h, from: &s) }
            return taken
        }
    }

    /// Takes the requests whose poll time has ended (or whose connection closed).
    func takeExpired(now: Int64) -> [Held] {
        state.withLockedValue { s in
            let expired = s.held.values.filter { $0.deadline <= now || !$0.peer.isActive }
            for h in expired {
                s.held[h.id] = nil
                Self.unlink(h, from: &s)
            }
            return expired
        }
    }

    /// POLLING_INFO: the requests parked for (topic, group, queue).
    func count(topic: String, group: String, queueId: Int32) -> Int {
        state.withLockedValue { s in
            s.held.values.filter { $0.topic == topic && $0.group == group && $0.queueId == queueId }.count
        }
    }

    private static func unlink(_ h: Held, from s: inout State) {
        for topic in [h.topic, PopTopics.retryTopic(group: h.group, topic: h.topic)] {
            s.byTopic[topic]?.removeAll { $0 == h.id }
            if s.byTopic[topic]?.isEmpty == true { s.byTopic[topic] = nil }
        }
    }
}
