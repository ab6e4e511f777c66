import Foundation
import Logging
import MQProtocol
import MQRemoting
import MQStore
import NIOConcurrencyHelpers
import NIOCore

/// Owns one broker's store, metadata, processors and timers. Transport-free: the TCP server (or an
/// in-process invoker) hands it requests through `core`.
///
/// Where its periodic work runs: checking held pulls and expiring silent clients (memory only) on an event
/// loop; writing metadata files (offsets, delay offsets, auto-created topics and groups) on the persistence
/// thread; moving due delayed messages back to their topics (store reads and puts) on the delivery thread.
/// No event loop writes or fsyncs a metadata file.
public final class BrokerController: Sendable {
    public let config: BrokerConfig
    public let core: BrokerCore
    let schedule: ScheduleMessageService
    let registrar: BrokerRegistrar
    private let group: any EventLoopGroup
    private let logger: Logger
    private let tasks = NIOLockedValueBox<[RepeatedTask]>([])
    private let registrarTask = NIOLockedValueBox<Task<Void, Never>?>(nil)
    /// Writes metadata every `offsetPersistIntervalMillis`, and soon after an auto-creation.
    let persistence: PeriodicThread
    /// Delivers due delayed messages every 100 ms.
    let deliveries: PeriodicThread
    /// Delivers timer messages when they are due (woken when one is stored).
    let timerThread: TimerThread
    /// Sleeps until the next popped message's invisible time passes, then hands its revive to the pop thread.
    let popRevive: TimerThread
    /// Writes the timer checkpoint every second, once the deliveries it records are durable.
    let timerCheckpoints: PeriodicThread
    /// Asks producers about old half messages every `transactionCheckInterval`.
    let transactionChecks: PeriodicThread

    /// Opens the store (recovering it if needed) and loads metadata from `config.dataDirectory`.
    public convenience init(
        config: BrokerConfig, group: any EventLoopGroup, invoker: any RemotingInvoker, logger: Logger
    ) throws {
        try self.init(config: config, group: group, invoker: invoker, logger: logger, writer: .atomic)
    }

