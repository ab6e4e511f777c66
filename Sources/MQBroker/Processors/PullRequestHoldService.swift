import Logging
import MQProtocol
import MQRemoting
import NIOConcurrencyHelpers
import NIOCore

/// Long polling: pulls that found nothing wait here until a matching message arrives or they time out
/// (Apache's PullRequestHoldService, with a finer re-check period than its 5 s).
final class PullRequestHoldService: Sendable {
    struct Held {
        var request: RemotingCommand
        var peer: any RemotingPeer
        /// A message at or after this offset may wake it: the pull's, or past what a re-run already scanned.
        var offset: Int64
        var filter: PullMessageFilter
        var deadline: Int64
        var complete: CompleteOnce
        var promise: EventLoopFuture<RemotingCommand?>
    }

    private let held = NIOLockedValueBox<[String: [Held]]>([:])
    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    static func key(_ topic: String, _ queueId: Int32) -> String { topic + "@" + String(queueId) }

    func hold(_ h: Held, topic: String, queueId: Int32) {
        held.withLockedValue { $0[Self.key(topic, queueId), default: []].append(h) }
    }

    var count: Int { held.withLockedValue { $0.values.reduce(0) { $0 + $1.count } } }

    /// The offsets from which the pulls held on a queue wake.
    func offsets(topic: String, queueId: Int32) -> [Int64] {
        held.withLockedValue { $0[Self.key(topic, queueId)]?.map(\.offset) ?? [] }
    }

    /// A message landed on topic/queue: wake the pulls it satisfies. Cheap when nobody waits.
    func messageArrived(
        topic: String, queueId: Int32, queueOffset: Int64, tagsCode: Int64, properties: MessageProperties,
        retry: @escaping @Sendable (Held) -> Void
    ) {
        let key = Self.key(topic, queueId)
        let woken: [Held] = held.withLockedValue { all in
            guard let list = all[key], !list.isEmpty else { return [] }
            var keep: [Held] = []
            var wake: [Held] = []
            for h in list {
                if queueOffset >= h.offset && h.filter.matches(tagsCode: tagsCode, properties: properties) {
                    wake.append(h)
                } else {
                    keep.append(h)
                }
            }
            all[key] = keep.isEmpty ? nil : keep
            return wake
        }
        for h in woken { h.peer.eventLoop.execute { retry(h) } }
    }

    /// Re-checks every held pull: those past their deadline, or whose queue grew, are answered.
    /// `maxOffset` (the caller's, reading the store) runs outside this service's lock; a queue whose first
    /// pull was held after the maxima were read waits for the next check.
    func check(now: Int64, maxOffset: (String, Int32) -> Int64, retry: @escaping @Sendable (Held) -> Void) {
        var maxima: [String: Int64] = [:]
        for key in held.withLockedValue({ Array($0.keys) }) {
            guard let at = key.lastIndex(of: "@"), let q = Int32(key[key.index(after: at)...]) else { continue }
            maxima[key] = maxOffset(String(key[..<at]), q)
        }
        let due: [Held] = held.withLockedValue { all in
            var due: [Held] = []
            for (key, list) in all {
                let max = maxima[key] ?? .min
                var keep: [Held] = []
                for h in list {
                    if now >= h.deadline || max > h.offset || !h.peer.isActive { due.append(h) } else { keep.append(h) }
                }
                all[key] = keep.isEmpty ? nil : keep
            }
            return due
        }
        for h in due { h.peer.eventLoop.execute { retry(h) } }
    }
}
