import Foundation
import Logging
import MQProtocol
import MQRemoting
import MQStore
import NIOConcurrencyHelpers
import NIOCore

/// Owns one broker's store, metadata, processors and timers. Transport-free: the TCP server (or an
/// in-process invoker) hands it requests through `core`.
public final class BrokerController: Sendable {
    public let config: BrokerConfig
    public let core: BrokerCore
    let schedule: ScheduleMessageService
    let registrar: BrokerRegistrar
    private let group: any EventLoopGroup
    private let logger: Logger
    private let tasks = NIOLockedValueBox<[RepeatedTask]>([])
    private let registrarTask = NIOLockedValueBox<Task<Void, Never>?>(nil)

    /// Opens the store (recovering it if needed) and loads metadata from `config.dataDirectory`.
    public init(config: BrokerConfig, group: any EventLoopGroup, invoker: any RemotingInvoker, logger: Logger) throws {
        self.config = config
        self.group = group
        self.logger = logger
        let configDir = config.dataDirectory + "/config"
        do {
            try FileManager.default.createDirectory(
                atPath: configDir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw BrokerError.dataDirectoryUnusable(path: configDir, reason: error.localizedDescription)
        }
        guard let host = HostAddress(config.advertisedAddress) else {
            throw BrokerError.invalidConfiguration(
                "invalid broker address \"\(config.advertisedAddress)\"; use IP:PORT, e.g. 127.0.0.1:10911")
        }
        let storeConfig = StoreConfig(
            directory: config.dataDirectory + "/store", storeHost: host, settings: config.store)
        let store: MessageStore
        do {
            store = try MessageStore(config: storeConfig, logger: logger)
        } catch {
            throw BrokerError.storeFailed("\(error)")
        }
        let topics = try TopicConfigManager(config: config, path: configDir + "/topics.json", logger: logger)
        let groups = try SubscriptionGroupManager(
            path: configDir + "/subscriptionGroup.json", autoCreate: config.autoCreateSubscriptionGroup, logger: logger)
        let offsets = try ConsumerOffsetManager(path: configDir + "/consumerOffset.json", logger: logger)
        core = try BrokerCore(
            config: config, store: store, topics: topics, groups: groups, offsets: offsets, logger: logger)
        schedule = try ScheduleMessageService(core: core, path: configDir + "/delayOffset.json")
        registrar = BrokerRegistrar(config: config, topics: topics, invoker: invoker, logger: logger)
        store.onDispatch = { [weak core] m in core?.messageDispatched(m) }
        topics.onChange.withLockedValue { [registrar] in $0 = { registrar.requestRegistration() } }
    }

    /// Starts timers and name-server registration.
    public func start() async {
        let loop = group.next()
        let core = self.core
        let schedule = self.schedule
        var started: [RepeatedTask] = []
        started.append(loop.scheduleRepeatedTask(initialDelay: .milliseconds(200), delay: .milliseconds(200)) { _ in
            core.checkHeldPulls()
        })
        started.append(loop.scheduleRepeatedTask(initialDelay: .milliseconds(100), delay: .milliseconds(100)) { _ in
            schedule.tick()
        })
        started.append(loop.scheduleRepeatedTask(initialDelay: .seconds(1), delay: .seconds(10)) { _ in
            core.housekeeping()
        })
        let persistEvery = TimeAmount.milliseconds(config.offsetPersistIntervalMillis)
        started.append(loop.scheduleRepeatedTask(initialDelay: persistEvery, delay: persistEvery) { _ in
            core.offsets.persistIfDirty()
            schedule.persistIfDirty()
        })
        tasks.withLockedValue { $0 = started }
        await registrar.registerAll()
        let registrar = self.registrar
        registrarTask.withLockedValue { $0 = Task { await registrar.run() } }
    }

    /// Stops timers, unregisters, persists metadata and closes the store.
    public func shutdown() async {
        for t in tasks.withLockedValue({ $0 }) { t.cancel() }
        if let task = registrarTask.withLockedValue({ $0 }) {
            task.cancel()
            registrar.finish()
            await task.value
        }
        await registrar.unregisterAll()
        // Sends already handed to the send thread finish before the store closes.
        await core.sendThread.shutdown()
        core.offsets.persistIfDirty()
        core.offsets.close()
        schedule.persistIfDirty()
        core.store.close()
        logger.info("broker \(config.brokerName) stopped")
    }
}
