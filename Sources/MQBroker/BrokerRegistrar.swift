import Logging
import MQProtocol
import MQRemoting
import NIOConcurrencyHelpers

/// Registers the broker and its topics with every name server: at start, periodically, and soon
/// after any topic change (coalesced, so creating 100 topics does not send 100 registrations).
final class BrokerRegistrar: Sendable {
    private let config: BrokerConfig
    private let topics: TopicConfigManager
    /// The broker's permission now (it changes with UPDATE_BROKER_CONFIG).
    private let permission: @Sendable () -> Int32
    private let invoker: any RemotingInvoker
    private let logger: Logger
    private let failing = NIOLockedValueBox<Set<String>>([])
    /// Topic changes asked to be registered, the rounds carrying them, and who waits for them.
    private let rounds = NIOLockedValueBox(RegistrationRounds<CheckedContinuation<Void, Never>>())
    private let wakeups: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation

    init(
        config: BrokerConfig, topics: TopicConfigManager, permission: @escaping @Sendable () -> Int32,
        invoker: any RemotingInvoker, logger: Logger
    ) {
        self.config = config
        self.topics = topics
        self.permission = permission
        self.invoker = invoker
        self.logger = logger
        (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Asks for a registration soon: the topic table changed (called after the change).
    func requestRegistration() {
        rounds.withLockedValue { $0.request() }
        wake.yield()
    }

    /// Returns once every change asked for so far is registered — by the running round when it started after them,
    /// else by the next (whether or not every name server took it) — or at once after `finish()`. Apache answers a
    /// topic creation only after registering it, so a route lookup right after the answer finds the topic.
    func registration() async {
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            let (answerNow, needsRound) = rounds.withLockedValue { $0.wait(waiter) }
            if answerNow { waiter.resume() }
            if needsRound { wake.yield() }
        }
    }

    /// Lets a burst of automatic topic changes (auto-created topics) gather for up to 50 ms, cut short when someone
    /// starts waiting on `registration()`: an admin's create is answered within a few milliseconds of its round.
    private func coalesce() async {
        for _ in 0..<10 {
            if Task.isCancelled || rounds.withLockedValue({ $0.isWaitedOn }) { return }
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Registers now with every name server, all at once (as Apache's broker); returns the addresses that failed.
    @discardableResult
    func registerAll() async -> [String] {
        var body = RemotingCommand(code: 0)
        body.setJSONBody(
            RegisterBrokerBody(
                topicConfigSerializeWrapper: TopicConfigSerializeWrapper(
                    dataVersion: topics.dataVersion, topicConfigTable: registeredTopics(), withMapping: true)))
        var header = RegisterBrokerRequestHeader(
            brokerName: config.brokerName, brokerAddr: config.advertisedAddress, clusterName: config.clusterName,
            brokerId: config.brokerId)
        header.heartbeatTimeoutMillis = 120_000
        let request = RemotingCommand.request(.registerBroker, header: header, body: body.body)
        return await withTaskGroup(of: String?.self) { group in
            for ns in config.nameServerAddresses {
                group.addTask { [self] in await register(request, with: ns) ? nil : ns }
            }
            var failed: [String] = []
            for await result in group { if let ns = result { failed.append(ns) } }
            return failed.sorted()
        }
    }

    /// One name server's registration; false when it failed (logged once until it succeeds again).
    private func register(_ request: RemotingCommand, with ns: String) async -> Bool {
        do {
            let response = try await invoker.invoke(ns, request, timeout: .milliseconds(config.registerTimeoutMillis))
            guard response.code == ResponseCode.success.rawValue else {
                throw BrokerError.invalidConfiguration(response.remark ?? "code \(response.code)")
            }
            if failing.withLockedValue({ $0.remove(ns) }) != nil {
                logger.info("registered with name server \(ns) again")
            }
            return true
        } catch {
            if failing.withLockedValue({ $0.insert(ns).inserted }) {
                logger.warning("cannot register with name server \(ns): \(error); will keep trying")
            }
            return false
        }
    }

    /// The topic table as registered: a broker that is not both readable and writable masks every topic's
    /// permission with its own (Apache's rule), so routes stop offering what the broker refuses.
    private func registeredTopics() -> [String: TopicConfig] {
        let perm = permission()
        let all = topics.all
        guard !(PermName.isReadable(perm) && PermName.isWriteable(perm)) else { return all }
        return all.mapValues { topic in
            var masked = topic
            masked.perm = topic.perm & perm
            return masked
        }
    }

    func unregisterAll() async {
        let header = RegisterBrokerRequestHeader(
            brokerName: config.brokerName, brokerAddr: config.advertisedAddress, clusterName: config.clusterName,
            brokerId: config.brokerId)
        // All at once, as registrations: a silent name server delays a shutdown by 3 s once, not once each.
        await withTaskGroup(of: Void.self) { group in
            for ns in config.nameServerAddresses {
                group.addTask { [invoker] in
                    _ = try? await invoker.invoke(ns, .request(.unregisterBroker, header: header), timeout: .seconds(3))
                }
            }
        }
    }

    /// Runs until cancelled: periodic registration plus coalesced wake-ups after topic changes.
    func run() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(config.registerIntervalMillis))
                    wake.yield()
                }
            }
            group.addTask { [self] in
                for await _ in wakeups {
                    if Task.isCancelled { break }
                    let requests = rounds.withLockedValue { $0.start() }
                    await registerAll()
                    let done = rounds.withLockedValue { $0.end(carrying: requests) }
                    for waiter in done { waiter.resume() }
                    if done.isEmpty { await coalesce() }
                }
                for waiter in rounds.withLockedValue({ $0.finish() }) { waiter.resume() }
            }
            await group.waitForAll()
        }
    }

    /// Ends the rounds; anyone waiting on `registration()` is answered.
    func finish() {
        wake.finish()
        for waiter in rounds.withLockedValue({ $0.finish() }) { waiter.resume() }
    }
}
