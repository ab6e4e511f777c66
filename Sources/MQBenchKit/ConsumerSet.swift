import MQClient
import MQProtocol

/// Makes a client with its own connections, for a further member of a group: brokers tell members apart by
/// connection, so members sharing one would be taken for one.
public typealias BenchClientFactory = @Sendable () -> MQClientInstance

/// Why a run cannot have several consumers.
public struct BenchConsumersUnsupported: Error, CustomStringConvertible, Sendable {
    public init() {}

    public var description: String {
        "--consumers above 1 needs its own connections per consumer, which the in-process bundled broker does not "
            + "give; start it with `mqadmin broker start` (or use -n)"
    }
}

/// The push consumers of a bench: members of one group, each on its own client, recording into one `ReceiptLog`.
final class ConsumerSet: Sendable {
    let consumers: [PushConsumer]
    /// The clients made for members after the first, shut down with them.
    let extraClients: [MQClientInstance]
    let log: ReceiptLog
    let settings: ConsumeSettings
    /// How long a pull waits at the broker: short, so no pull held there outlives the run by more than this
    /// (the broker re-runs a held pull when it expires, which would create the group again after its deletion).
    public static let pullSuspend: Duration = .seconds(1)

    init(client: MQClientInstance, makeClient: BenchClientFactory?, settings: ConsumeSettings, log: ReceiptLog)
        throws
    {
        guard settings.consumers == 1 || makeClient != nil else { throw BenchConsumersUnsupported() }
        self.settings = settings
        self.log = log
        extraClients = (1..<max(1, settings.consumers)).compactMap { _ in makeClient?() }
        consumers = ([client] + extraClients).map { c in
            PushConsumer(
                group: settings.group, client: c, consumeFromWhere: settings.fromFirst ? .firstOffset : .lastOffset,
                options: PushConsumer.Options(pullSuspend: ConsumerSet.pullSuspend))
        }
    }

    /// Starts every member, then waits (up to 15 s) until each holds its average share of the queues and no
    /// queue is held twice, so nothing is read twice while members join.
    func start() async throws {
        for c in consumers {
            await c.subscribe(settings.topic)
            try await c.start { [log] messages, _ in
                log.record(messages)
                return .success
            }
        }
        let deadline = ContinuousClock.now + .seconds(15)
        while ContinuousClock.now < deadline {
            var shares: [Int] = []
            var owned: [MessageQueue] = []
            for c in consumers {
                let mine = await c.assignedQueues.filter { $0.topic == settings.topic }
                shares.append(mine.count)
                owned += mine
            }
            let n = consumers.count
            let total = owned.count
            if Set(owned).count == total && total > 0
                && shares.allSatisfy({ $0 >= total / n && $0 <= (total + n - 1) / n })
            {
                return
            }
            // Rebalancing runs on the broker's notifications and the members' timers; nothing to await.
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    func shutdown() async {
        for c in consumers { await c.shutdown() }
        for c in extraClients { await c.shutdown() }
    }
}
