import MQProtocol

/// One broker address registered with the name server.
public struct BrokerEndpoint: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var cluster: String
    public var brokerName: String
    /// 0 for the master.
    public var brokerId: Int
    public var address: String

    public init(cluster: String, brokerName: String, brokerId: Int, address: String) {
        self.cluster = cluster
        self.brokerName = brokerName
        self.brokerId = brokerId
        self.address = address
    }

    public var isMaster: Bool { brokerId == 0 }

    public static func < (a: BrokerEndpoint, b: BrokerEndpoint) -> Bool {
        (a.cluster, a.brokerName, a.brokerId, a.address) < (b.cluster, b.brokerName, b.brokerId, b.address)
    }

    /// `broker-a (127.0.0.1:10911)`, or the bare address of an unregistered broker.
    public var description: String { brokerName.isEmpty ? address : "\(brokerName) (\(address))" }
}

/// Why a command's target brokers could not be chosen.
public enum TargetError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownCluster(String, known: [String])
    case severalClusters([String])
    case noBrokers
    case unknownBroker(String, masters: [String])
    case notMaster(String, brokerName: String)
    case noMasters(cluster: String)

    public var description: String {
        switch self {
        case .unknownCluster(let name, let known):
            let names = known.isEmpty ? "none" : known.joined(separator: ", ")
            return "cluster \(name) does not exist; known clusters: \(names)"
        case .severalClusters(let names):
            let list = names.joined(separator: ", ")
            return "the name server knows several clusters (\(list)); choose one with --cluster NAME"
        case .noBrokers:
            return "no broker is registered with the name server; start one (mqadmin broker start) or check -n"
        case .unknownBroker(let address, let masters):
            return "broker \(address) is not a master registered with the name server; masters: "
                + (masters.isEmpty ? "none" : masters.joined(separator: ", "))
        case .notMaster(let address, let name):
            return "broker \(address) is a slave of \(name); topics are changed on masters"
        case .noMasters(let cluster):
            return "cluster \(cluster) has no master broker online"
        }
    }

    /// True when the thing named does not exist (exit 3), false for an ambiguous request (exit 2).
    public var isNotFound: Bool {
        switch self {
        case .severalClusters: return false
        default: return true
        }
    }
}

extension ClusterInfo {
    /// Every registered broker address, sorted by cluster, broker name and id.
    public var endpoints: [BrokerEndpoint] {
        var out: [BrokerEndpoint] = []
        for (name, data) in brokerAddrTable {
            let cluster = clusterName(ofBroker: name) ?? data.cluster
            for (id, addr) in data.brokerAddrs {
                out.append(BrokerEndpoint(cluster: cluster, brokerName: name, brokerId: id, address: addr))
            }
        }
        return out.sorted()
    }

    /// Cluster names, sorted.
    public var clusterNames: [String] { clusterAddrTable.keys.sorted() }

    /// The cluster a broker name belongs to.
    public func clusterName(ofBroker name: String) -> String? {
        clusterAddrTable.keys.sorted().first { clusterAddrTable[$0]?.contains(name) == true }
            ?? brokerAddrTable[name].map(\.cluster)
    }

    /// The endpoint registered at `address`, if any.
    public func endpoint(address: String) -> BrokerEndpoint? {
        endpoints.first { $0.address == address }
    }

    /// Masters of one cluster (nil: of the only cluster; an error when there are several).
    public func masters(cluster: String?) throws(TargetError) -> [BrokerEndpoint] {
        let name = try resolveCluster(cluster)
        let found = endpoints.filter { $0.cluster == name && $0.isMaster }
        guard !found.isEmpty else { throw .noMasters(cluster: name) }
        return found
    }

    /// All addresses (masters and slaves) of one cluster, or of every cluster when nil.
    public func endpoints(cluster: String?) throws(TargetError) -> [BrokerEndpoint] {
        guard let cluster else {
            guard !brokerAddrTable.isEmpty else { throw .noBrokers }
            return endpoints
        }
        guard clusterAddrTable[cluster] != nil else { throw .unknownCluster(cluster, known: clusterNames) }
        return endpoints.filter { $0.cluster == cluster }
    }

    /// The named cluster, checked; or the only one when none is named.
    public func resolveCluster(_ cluster: String?) throws(TargetError) -> String {
        if let cluster {
            guard clusterAddrTable[cluster] != nil else { throw .unknownCluster(cluster, known: clusterNames) }
            return cluster
        }
        switch clusterNames.count {
        case 0: throw .noBrokers
        case 1: return clusterNames[0]
        default: throw .severalClusters(clusterNames)
        }
    }

    /// The brokers a topic write goes to: one `broker` address (a registered master, unless
    /// `allowUnregistered`, as Apache's `-b` sends anywhere), or every master of `cluster`.
    public func writeTargets(cluster: String?, broker: String?, allowUnregistered: Bool = false)
        throws(TargetError) -> [BrokerEndpoint]
    {
        guard let broker else { return try masters(cluster: cluster) }
        if let e = endpoint(address: broker) {
            guard e.isMaster else { throw .notMaster(broker, brokerName: e.brokerName) }
            return [e]
        }
        guard allowUnregistered else {
            throw .unknownBroker(broker, masters: endpoints.filter(\.isMaster).map(\.address))
        }
        return [BrokerEndpoint(cluster: "", brokerName: "", brokerId: 0, address: broker)]
    }
}

/// One broker's answer, or why there is none.
public struct BrokerResult<Value: Sendable>: Sendable {
    public var endpoint: BrokerEndpoint
    public var result: Result<Value, ClientError>

    public init(endpoint: BrokerEndpoint, result: Result<Value, ClientError>) {
        self.endpoint = endpoint
        self.result = result
    }

    public var value: Value? { try? result.get() }
    public var error: ClientError? {
        if case .failure(let e) = result { return e }
        return nil
    }
}

extension MQClientInstance {
    /// Runs `operation` against every endpoint concurrently; results come back in `endpoints` order.
    public func fanOut<Value: Sendable>(
        _ endpoints: [BrokerEndpoint], _ operation: @escaping @Sendable (BrokerEndpoint) async throws -> Value
    ) async -> [BrokerResult<Value>] {
        await withTaskGroup(of: (Int, Result<Value, ClientError>).self) { group in
            for (i, e) in endpoints.enumerated() {
                group.addTask {
                    do {
                        return (i, .success(try await operation(e)))
                    } catch let error as ClientError {
                        return (i, .failure(error))
                    } catch {
                        return (i, .failure(.malformedResponse("\(e.address): \(error)")))
                    }
                }
            }
            var results = [Result<Value, ClientError>?](repeating: nil, count: endpoints.count)
            for await (i, r) in group { results[i] = r }
            return zip(endpoints, results).map { BrokerResult(endpoint: $0, result: $1!) }
        }
    }

    /// GET_BROKER_RUNTIME_INFO of many brokers at once; each failure stays with its broker.
    public func runtimeInfos(_ endpoints: [BrokerEndpoint]) async -> [BrokerResult<[String: String]>] {
        await fanOut(endpoints) { [self] e in try await brokerRuntimeInfo(broker: e.address) }
    }
}
