import MQProtocol
import Synchronization

/// The handles the endpoint renews for push consumers (Apache's proxy's `DefaultReceiptHandleManager` and
/// `ReceiptHandleGroup`, design pop-grpc.md §1.3): every message delivered with `auto_renew`, by client and group,
/// until the client acks it, changes its invisible time, forwards it to the DLQ, or goes away. A simple consumer's
/// handles are never here.
final class GrpcReceiptHandles: Sendable {
    /// Apache's key: the client, the group, the message id and the delivered handle's queue and offset (a message
    /// delivered again — from the retry topic — has other ones).
    struct Key: Hashable, Sendable {
        var clientId: String
        var group: String
        var messageId: String
        var queueId: Int32
        var queueOffset: Int64
    }

    struct Entry: Sendable {
        /// The topic the client received from (the retry topic's handles name it through their topic flag).
        var topic: String
        /// The receive's call: renewals and releases are made as the client (its language and version).
        var call: GrpcCall
        /// The message's current handle (renewals change it; the client keeps the first).
        var handle: PopExtraInfo
        var delivered: Int64
        var reconsumeTimes: Int32
        var renewals = 0
        var failures = 0
        /// A renewal is in flight: whoever takes the handle waits for its result (Apache locks the handle).
        var busy = false
    }

    private let table = Mutex<[Key: Entry]>([:])

    static func key(clientId: String, group: String, messageId: String, handle: PopExtraInfo) -> Key {
        Key(clientId: clientId, group: group, messageId: messageId, queueId: handle.queueId,
            queueOffset: handle.queueOffset)
    }

    func add(_ key: Key, _ entry: Entry) { table.withLock { $0[key] = entry } }

    var count: Int { table.withLock { $0.count } }

    var snapshot: [Key: Entry] { table.withLock { $0 } }

    func entry(_ key: Key) -> Entry? { table.withLock { $0[key] } }

    var clientIds: Set<String> { table.withLock { Set($0.keys.map(\.clientId)) } }

    /// The current handle of the message the client names with `text` (its first handle), no longer renewed; nil
    /// when the endpoint does not renew it. A renewal in flight is waited for (a broker call: milliseconds), so that
    /// what the client does next applies to the handle that renewal made.
    func take(clientId: String, group: String, messageId: String, text: String) async -> PopExtraInfo? {
        guard let delivered = PopExtraInfo(parsing: text) else { return nil }
        let key = Self.key(clientId: clientId, group: group, messageId: messageId, handle: delivered)
        return await takeWhenIdle { table in table[key].map { _ in [key] } ?? [] }.first?.1.handle
    }

    /// Every handle of `clientId`, no longer renewed (the client went away).
    func takeAll(of clientId: String) async -> [(Key, Entry)] {
        await takeWhenIdle { table in table.keys.filter { $0.clientId == clientId } }
    }

    /// Every handle (the endpoint stops).
    func takeAll() async -> [(Key, Entry)] { await takeWhenIdle { Array($0.keys) } }

    /// Removes and returns the entries `select` names once none of them has a renewal in flight. The wait polls:
    /// a renewal is one broker call, and there is no per-entry signal to wait on (at most 5 s, then taken anyway).
    private func takeWhenIdle(_ select: @Sendable ([Key: Entry]) -> [Key]) async -> [(Key, Entry)] {
        let deadline = ContinuousClock.now + .seconds(5)
        while true {
            let taken: [(Key, Entry)]? = table.withLock { table in
                let keys = select(table)
                guard ContinuousClock.now >= deadline || !keys.contains(where: { table[$0]?.busy == true }) else {
                    return nil
                }
                return keys.compactMap { key in table.removeValue(forKey: key).map { (key, $0) } }
            }
            if let taken { return taken }
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    /// The entries whose invisible time ends within `ahead` ms of `now`, marked busy (renewal starts).
    func due(now: Int64, ahead: Int64) -> [(Key, Entry)] {
        table.withLock { table in
            var due: [(Key, Entry)] = []
            for (key, entry) in table where !entry.busy && entry.handle.nextVisibleTime - now <= ahead {
                table[key]?.busy = true
                due.append((key, entry))
            }
            return due
        }
    }

    /// A renewal's result: the new handle, or nil when it failed; the entry is dropped after `maxFailures` failures
    /// in a row or when `keep` is false (the handle is gone).
    func renewed(_ key: Key, handle: PopExtraInfo?, keep: Bool = true, maxFailures: Int) {
        table.withLock { table in
            guard var entry = table[key] else { return }
            entry.busy = false
            if let handle {
                entry.handle = handle
                entry.renewals += 1
                entry.failures = 0
            } else {
                entry.failures += 1
            }
            table[key] = keep && entry.failures < maxFailures ? entry : nil
        }
    }
}
