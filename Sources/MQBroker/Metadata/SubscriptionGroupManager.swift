import Logging
import MQProtocol
import NIOConcurrencyHelpers

/// Consumer group configurations, persisted in `config/subscriptionGroup.json`.
public final class SubscriptionGroupManager: Sendable {
    private let state: NIOLockedValueBox<SubscriptionGroupWrapper>
    private let file: ConfigFile<SubscriptionGroupWrapper>
    private let autoCreate: Bool
    private let logger: Logger

    init(path: String, autoCreate: Bool, logger: Logger) throws {
        file = ConfigFile(path: path)
        self.autoCreate = autoCreate
        self.logger = logger
        let loaded = try file.load() ?? SubscriptionGroupWrapper(dataVersion: DataVersion(), subscriptionGroupTable: [:])
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
            try? persist()
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

    func persist() throws {
        try file.save { snapshot }
    }
}
