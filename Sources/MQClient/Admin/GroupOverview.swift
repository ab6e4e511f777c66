import MQProtocol

/// A consumer group across the master brokers of a cluster.
public struct GroupOverview: Sendable {
    public var name: String
    /// The configuration (from the first broker that has it, by broker name).
    public var config: SubscriptionGroupConfig
    /// Brokers holding the group's configuration.
    public var brokers: [String]
    /// Online members (nil when the connection list could not be read).
    public var members: Int?

    /// Group names Apache's brokers create for themselves, and the one our tools peek with.
    public static let systemGroups: Set<String> = [
        MQClientInstance.toolsGroup, "FILTERSRV_CONSUMER", "SELF_TEST_C_GROUP", "CID_ONS-HTTP-PROXY", "CID_ONSAPI_PULL",
        "CID_ONSAPI_PERMISSION", "CID_ONSAPI_OWNER", "CID_SYS_RMQ_TRANS", "CID_RMQ_SYS_TRANS",
        "CID_DefaultHeartBeatSyncerTopic",
    ]

    public var isSystem: Bool { Self.isSystem(name) }

    /// Whether `group list` hides the group unless --system (shell completion hides the same ones).
    public static func isSystem(_ name: String) -> Bool {
        systemGroups.contains(name) || name.hasPrefix("CID_RMQ_SYS_")
    }
}

extension MQClientInstance {
    /// Every group configured on the given masters (GET_ALL_SUBSCRIPTIONGROUP_CONFIG), with online member
    /// counts. Brokers that failed are returned beside the groups, so a partial answer is never silent.
    public func groupOverviews(
        on brokers: [BrokerRef]
    ) async throws
        -> (groups: [GroupOverview], failed: [(broker: BrokerRef, error: String)])
    {
        var byName: [String: GroupOverview] = [:]
        var failed: [(BrokerRef, String)] = []
        for broker in brokers {
            do {
                for (name, config) in try await groupConfigs(broker: broker.address) {
                    if byName[name] == nil {
                        byName[name] = GroupOverview(name: name, config: config, brokers: [], members: nil)
                    }
                    byName[name]?.brokers.append(broker.name)
                }
            } catch {
                failed.append((broker, "\(error)"))
            }
        }
        let counts = await withTaskGroup(of: (String, Int?).self) { tasks in
            for name in byName.keys {
                tasks.addTask {
                    do {
                        let connection = try await self.consumerConnection(group: name, on: brokers)
                        return (name, connection?.connectionSet.count ?? 0)
                    } catch {
                        return (name, nil)
                    }
                }
            }
            var out: [String: Int?] = [:]
            for await (name, count) in tasks { out[name] = count }
            return out
        }
        for (name, count) in counts { byName[name]?.members = count }
        return (byName.values.sorted { $0.name < $1.name }, failed)
    }

    /// The group's online connections from the first of `brokers` that has any; nil when offline everywhere.
    public func consumerConnection(group: String, on brokers: [BrokerRef]) async throws -> ConsumerConnection? {
        var lastError: (any Error)?
        var answered = false
        for b in brokers {
            do {
                if let c = try await consumerConnection(group: group, broker: b.address) { return c }
                answered = true
            } catch {
                lastError = error
            }
        }
        if !answered, let lastError { throw lastError }
        return nil
    }

    /// Apache's AllocateMessageQueueAveragely over the group's members: which client would own each queue.
    /// It is how the official clients allocate by default; a client with another strategy may differ.
    public static func averageAllocation(queues: [MessageQueue], clientIds: [String]) -> [MessageQueue: String] {
        let queues = queues.sorted()
        let clients = clientIds.sorted()
        guard !queues.isEmpty, !clients.isEmpty else { return [:] }
        var owners: [MessageQueue: String] = [:]
        let n = queues.count
        let c = clients.count
        for (index, client) in clients.enumerated() {
            let mod = n % c
            let size = n <= c ? 1 : (mod > 0 && index < mod ? n / c + 1 : n / c)
            let start = mod > 0 && index < mod ? index * size : index * size + mod
            let range = min(size, n - start)
            guard range > 0 else { continue }
            for k in 0..<range { owners[queues[(start + k) % n]] = client }
        }
        return owners
    }
}
