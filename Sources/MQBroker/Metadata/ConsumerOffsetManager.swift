import Logging
import MQProtocol
import NIOConcurrencyHelpers

/// Committed consumer offsets per `topic@group` and queue, persisted in `config/consumerOffset.json`.
///
/// Commits are frequent (every pull may carry one), so they only mark the table dirty; a timer
/// persists it, and so does shutdown.
public final class ConsumerOffsetManager: Sendable {
    private struct State {
        var table: [String: [Int: Int64]] = [:]
        var dataVersion = DataVersion()
        var dirty = false
        /// Last pulled offsets (not persisted), for ConsumeStats' pullOffset.
        var pulled: [String: [Int: Int64]] = [:]
    }

    private let state = NIOLockedValueBox(State())
    private let file: ConfigFile<ConsumerOffsetSerializeWrapper>
    private let logger: Logger

    init(path: String, logger: Logger) throws {
        file = ConfigFile(path: path)
        self.logger = logger
        if let loaded = try file.load() {
            state.withLockedValue {
                $0.table = loaded.offsetTable
                $0.dataVersion = loaded.dataVersion
            }
        }
    }

    static func key(topic: String, group: String) -> String { topic + "@" + group }

    /// The committed offset, or -1 when the group never committed for this queue.
    public func offset(group: String, topic: String, queueId: Int32) -> Int64 {
        state.withLockedValue { $0.table[Self.key(topic: topic, group: group)]?[Int(queueId)] } ?? -1
    }

    public func commit(group: String, topic: String, queueId: Int32, offset: Int64) {
        state.withLockedValue { s in
            let k = Self.key(topic: topic, group: group)
            if s.table[k]?[Int(queueId)] != offset {
                s.table[k, default: [:]][Int(queueId)] = offset
                s.dirty = true
            }
        }
    }

    public func recordPull(group: String, topic: String, queueId: Int32, offset: Int64) {
        state.withLockedValue { $0.pulled[Self.key(topic: topic, group: group), default: [:]][Int(queueId)] = offset }
    }

    public func pulledOffset(group: String, topic: String, queueId: Int32) -> Int64? {
        state.withLockedValue { $0.pulled[Self.key(topic: topic, group: group)]?[Int(queueId)] }
    }

    /// All offsets of a group by topic.
    public func offsets(group: String) -> [String: [Int: Int64]] {
        state.withLockedValue { s in
            var out: [String: [Int: Int64]] = [:]
            for (k, v) in s.table {
                guard let at = k.lastIndex(of: "@"), k[k.index(after: at)...] == group else { continue }
                out[String(k[..<at])] = v
            }
            return out
        }
    }

    /// Groups that committed offsets for a topic.
    public func groups(topic: String) -> [String] {
        state.withLockedValue { s in
            s.table.keys.compactMap { k in
                guard let at = k.lastIndex(of: "@"), k[..<at] == topic else { return nil }
                return String(k[k.index(after: at)...])
            }
        }
    }

    public func removeTopic(_ topic: String) {
        state.withLockedValue { s in
            for k in s.table.keys where k.hasPrefix(topic + "@") {
                s.table[k] = nil
                s.dirty = true
            }
        }
    }

    public func removeGroup(_ group: String) {
        state.withLockedValue { s in
            for k in s.table.keys where k.hasSuffix("@" + group) {
                s.table[k] = nil
                s.dirty = true
            }
        }
    }

    public var snapshot: ConsumerOffsetSerializeWrapper {
        state.withLockedValue { ConsumerOffsetSerializeWrapper(dataVersion: $0.dataVersion, offsetTable: $0.table) }
    }

    /// Writes the table if it changed since the last write.
    public func persistIfDirty() {
        let snap: ConsumerOffsetSerializeWrapper? = state.withLockedValue { s in
            guard s.dirty else { return nil }
            s.dirty = false
            s.dataVersion.bump(now: nowMillis())
            return ConsumerOffsetSerializeWrapper(dataVersion: s.dataVersion, offsetTable: s.table)
        }
        guard let snap else { return }
        do {
            try file.save(snap)
        } catch {
            state.withLockedValue { $0.dirty = true }
            logger.error("cannot persist consumer offsets: \(error)")
        }
    }
}
