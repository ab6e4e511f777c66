import MQProtocol

/// A Nagios state; the raw value is the plugin exit code (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN).
public enum CheckStatus: Int32, Sendable, CaseIterable, CustomStringConvertible {
    case ok = 0
    case warning = 1
    case critical = 2
    case unknown = 3

    public var description: String {
        switch self {
        case .ok: return "OK"
        case .warning: return "WARNING"
        case .critical: return "CRITICAL"
        case .unknown: return "UNKNOWN"
        }
    }

    /// How urgent: CRITICAL, then WARNING, then UNKNOWN, then OK (the usual order for combining Nagios results:
    /// a known problem outranks a check that could not tell).
    var urgency: Int {
        switch self {
        case .ok: return 0
        case .unknown: return 1
        case .warning: return 2
        case .critical: return 3
        }
    }

    /// The most urgent of `all` (OK for none).
    public static func worst(_ all: [CheckStatus]) -> CheckStatus {
        all.max { $0.urgency < $1.urgency } ?? .ok
    }
}

/// One line of a cluster check: what was checked, on what, the verdict and the evidence.
public struct CheckRow: Sendable, Equatable {
    public var check: String
    /// A name server address, a cluster, a broker name (`broker-a`) or a slave (`broker-a/1`).
    public var subject: String
    public var status: CheckStatus
    public var detail: String
    /// The probe's send→pull round trip, probe rows only.
    public var latencyMillis: Double?

    public init(
        _ check: String, _ subject: String, _ status: CheckStatus, _ detail: String, latencyMillis: Double? = nil
    ) {
        self.check = check
        self.subject = subject
        self.status = status
        self.detail = detail
        self.latencyMillis = latencyMillis
    }
}

/// What a cluster check compares against.
public struct ClusterCheckLimits: Sendable {
    /// Send one message to every broker master and pull it back.
    public var probe: Bool
    /// The probe's topic; nil: the topic named after each broker (Apache's clusterRT sends there).
    public var probeTopic: String?
    /// A probe slower than this is a WARNING.
    public var probeWarnMillis: Double
    /// Commit log bytes not yet dispatched to consume queues above this are a WARNING.
    public var dispatchBehindWarnBytes: Int64
    /// Broker names that must be registered: a name server forgets a killed broker as soon as its connection
    /// closes, so only an expectation tells a lost broker from one that never was.
    public var expectedBrokers: [String]

    public static let defaultDispatchBehindWarnBytes: Int64 = 64 * 1024 * 1024

    public init(
        probe: Bool = false, probeTopic: String? = nil, probeWarnMillis: Double = 1000,
        dispatchBehindWarnBytes: Int64 = defaultDispatchBehindWarnBytes, expectedBrokers: [String] = []
    ) {
        self.expectedBrokers = expectedBrokers
        self.probe = probe
        self.probeTopic = probeTopic
        self.probeWarnMillis = probeWarnMillis
        self.dispatchBehindWarnBytes = dispatchBehindWarnBytes
    }
}

/// The rows of one cluster check, in check order.
public struct ClusterCheckReport: Sendable {
    public var rows: [CheckRow]
    public var probeTopic: String?

    public init(rows: [CheckRow], probeTopic: String?) {
        self.rows = rows
        self.probeTopic = probeTopic
    }

    /// The most urgent row's status.
    public var status: CheckStatus { CheckStatus.worst(rows.map(\.status)) }

    public func count(_ status: CheckStatus) -> Int { rows.filter { $0.status == status }.count }
}

/// What one name server said: its cluster info and, per broker name, the permission its routes give.
struct NameServerLook: Sendable {
    var info: ClusterInfo
    /// Broker name → the perm of a topic of that broker in this name server's routes.
    var perms: [String: Int32]
    var millis: Double
}

extension MQClientInstance {
    /// Checks the health of `cluster` (nil: every cluster): every name server, every broker's registration,
    /// reachability, write permission, disk use and dispatch lag, and with `limits.probe` a send→pull round trip
    /// per master. Problems are rows, not errors; only a `cluster` no name server knows throws.
    public func clusterCheck(cluster: String?, limits: ClusterCheckLimits) async throws -> ClusterCheckReport {
        let servers = nameServers.map { BrokerEndpoint(cluster: "", brokerName: "", brokerId: 0, address: $0) }
        let looks = await fanOut(servers) { [self] s in try await lookAt(nameServer: s.address) }
        var rows = Self.nameServerRows(looks)
        let answered = looks.compactMap(\.value)
        guard !answered.isEmpty else { return ClusterCheckReport(rows: rows, probeTopic: limits.probeTopic) }

        let known = Set(answered.flatMap(\.info.clusterNames))
        if let cluster, !known.contains(cluster) { throw TargetError.unknownCluster(cluster, known: known.sorted()) }
        let brokers = Self.brokers(answered, cluster: cluster)
        let clusters = Set(brokers.map(\.cluster)).sorted()
        rows += limits.expectedBrokers.map { Self.expectedRow($0, brokers: brokers) }
        rows += Self.registrationRows(looks, brokers: brokers)
        rows += clusters.map { Self.agreementRow($0, looks, brokers: brokers) }

        let endpoints = brokers.flatMap { b in
            b.brokerAddrs.keys.sorted().map {
                BrokerEndpoint(cluster: b.cluster, brokerName: b.brokerName, brokerId: $0, address: b.brokerAddrs[$0]!)
            }
        }
        let infos = await runtimeInfos(endpoints)
        let masters = endpoints.filter(\.isMaster)
        let configs = await fanOut(masters) { [self] e in try await brokerConfig(broker: e.address) }
        var configOf: [String: [String: String]] = [:]
        for c in configs { configOf[c.endpoint.brokerName] = c.value }

        for b in brokers where b.brokerAddrs[0] == nil {
            let slaves = b.brokerAddrs.keys.sorted().map(String.init).joined(separator: ", ")
            let text = "no master registered (only slave id \(slaves)): sends to \(b.brokerName) fail"
            rows.append(CheckRow("reachable", b.brokerName, .critical, text))
        }
        rows += infos.map(Self.reachableRow)
        for b in brokers.map(\.brokerName) where masters.contains(where: { $0.brokerName == b }) {
            rows.append(Self.writableRow(b, looks: looks, config: configOf[b]))
        }
        for r in infos {
            guard let table = r.value else { continue }
            rows.append(Self.diskRow(r.endpoint, table, config: configOf[r.endpoint.brokerName]))
            rows.append(Self.dispatchRow(r.endpoint, table, limit: limits.dispatchBehindWarnBytes))
        }
        if limits.probe {
            let live = infos.filter { $0.endpoint.isMaster }
            let probes = await fanOut(live.map(\.endpoint)) { [self] e in
                if let error = live.first(where: { $0.endpoint == e })?.error {
                    return CheckRow("probe", e.brokerName, .critical, "not sent: the broker is unreachable (\(error))")
                }
                return await probe(e, limits: limits)
            }
            rows += probes.compactMap(\.value)
        }
        return ClusterCheckReport(rows: rows, probeTopic: limits.probeTopic)
    }

