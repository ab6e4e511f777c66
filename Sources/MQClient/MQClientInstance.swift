import Logging
import MQProtocol
import MQRemoting
import NIOConcurrencyHelpers
import NIOCore

#if canImport(Glibc)
    import Glibc
#endif

/// The connection to a cluster: name servers, route cache, broker lookups and raw invocations.
/// Producers, consumers and admin operations share one instance.
public final class MQClientInstance: Sendable {
    public let nameServers: [String]
    public let clientId: String
    public let timeout: Duration
    let invoker: any RemotingInvoker
    /// Closes the transport this instance made itself (nil for one it was given).
    private let closeOwned: (@Sendable () async -> Void)?
    let logger: Logger
    private let routes = NIOLockedValueBox<[String: (route: TopicRouteData, fetched: ContinuousClock.Instant)]>([:])
    private let brokerAddrs = NIOLockedValueBox<[String: String]>([:])
    private let clustersSeen = NIOLockedValueBox<[String]?>(nil)
    private let nameServerIndex = NIOLockedValueBox(0)
    /// Handlers for broker→client requests (NOTIFY_CONSUMER_IDS_CHANGED...), by consumer group.
    let notifyHandlers = NIOLockedValueBox<[String: @Sendable () -> Void]>([:])
    /// Push consumers' answers to GET_CONSUMER_RUNNING_INFO, by consumer group: (jstackEnable) -> info.
    let runningInfoProviders = NIOLockedValueBox<[String: @Sendable (Bool) -> ConsumerRunningInfo]>([:])
    /// Transactional producers' answers to CHECK_TRANSACTION_STATE, by producer group: (header, message, broker).
    let transactionCheckers = NIOLockedValueBox<
        [String: @Sendable (CheckTransactionStateRequestHeader, MessageExt, String) -> Void]
    >([:])

    /// Push consumers' answers to CONSUME_MESSAGE_DIRECTLY, by consumer group.
    let directConsumers = NIOLockedValueBox<[String: DirectConsumer]>([:])

    static let routeTTL: Duration = .seconds(30)

    /// Connects over TCP.
    public convenience init(
        nameServers: [String], group: any EventLoopGroup, timeout: Duration = .seconds(3), signer: (any RequestSigner)? = nil,
        logger: Logger
    ) {
        let box = NIOLockedValueBox<MQClientInstance?>(nil)
        let client = RemotingClient(group: group, logger: logger) { request, from in
            box.withLockedValue { $0 }?.handleServerRequest(request, from: from)
        }
        client.signer = signer
        self.init(
            nameServers: nameServers, invoker: client, owned: { await client.close() }, timeout: timeout,
            logger: logger)
        box.withLockedValue { $0 = self }
    }

    /// Connects over blocking sockets (`BlockingInvoker`): no event-loop group, for one-shot processes whose
    /// requests are all request/response. Requests the server sends are not served on it.
    public static func blocking(
        nameServers: [String], timeout: Duration = .seconds(3), signer: (any RequestSigner)? = nil, logger: Logger
    ) -> MQClientInstance {
        let invoker = BlockingInvoker(signer: signer)
        return MQClientInstance(
            nameServers: nameServers, invoker: invoker, owned: { invoker.close() }, timeout: timeout, logger: logger)
    }

    /// An instance on an in-process transport, with broker→client requests (NOTIFY...) routed back to it.
    public static func inProcess(
        nameServers: [String], group: any EventLoopGroup, timeout: Duration = .seconds(3), logger: Logger
    ) -> (MQClientInstance, InProcessInvoker) {
        let box = NIOLockedValueBox<MQClientInstance?>(nil)
        let invoker = InProcessInvoker(group: group) { request, from in
            box.withLockedValue { $0 }?.handleServerRequest(request, from: from)
        }
        let instance = MQClientInstance(nameServers: nameServers, invoker: invoker, timeout: timeout, logger: logger)
        box.withLockedValue { $0 = instance }
        return (instance, invoker)
    }

    /// Uses a given transport (in-process for the embedded broker).
    public convenience init(nameServers: [String], invoker: any RemotingInvoker, timeout: Duration = .seconds(3), logger: Logger) {
        self.init(nameServers: nameServers, invoker: invoker, owned: nil, timeout: timeout, logger: logger)
    }

    private init(
        nameServers: [String], invoker: any RemotingInvoker, owned: (@Sendable () async -> Void)?, timeout: Duration,
        logger: Logger
    ) {
        self.nameServers = nameServers
        self.invoker = invoker
        self.closeOwned = owned
        self.timeout = timeout
        self.logger = logger
        self.clientId = Self.makeClientId()
    }

    public func shutdown() async {
        await closeOwned?()
    }

    static func makeClientId() -> String {
        "\(MQClientInstance.localIP())@\(getpid())#\(UInt64.random(in: 0...UInt64(UInt32.max)))"
    }

    static func localIP() -> String { "127.0.0.1" }

    // MARK: - Invocation

    /// Sends a request to the name servers, trying each in turn (starting where the last success was).
    public func invokeNameServer(_ request: RemotingCommand) async throws -> RemotingCommand {
        guard !nameServers.isEmpty else {
            throw ClientError.invalidArgument("no name server address; pass -n HOST:PORT or set NAMESRV_ADDR")
        }
        let start = nameServerIndex.withLockedValue { $0 }
        var lastError = ""
        for i in 0..<nameServers.count {
            let index = (start + i) % nameServers.count
            do {
                let response = try await invoker.invoke(nameServers[index], request, timeout: timeout)
                nameServerIndex.withLockedValue { $0 = index }
                return UnservedRequest.explain(response, to: request, at: "name server " + nameServers[index])
            } catch let error as RemotingError {
                lastError = error.reason
            }
        }
        throw ClientError.nameServerUnreachable(addresses: nameServers, detail: lastError)
    }