    /// - Parameter writer: how metadata files are written (tests slow it down).
    init(
        config startConfig: BrokerConfig, group: any EventLoopGroup, invoker: any RemotingInvoker, logger: Logger,
        writer: MetadataWriter
    ) throws {
        self.group = group
        self.logger = logger
        let configDir = startConfig.dataDirectory + "/config"
        do {
            try FileManager.default.createDirectory(
                atPath: configDir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw BrokerError.dataDirectoryUnusable(path: configDir, reason: error.localizedDescription)
        }
        // Settings changed while an earlier run was up (UPDATE_BROKER_CONFIG) win over the start configuration.
        let overrides = try BrokerOverrides(directory: configDir)
        let config = try overrides.apply(to: startConfig)
        self.config = config
        guard let host = HostAddress(config.advertisedAddress) else {
            throw BrokerError.invalidConfiguration(
                "invalid broker address \"\(config.advertisedAddress)\"; use IP:PORT, e.g. 127.0.0.1:10911")
        }
        // Before the store: a refused auth configuration leaves nothing open.
        let auth = try BrokerAuth.open(config: config, logger: logger)
        let storeConfig = StoreConfig(
            directory: config.dataDirectory + "/store", storeHost: host, settings: config.store)
        let store: MessageStore
        do {
            store = try MessageStore(config: storeConfig, logger: logger)
        } catch {
            throw BrokerError.storeFailed("\(error)")
        }
        let topics = try TopicConfigManager(
            config: config, path: configDir + "/topics.json", logger: logger, writer: writer)
        let groups = try SubscriptionGroupManager(
            path: configDir + "/subscriptionGroup.json", autoCreate: config.autoCreateSubscriptionGroup,
            logger: logger, writer: writer)
        let offsets = try ConsumerOffsetManager(
            path: configDir + "/consumerOffset.json", logger: logger, writer: writer)
        let requestModes = try MessageRequestModeManager(
            path: configDir + "/messageRequestMode.json", logger: logger, writer: writer)
        let core = try BrokerCore(
            config: config, store: store, topics: topics, groups: groups, offsets: offsets,
            requestModes: requestModes, auth: auth, overrides: overrides, logger: logger)
        self.core = core
        // The in-flight POP table, before any request can reach the core.
        core.replayPopLog()
        let schedule = try ScheduleMessageService(core: core, path: configDir + "/delayOffset.json", writer: writer)
        self.schedule = schedule
        let live = core.live
        let registrar = BrokerRegistrar(
            config: config, topics: topics, permission: { live.withLockedValue { $0.brokerPermission } },
            invoker: invoker, logger: logger)
        self.registrar = registrar
        core.registration.withLockedValue { $0 = { await registrar.registration() } }
        persistence = PeriodicThread(
            name: "mqbroker-persistence", intervalMillis: Int(config.offsetPersistIntervalMillis)
        ) {
            Self.persistMetadata(core: core, schedule: schedule)
        }
        deliveries = PeriodicThread(name: "mqbroker-delayed-delivery", intervalMillis: 100) { schedule.tick() }
        let checks = TransactionCheckService(core: core)
        transactionChecks = PeriodicThread(
            name: "mqbroker-transaction-check", intervalMillis: Int(config.transactionCheckIntervalMillis)
        ) { checks.round() }
        let timerThread = TimerThread(name: "mqbroker-timer", idleMillis: 1000) { core.timers.pass() }
        self.timerThread = timerThread
        let popRevive = TimerThread(name: "mqbroker-pop-revive", idleMillis: 1000) {
            // Nil (the pop thread has stopped): the idle wait, until this thread is stopped too.
            core.popThread.runAndWait { core.reviveDuePops(now: nowMillis()) } ?? nil
        }
        self.popRevive = popRevive
        core.popReviveWaker.withLockedValue { $0 = { popRevive.wakeUp() } }
        timerCheckpoints = PeriodicThread(name: "mqbroker-timer-checkpoint", intervalMillis: 1000) {
            core.timers.checkpointIfDurable()
            core.popCheckpointIfDurable()
        }
        store.onDispatch = { [weak core] m in
            core?.messageDispatched(m)
            if m.topic == SystemTopics.timer { timerThread.wakeUp() }
        }
        topics.onChange.withLockedValue { [registrar] in $0 = { registrar.requestRegistration() } }
        let persistence = self.persistence
        topics.onDirty.withLockedValue { $0 = { persistence.wakeUp() } }
        groups.onDirty.withLockedValue { $0 = { persistence.wakeUp() } }
    }

    /// Writes whatever metadata changed. Each manager snapshots under its lock and writes outside it.
    private static func persistMetadata(core: BrokerCore, schedule: ScheduleMessageService) {
        core.offsets.persistIfDirty()
        schedule.persistIfDirty()
        core.topics.persistIfDirty()
        core.groups.persistIfDirty()
    }

    /// Starts timers, the persistence and delivery threads, and name-server registration.
    public func start() async {
        let loop = group.next()
        let core = self.core
        var started: [RepeatedTask] = []
        // Memory only: cheap enough for an event loop.
        started.append(loop.scheduleRepeatedTask(initialDelay: .milliseconds(200), delay: .milliseconds(200)) { _ in
            core.checkHeldPulls()
            core.checkHeldPops()
            core.flushWaits.expire()
        })
        started.append(loop.scheduleRepeatedTask(initialDelay: .seconds(1), delay: .seconds(10)) { _ in
            core.housekeeping()
        })
        tasks.withLockedValue { $0 = started }
        persistence.start()
        deliveries.start()
        timerThread.start()
        popRevive.start()
        timerCheckpoints.start()
        transactionChecks.start()
        await registrar.registerAll()
        let registrar = self.registrar
        registrarTask.withLockedValue { $0 = Task { await registrar.run() } }
    }

    /// Stops timers, unregisters, persists metadata and closes the store.
    ///
    /// Order matters: every thread that writes is stopped and waited for before the last snapshot, so nothing
    /// writes after it (a RepeatedTask's cancel() does not wait for a run in progress; these stops do).
    public func shutdown() async {
        for t in tasks.withLockedValue({ $0 }) { t.cancel() }
        // No delayed or timer message is put back into the store from here on, and no half message checked (a
        // round waits for the send thread, so it stops first).
        deliveries.stop()
        timerThread.stop()
        popRevive.stop()
        timerCheckpoints.stop()
        transactionChecks.stop()
        if let task = registrarTask.withLockedValue({ $0 }) {
            task.cancel()
            registrar.finish()
            await task.value
        }
        await registrar.unregisterAll()
        // Sends and admin writes already handed over finish before the store closes.
        await core.stopWorkers()
        // A snapshot in progress finishes; then the last one, here, sees every change.
        persistence.stop()
        Self.persistMetadata(core: core, schedule: schedule)
        // Syncs the journal, answers commits still waiting for the group commit, ends its thread.
        core.offsets.close()
        // Sends have stopped: the last timer checkpoint records every delivery made.
        core.timers.finalCheckpoint()
        core.finalPopCheckpoint()
        core.store.close()
        logger.info("broker \(config.brokerName) stopped")
    }
}