    /// GET_BROKER_CLUSTER_INFO from one name server, and the write permission its routes give each broker.
    func lookAt(nameServer address: String) async throws -> NameServerLook {
        let start = ContinuousClock.now
        let response = try await invokeNameServer(at: address, .request(.getBrokerClusterInfo))
        try response.expect(from: "name server \(address)")
        let info = try decode(ClusterInfo.self, response)
        let millis = Self.millis(start.duration(to: .now))
        var perms = try await routePerms(SystemTopics.selfTest, nameServer: address)
        // A broker without SELF_TEST_TOPIC: the topic named after it (brokerTopicEnable) says the same.
        for name in info.brokerAddrTable.keys.sorted() where perms[name] == nil {
            if let perm = try await routePerms(name, nameServer: address)[name] { perms[name] = perm }
        }
        return NameServerLook(info: info, perms: perms, millis: millis)
    }

    /// Broker name → perm of `topic`'s queues on that broker in one name server's route (empty: no such topic).
    func routePerms(_ topic: String, nameServer: String) async throws -> [String: Int32] {
        let response = try await invokeNameServer(
            at: nameServer, .request(.getRouteInfoByTopic, header: TopicHeader(topic: topic)))
        guard response.code == ResponseCode.success.rawValue,
            let route = try? response.decodeBody(TopicRouteData.self)
        else { return [:] }
        var perms: [String: Int32] = [:]
        for q in route.queueDatas { perms[q.brokerName] = q.perm }
        return perms
    }

    /// Sends one message to queue 0 of the probe topic on `master` and pulls it back by its offset, as
    /// TOOLS_CONSUMER without committing anything.
    func probe(_ master: BrokerEndpoint, limits: ClusterCheckLimits) async -> CheckRow {
        let name = master.brokerName
        let topic = limits.probeTopic ?? name
        let route: TopicRouteData
        do {
            route = try await self.route(topic: topic, refresh: true)
        } catch ClientError.topicNotFound {
            let why =
                limits.probeTopic == nil
                ? "the probe sends to the topic named after the broker, which a broker with brokerTopicEnable=true"
                    + " creates; enable it, or pass --probe-topic T (a topic with a queue on every broker)"
                : "create it with a queue on every broker, or pass another --probe-topic"
            return CheckRow("probe", name, .unknown, "not sent: topic \(topic) does not exist; \(why)")
        } catch {
            return CheckRow("probe", name, .unknown, "not sent: no route for topic \(topic): \(error)")
        }
        guard route.queueDatas.contains(where: { $0.brokerName == name && $0.writeQueueNums > 0 }) else {
            return CheckRow("probe", name, .unknown, "not sent: topic \(topic) has no write queue on \(name)")
        }
        let queue = MessageQueue(topic: topic, brokerName: name, queueId: 0)
        let producer = Producer(group: "mqadmin-cluster-check", client: self, retryTimes: 0)
        let start = ContinuousClock.now
        do {
            let sent = try await producer.send(
                Message(topic: topic, body: "mqadmin cluster check probe", tags: "mqadmin-probe"), to: queue)
            // Apache brokers dispatch to the consume queue after the send is acknowledged: poll briefly.
            let deadline = start + timeout
            while true {
                let found = try await storedMessage(queue: queue, offset: sent.queueOffset).message
                if found != nil { break }
                guard ContinuousClock.now < deadline else {
                    let offset = sent.queueOffset
                    let text = "sent to \(topic) queue 0 offset \(offset), not pulled back"
                    return CheckRow("probe", name, .critical, text)
                }
                try await Task.sleep(for: .milliseconds(5))
            }
        } catch {
            return CheckRow("probe", name, .critical, "send→pull on \(topic) failed: \(error)")
        }
        let millis = Self.millis(start.duration(to: .now))
        let text = "send→pull round trip \(Self.format(millis)) ms on \(topic) queue 0"
        guard millis <= limits.probeWarnMillis else {
            let limit = Self.format(limits.probeWarnMillis)
            return CheckRow("probe", name, .warning, text + " (over \(limit) ms)", latencyMillis: millis)
        }
        return CheckRow("probe", name, .ok, text, latencyMillis: millis)
    }

    static func millis(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    static func format(_ millis: Double) -> String {
        millis >= 100 ? String(Int(millis.rounded())) : String(Double(Int(millis * 10)) / 10)
    }
}
