import Logging
import MQProtocol
import NIOConcurrencyHelpers

/// Consumer group configurations, persisted in `config/subscriptionGroup.json`.
///
/// Admin changes are written before they return (on the admin handler's thread); groups auto-created by a
/// heartbeat, pull or send-back (on an event loop) only mark the table dirty and ask the persistence thread
/// to write it soon (`onDirty`), as topics do.
public final class SubscriptionGroupManager: Sendable {
    private let state: NIOLockedValueBox<SubscriptionGroupWrapper>
    /// Changed since the last write (auto-creations wait for the persistence thread).
    private let dirty = NIOLockedValueBox(false)
    private let file: ConfigFile<SubscriptionGroupWrapper>
    private let autoCreate: Bool
    private let logger: Logger
    /// Called, outside the lock, when a change waits to be written (the broker wakes its persistence thread).
    let onDirty: NIOLockedValueBox<(@Sendable () -> Void)?> = NIOLockedValueBox(nil)

    init(path: String, autoCreate: Bool, logger: Logger, writer: MetadataWriter = .atomic) throws {
        file = ConfigFile(path: path, writer: writer)
        self.autoCreate = autoCreate
        self.logger = logger
        let loaded = try file.load()
            ?? SubscriptionGroupWrapper(dataVersion: DataVersion(), subscriptionGroupTable: [:])
        state = NIOLockedValueBox(loaded)
    }

    public func group(_ name: String) -> SubscriptionGroupConfig? {
        state.withLockedValue { $0.subscriptionGroupTable[name] }
    }

    /// The group's config, created with defaults when auto-creation is on (Apache's heartbeat/pull behaviour).
    public func findOrCreate(_ name: String) -> SubscriptionGroupConfig? {
        if let g = group(name) { return g }
        guard autoCreate, SystemTopics.validate(group: name) == nil else { return nil }
        let created = SubscriptionGroupConfig(groupName: name)
        let inserted = state.withLockedValue { s -> Bool in
            guard s.subscriptionGroupTable[name] == nil else { return false }
            s.subscriptionGroupTable[name] = created
            s.dataVersion.bump(now: nowMillis())
            return true
        }
        if inserted {
            logger.info("consumer group \(name) auto-created")
            dirty.withLockedValue { $0 = true }
            onDirty.withLockedValue { $0 }?()
        }
        return group(name)
    }

    public var all: [String: SubscriptionGroupConfig] { state.withLockedValue { $0.subscriptionGroupTable } }
    public var snapshot: SubscriptionGroupWrapper { state.withLockedValue { $0 } }

    public func update(_ config: SubscriptionGroupConfig) throws {
        state.withLockedValue { s in
            s.subscriptionGroupTable[config.groupName] = config
            s.dataVersion.bump(now: nowMillis())
        }
        try persist()
        logger.info("consumer group \(config.groupName) updated: retryMaxTimes=\(config.retryMaxTimes)")
    }

    /// Creates or replaces several groups with one write of the table (the caller validated every item first).
    public func updateAll(_ configs: [SubscriptionGroupConfig]) throws {
        guard !configs.isEmpty else { return }
        state.withLockedValue { s in
            for config in configs { s.subscriptionGroupTable[config.groupName] = config }
            s.dataVersion.bump(now: nowMillis())
        }
        try persist()
        logger.info("consumer groups updated: \(configs.map(\.groupName).joined(separator: ", "))")
    }

    @discardableResult
    public func delete(_ name: String) throws -> Bool {
        let removed = state.withLockedValue { s -> Bool in
            guard s.subscriptionGroupTable.removeValue(forKey: name) != nil else { return false }
            s.dataVersion.bump(now: nowMillis())
            return true
        }
        if removed { try persist() }
        return removed
    }

    /// Writes the table if an auto-creation is waiting (the persistence thread; shutdown).
    func persistIfDirty() {
        guard dirty.withLockedValue({ $0 }) else { return }
        do { try persist() } catch { logger.error("cannot persist subscription groups: \(error)") }
    }

    /// Writes the whole table now (it then holds every pending auto-creation too).
    func persist() throws {
        do {
            try file.save {
                dirty.withLockedValue { $0 = false }
                return snapshot
            }
        } catch {
            dirty.withLockedValue { $0 = true }
            throw error
        }
    }
}
