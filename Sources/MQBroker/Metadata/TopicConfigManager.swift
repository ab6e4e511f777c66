import Logging
import MQProtocol
import NIOConcurrencyHelpers
import NIOCore

/// The broker's topic table, persisted in `config/topics.json`.
///
/// Admin changes (``update(_:)``, ``delete(_:)``) are written before they return, on the caller's thread
/// (an admin handler's, off the event loops). Topics the broker creates by itself on the send thread — a send to a
/// new topic, a retry or DLQ topic for a send-back — are written before the send is acknowledged (`durable`, as
/// Apache writes them in its send path): otherwise a crash would leave acknowledged messages in a topic the broker
/// no longer knows, refused to every pull. Retry topics created for a heartbeat or pull (on an event loop, before
/// any message is in them) only mark the table dirty and ask the persistence thread to write it soon (`onDirty`):
/// a crash in between loses nothing the next heartbeat does not recreate, and no event loop waits for an fsync.
public final class TopicConfigManager: Sendable {
    private struct State {
        var wrapper: TopicConfigSerializeWrapper
        /// Changed since the last write (auto-creations wait for the persistence thread).
        var dirty = false
        /// `answerBody()`'s last result and the data version it was encoded from.
        var answer: (version: DataVersion, body: ByteBuffer)?
    }

    private let state: NIOLockedValueBox<State>
    private let file: ConfigFile<TopicConfigSerializeWrapper>
    private let config: BrokerConfig
    private let logger: Logger
    /// Called after any change, outside the lock (re-register with the name servers).
    let onChange: NIOLockedValueBox<(@Sendable () -> Void)?> = NIOLockedValueBox(nil)
    /// Called, outside the lock, when a change waits to be written (the broker wakes its persistence thread).
    let onDirty: NIOLockedValueBox<(@Sendable () -> Void)?> = NIOLockedValueBox(nil)

    init(config: BrokerConfig, path: String, logger: Logger, writer: MetadataWriter = .atomic) throws {
        self.config = config
        self.logger = logger
        file = ConfigFile(path: path, writer: writer)
        let loaded = try file.load() ?? TopicConfigSerializeWrapper(dataVersion: DataVersion(), topicConfigTable: [:])
        state = NIOLockedValueBox(State(wrapper: loaded))
        try installSystemTopics()
    }

    /// Topics Apache creates at start-up, so clients and tools find what they expect.
    private func installSystemTopics() throws {
        var topics = [
            TopicConfig(topicName: SystemTopics.selfTest, readQueueNums: 1, writeQueueNums: 1),
            TopicConfig(topicName: SystemTopics.offsetMovedEvent, readQueueNums: 1, writeQueueNums: 1),
            TopicConfig(topicName: SystemTopics.schedule, readQueueNums: 18, writeQueueNums: 18),
            TopicConfig(topicName: config.traceTopic, readQueueNums: 1, writeQueueNums: 1),
        ]
        if config.timer.enabled {
            topics.append(TopicConfig(topicName: SystemTopics.timer, readQueueNums: 1, writeQueueNums: 1))
        }
        // Rewritten at every start, as Apache does, so the *TopicEnable settings take effect.
        let readWrite = PermName.read | PermName.write
        let named = [
            TopicConfig(
                topicName: config.clusterName, readQueueNums: 16, writeQueueNums: 16,
                perm: PermName.inherit | (config.clusterTopicEnable ? readWrite : 0)),
            TopicConfig(
                topicName: config.brokerName, readQueueNums: 1, writeQueueNums: 1,
                perm: PermName.inherit | (config.brokerTopicEnable ? readWrite : 0)),
        ]
        if config.autoCreateTopicEnable {
            topics.append(
                TopicConfig(
                    topicName: SystemTopics.autoCreateTemplate, readQueueNums: config.defaultTopicQueueNums,
                    writeQueueNums: config.defaultTopicQueueNums,
                    perm: PermName.read | PermName.write | PermName.inherit))
        }
        let changed = state.withLockedValue { s -> Bool in
            var changed = false
            for t in topics where s.wrapper.topicConfigTable[t.topicName] == nil {
                s.wrapper.topicConfigTable[t.topicName] = t
                changed = true
            }
            for t in named where s.wrapper.topicConfigTable[t.topicName] != t {
                s.wrapper.topicConfigTable[t.topicName] = t
                changed = true
            }
            if !config.autoCreateTopicEnable, s.wrapper.topicConfigTable[SystemTopics.autoCreateTemplate] != nil {
                s.wrapper.topicConfigTable[SystemTopics.autoCreateTemplate] = nil
                changed = true
            }
            if changed { s.wrapper.dataVersion.bump(now: nowMillis()) }
            return changed
        }
        if changed { try persist() }
    }

    public func topic(_ name: String) -> TopicConfig? {
        state.withLockedValue { $0.wrapper.topicConfigTable[name] }
    }

    public var all: [String: TopicConfig] { state.withLockedValue { $0.wrapper.topicConfigTable } }

    public var snapshot: TopicConfigSerializeWrapper { state.withLockedValue { $0.wrapper } }

    public var dataVersion: DataVersion { state.withLockedValue { $0.wrapper.dataVersion } }