    /// Sends a request to one broker.
    public func invoke(_ address: String, _ request: RemotingCommand, timeout: Duration? = nil) async throws
        -> RemotingCommand
    {
        do {
            let response = try await invoker.invoke(address, request, timeout: timeout ?? self.timeout)
            return UnservedRequest.explain(response, to: request, at: "broker " + address)
        } catch let error as RemotingError {
            throw ClientError.brokerUnreachable(
                address: address, detail: error.reason, unanswered: error.requestMayHaveArrived)
        }
    }

    public func invokeOneway(_ address: String, _ request: RemotingCommand) async throws {
        do {
            try await invoker.invokeOneway(address, request)
        } catch let error as RemotingError {
            throw ClientError.brokerUnreachable(address: address, detail: error.reason)
        }
    }

    func handleServerRequest(_ request: RemotingCommand, from broker: String) -> RemotingCommand? {
        switch request.requestCode {
        case .checkTransactionState:
            checkTransactionState(request, from: broker)
            return nil
        case .notifyConsumerIdsChanged:
            if let group = request.extFields["consumerGroup"], let handler = notifyHandlers.withLockedValue({ $0[group] }) {
                handler()
            }
            return nil
        case .consumeMessageDirectly:
            return consumeMessageDirectly(request, from: broker)
        case .getConsumerRunningInfo:
            return answerRunningInfo(request)
        default:
            return request.response(.requestCodeNotSupported, remark: "not supported by this client")
        }
    }

    /// CHECK_TRANSACTION_STATE: the half message names its producer group (PGROUP), whose producer answers
    /// (Apache's `ClientRemotingProcessor#checkTransactionState`). Unknown groups and bad requests are dropped.
    private func checkTransactionState(_ request: RemotingCommand, from broker: String) {
        guard let header = try? request.decodeHeader(CheckTransactionStateRequestHeader.self),
            var body = request.body, let message = try? MessageDecoder.decode(&body, readBody: true, decompress: true),
            let group = message.properties[MessageConst.producerGroup],
            let answer = transactionCheckers.withLockedValue({ $0[group] })
        else {
            logger.warning("dropped a transaction check from \(broker) this client cannot answer")
            return
        }
        answer(header, message, broker)
    }

    // MARK: - Routes

    /// The topic's route, cached for 30 s.
    public func route(topic: String, refresh: Bool = false) async throws -> TopicRouteData {
        if !refresh, let cached = routes.withLockedValue({ $0[topic] }),
            cached.fetched.duration(to: .now) < Self.routeTTL
        {
            return cached.route
        }
        let response = try await invokeNameServer(.request(.getRouteInfoByTopic, header: TopicHeader(topic: topic)))
        if response.code == ResponseCode.topicNotExist.rawValue {
            routes.withLockedValue { _ = $0.removeValue(forKey: topic) }
            throw ClientError.topicNotFound(topic)
        }
        try response.expect(from: "name server")
        let route: TopicRouteData
        do {
            route = try response.decodeBody(TopicRouteData.self)
        } catch {
            throw ClientError.malformedResponse("route of \(topic): \(error)")
        }
        routes.withLockedValue { $0[topic] = (route, .now) }
        brokerAddrs.withLockedValue { addrs in
            for b in route.brokerDatas { if let m = b.masterAddress { addrs[b.brokerName] = m } }
        }
        return route
    }

    public func clusterInfo() async throws -> ClusterInfo {
        let response = try await invokeNameServer(.request(.getBrokerClusterInfo))
        try response.expect(from: "name server")
        let info = try decode(ClusterInfo.self, response)
        clustersSeen.withLockedValue { $0 = info.clusterNames }
        brokerAddrs.withLockedValue { addrs in
            for (name, b) in info.brokerAddrTable { if let m = b.masterAddress { addrs[name] = m } }
        }
        return info
    }

    /// The cluster names of the last cluster info this client read (nil before the first): what a report
    /// names as its target without another round trip.
    public var knownClusters: [String]? { clustersSeen.withLockedValue { $0 } }

    /// The master address of a broker name, from routes seen so far or the cluster info.
    public func masterAddress(brokerName: String) async throws -> String {
        if let a = brokerAddrs.withLockedValue({ $0[brokerName] }) { return a }
        _ = try await clusterInfo()
        guard let a = brokerAddrs.withLockedValue({ $0[brokerName] }) else {
            throw ClientError.invalidArgument("broker \(brokerName) is not registered with the name server")
        }
        return a
    }

    /// Every master address of the cluster (or of all clusters).
    public func masterAddresses(cluster: String? = nil) async throws -> [String] {
        let info = try await clusterInfo()
        let names = cluster.map { info.clusterAddrTable[$0] ?? [] } ?? Array(info.brokerAddrTable.keys)
        return names.sorted().compactMap { info.brokerAddrTable[$0]?.masterAddress }
    }

    func decode<T: Decodable>(_ type: T.Type, _ response: RemotingCommand) throws -> T {
        do {
            return try response.decodeBody(T.self)
        } catch {
            throw ClientError.malformedResponse("\(T.self): \(error)")
        }
    }
}