    /// The table as GET_ALL_TOPIC_CONFIG sends it (with Apache 5's empty static-topic mapping fields), encoded once
    /// per data version: every change bumps it. Encoding 200 topics took 0.9 ms of an event loop per request, most
    /// of a `topic list` against this broker (docs/performance.md, "CLI start"). Encoded outside the lock; kept only
    /// if no change came meanwhile.
    func answerBody() -> ByteBuffer {
        let (wrapper, answer) = state.withLockedValue { ($0.wrapper, $0.answer) }
        if let answer, answer.version == wrapper.dataVersion { return answer.body }
        let body = RemotingCommand.jsonBody(
            TopicConfigSerializeWrapper(
                dataVersion: wrapper.dataVersion, topicConfigTable: wrapper.topicConfigTable, withMapping: true))
        state.withLockedValue { s in
            if s.wrapper.dataVersion == wrapper.dataVersion { s.answer = (wrapper.dataVersion, body) }
        }
        return body
    }

    /// A new data version with no topic changed (as Apache does when `brokerPermission` changes), so every name
    /// server rewrites this broker's queue data from its next registration (asked for here, like any change). The
    /// persistence thread writes it.
    public func bumpDataVersion() {
        state.withLockedValue {
            $0.wrapper.dataVersion.bump(now: nowMillis())
            $0.dirty = true
        }
        onDirty.withLockedValue { $0 }?()
        onChange.withLockedValue { $0 }?()
    }

    /// Creates or replaces a topic and writes the table before returning. Returns false when nothing changed.
    @discardableResult
    public func update(_ topic: TopicConfig) throws -> Bool {
        let changed = apply(topic)
        if changed {
            try persist()
            logChange(topic)
            onChange.withLockedValue { $0 }?()
        }
        return changed
    }

    /// Creates or replaces several topics with one write of the table and one re-registration (a batch is
    /// all or nothing for the caller, who validated every item first). Returns the names that changed.
    @discardableResult
    public func updateAll(_ topics: [TopicConfig]) throws -> [String] {
        let changed = topics.filter { apply($0) }
        if !changed.isEmpty {
            try persist()
            changed.forEach(logChange)
            onChange.withLockedValue { $0 }?()
        }
        return changed.map(\.topicName)
    }

    /// A topic the broker creates by itself: in the table at once; written before this returns when `durable`
    /// (together with any creation still waiting), otherwise by the persistence thread.
    private func autoCreate(_ topic: TopicConfig, durable: Bool) throws {
        if apply(topic, dirty: true) {
            logChange(topic)
            if !durable { onDirty.withLockedValue { $0 }?() }
            onChange.withLockedValue { $0 }?()
        }
        if durable { try persistPending() }
    }

    /// Writes the table now if a creation waits for the persistence thread (one that a durable caller relies on).
    private func persistPending() throws {
        if state.withLockedValue({ $0.dirty }) { try persist() }
    }

    private func apply(_ topic: TopicConfig, dirty: Bool = false) -> Bool {
        state.withLockedValue { s -> Bool in
            if s.wrapper.topicConfigTable[topic.topicName] == topic { return false }
            s.wrapper.topicConfigTable[topic.topicName] = topic
            s.wrapper.dataVersion.bump(now: nowMillis())
            if dirty { s.dirty = true }
            return true
        }
    }

    private func logChange(_ topic: TopicConfig) {
        let queues = "read=\(topic.readQueueNums) write=\(topic.writeQueueNums)"
        logger.info("topic \(topic.topicName) updated: \(queues) perm=\(PermName.string(topic.perm))")
    }

    @discardableResult
    public func delete(_ name: String) throws -> Bool {
        let removed = state.withLockedValue { s -> Bool in
            guard s.wrapper.topicConfigTable.removeValue(forKey: name) != nil else { return false }
            s.wrapper.dataVersion.bump(now: nowMillis())
            return true
        }
        if removed {
            try persist()
            logger.info("topic \(name) deleted")
            onChange.withLockedValue { $0 }?()
        }
        return removed
    }

    /// Apache's auto-creation on first send: inherit from the default topic (TBW102) when allowed. Written before
    /// it returns (the send thread; the message about to be stored must not outlive its topic in a crash).
    public func createInSendMessage(topic: String, defaultTopic: String, queueNums: Int32) throws -> TopicConfig? {
        if let existing = self.topic(topic) { return existing }
        guard config.autoCreateTopicEnable, let template = self.topic(defaultTopic),
            PermName.isInherited(template.perm)
        else { return nil }
        let n = max(1, min(queueNums, template.writeQueueNums))
        let created = TopicConfig(
            topicName: topic, readQueueNums: n, writeQueueNums: n, perm: template.perm & ~PermName.inherit)
        try autoCreate(created, durable: true)
        return self.topic(topic) ?? created
    }

    /// Retry and DLQ topics are created by the broker itself (wire.md §7.5). `durable`: a message is about to be
    /// stored in it (the send thread), so it is written before this returns, also when a heartbeat created it and
    /// the persistence thread has not written it yet.
    public func createSystemGroupTopic(
        _ topic: String, queueNums: Int32, order: Bool = false, durable: Bool
    ) throws -> TopicConfig {
        if let existing = self.topic(topic) {
            if durable { try persistPending() }
            return existing
        }
        let created = TopicConfig(
            topicName: topic, readQueueNums: queueNums, writeQueueNums: queueNums,
            perm: PermName.read | PermName.write, order: order)
        try autoCreate(created, durable: durable)
        return self.topic(topic) ?? created
    }

    /// Writes the table if an auto-creation is waiting (the persistence thread; shutdown).
    func persistIfDirty() {
        guard state.withLockedValue({ $0.dirty }) else { return }
        do { try persist() } catch { logger.error("cannot persist topics: \(error)") }
    }

    /// Writes the whole table now (it then holds every pending auto-creation too).
    func persist() throws {
        do {
            try file.save {
                state.withLockedValue { s in
                    s.dirty = false
                    return s.wrapper
                }
            }
        } catch {
            state.withLockedValue { $0.dirty = true }
            throw error
        }
    }
}
