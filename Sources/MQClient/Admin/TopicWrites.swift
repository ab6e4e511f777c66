import MQProtocol

/// What a topic write did on one broker.
public struct TopicWriteResult: Sendable {
    public enum Outcome: String, Sendable, Codable {
        case created, updated, unchanged, deleted
        /// The broker does not have the topic, so nothing was done there.
        case absent
        case failed
    }

    public var endpoint: BrokerEndpoint
    public var outcome: Outcome
    /// The configuration before the write (nil when the topic was new there).
    public var previous: TopicConfig?
    /// The configuration written (nil for deletions and failures before a write).
    public var config: TopicConfig?
    public var error: ClientError?

    public init(
        endpoint: BrokerEndpoint, outcome: Outcome, previous: TopicConfig? = nil, config: TopicConfig? = nil,
        error: ClientError? = nil
    ) {
        self.endpoint = endpoint
        self.outcome = outcome
        self.previous = previous
        self.config = config
        self.error = error
    }
}

/// Changes to an existing topic; nil keeps the current value.
public struct TopicChange: Sendable, Equatable {
    public var readQueueNums: Int32?
    public var writeQueueNums: Int32?
    public var perm: Int32?
    public var order: Bool?
    /// Apache's attribute modification (`"+key": value`, `"-key": ""`).
    public var attributes: [String: String] = [:]

    public init(
        readQueueNums: Int32? = nil, writeQueueNums: Int32? = nil, perm: Int32? = nil, order: Bool? = nil,
        attributes: [String: String] = [:]
    ) {
        self.readQueueNums = readQueueNums
        self.writeQueueNums = writeQueueNums
        self.perm = perm
        self.order = order
        self.attributes = attributes
    }

    public var isEmpty: Bool { self == TopicChange() }
}

/// Why a topic write did not start (nothing was changed anywhere).
public enum TopicWriteError: Error, Sendable, CustomStringConvertible {
    /// A target broker could not be read before writing.
    case preflight(BrokerEndpoint, ClientError)
    /// `create` found the topic already on these brokers.
    case alreadyExists(topic: String, on: [BrokerEndpoint])
    /// The requested attribute change is invalid for a broker's current attributes.
    case invalidAttributes(BrokerEndpoint, TopicAttributes.AttributeError)

    public var description: String {
        switch self {
        case .preflight(let e, let error):
            return "cannot read the topic from \(e) before changing it: \(error); nothing changed"
        case .alreadyExists(let topic, let on):
            return "topic \(topic) already exists on \(on.map(\.description).joined(separator: ", ")); "
                + "use `mqadmin topic update \(topic)` to change it, or --if-not-exists; nothing changed"
        case .invalidAttributes(let e, let error):
            return "invalid attributes for \(e): \(error); nothing changed"
        }
    }
}

/// What a topic deletion did: brokers first, then name servers.
public struct TopicDeleteReport: Sendable {
    public var brokers: [TopicWriteResult]
    /// Empty when skipped because a broker deletion failed (the route must keep pointing at it).
    public var nameServers: [BrokerResult<Void>]

    public var succeeded: Bool {
        !brokers.contains { $0.outcome == .failed } && !nameServers.isEmpty
            && nameServers.allSatisfy { $0.error == nil }
    }
}

extension MQClientInstance {
    /// UPDATE_AND_CREATE_TOPIC on one broker, with an attribute modification (`+k=v,-k`).
    public func writeTopicConfig(_ config: TopicConfig, attributes: String?, broker address: String) async throws {
        var header = CreateTopicRequestHeader(config: config)
        header.attributes = attributes.flatMap { $0.isEmpty ? nil : $0 }
        try await invoke(address, .request(.updateAndCreateTopic, header: header)).expect(from: address)
    }

    /// The topic's current configuration on each target; throws before anything is changed when a
    /// target cannot be read.
    public func currentTopicConfigs(_ topic: String, on targets: [BrokerEndpoint]) async throws
        -> [(endpoint: BrokerEndpoint, config: TopicConfig?)]
    {
        let read = await fanOut(targets) { [self] e in try await topicConfig(topic, broker: e.address) }
        return try read.map { r in
            switch r.result {
            case .success(let c): return (r.endpoint, c)
            case .failure(let error): throw TopicWriteError.preflight(r.endpoint, error)
            }
        }
    }

    /// Apache's updateTopic: the same configuration written to every target, whether new or not.
    public func upsertTopic(
        _ config: TopicConfig, attributes: [String: String], on targets: [BrokerEndpoint]
    ) async throws -> [TopicWriteResult] {
        let current = try await currentTopicConfigs(config.topicName, on: targets)
        return try await write(current.map { ($0.endpoint, $0.config, config) }, attributes: attributes)
    }

    /// Creates a topic on every target. Refuses (changing nothing) when a target already has it,
    /// unless `ifNotExists`, which then creates it only where it is missing.
    public func createTopic(
        _ config: TopicConfig, attributes: [String: String], on targets: [BrokerEndpoint], ifNotExists: Bool
    ) async throws -> [TopicWriteResult] {
        let current = try await currentTopicConfigs(config.topicName, on: targets)
        let existing = current.filter { $0.config != nil }
        if !existing.isEmpty && !ifNotExists {
            throw TopicWriteError.alreadyExists(topic: config.topicName, on: existing.map(\.endpoint))
        }
        return try await write(
            current.map { ($0.endpoint, $0.config, $0.config == nil ? config : nil) }, attributes: attributes)
    }

    /// Changes an existing topic where targets have it, keeping what `change` leaves out. Throws
    /// `topicNotFound` when no target has the topic.
    public func updateTopic(_ topic: String, change: TopicChange, on targets: [BrokerEndpoint]) async throws
        -> [TopicWriteResult]
    {
        let current = try await currentTopicConfigs(topic, on: targets)
        guard current.contains(where: { $0.config != nil }) else { throw ClientError.topicNotFound(topic) }
        let plan = current.map { e, old in
            (
                e, old,
                old.map { o -> TopicConfig in
                    var c = o
                    c.readQueueNums = change.readQueueNums ?? c.readQueueNums
                    c.writeQueueNums = change.writeQueueNums ?? c.writeQueueNums
                    c.perm = change.perm ?? c.perm
                    c.order = change.order ?? c.order
                    return c
                }
            )
        }
        return try await write(plan, attributes: change.attributes)
    }

    /// Writes each planned config (nil: nothing to do there) concurrently, after checking the
    /// attribute modification against every broker's current attributes (throwing before any write).
    private func write(
        _ plan: [(BrokerEndpoint, TopicConfig?, TopicConfig?)], attributes: [String: String]
    ) async throws -> [TopicWriteResult] {
        var expected: [String: (old: TopicConfig?, new: TopicConfig?)] = [:]
        for (e, old, new) in plan {
            guard var new else {
                expected[e.address] = (old, nil)
                continue
            }
            switch TopicAttributes.apply(attributes, to: old?.attributes ?? [:], creating: old == nil) {
            case .success(let applied): new.attributes = applied
            case .failure(let error): throw TopicWriteError.invalidAttributes(e, error)
            }
            expected[e.address] = (old, new)
        }
        let header = TopicAttributes.format(attributes)
        let results = await fanOut(plan.map(\.0)) { [self, expected] e -> TopicWriteResult.Outcome in
            let (old, new) = expected[e.address]!
            guard let new else { return old == nil ? .absent : .unchanged }
            if old == new { return .unchanged }
            try await writeTopicConfig(new, attributes: header, broker: e.address)
            return old == nil ? .created : .updated
        }
        return results.map { r in
            let (old, new) = expected[r.endpoint.address]!
            switch r.result {
            case .success(let outcome):
                return TopicWriteResult(endpoint: r.endpoint, outcome: outcome, previous: old, config: new ?? old)
            case .failure(let error):
                return TopicWriteResult(
                    endpoint: r.endpoint, outcome: .failed, previous: old, config: new, error: error)
            }
        }
    }

    /// Deletes a topic from the target brokers (DELETE_TOPIC_IN_BROKER), then, only if all of them
    /// succeeded, from every name server (DELETE_TOPIC_IN_NAMESRV, limited to `cluster` when given).
    /// Throws `topicNotFound` (nothing changed) when neither the route nor any target has the topic.
    /// `confirm` runs after those checks and before the first deletion (it may throw to cancel); it gets
    /// the brokers that have the topic.
    public func deleteTopic(
        _ topic: String, on targets: [BrokerEndpoint], cluster: String?,
        confirm: ([BrokerEndpoint]) throws -> Void = { _ in }
    ) async throws -> TopicDeleteReport {
        let current = try await currentTopicConfigs(topic, on: targets)
        let routed = (try? await route(topic: topic, refresh: true)) != nil
        guard routed || current.contains(where: { $0.config != nil }) else { throw ClientError.topicNotFound(topic) }
        try confirm(current.filter { $0.config != nil }.map(\.endpoint))
        let previous = Dictionary(current.map { ($0.endpoint.address, $0.config) }, uniquingKeysWith: { a, _ in a })
        let deleted = await fanOut(targets) { [self] e -> TopicWriteResult.Outcome in
            guard previous[e.address] ?? nil != nil else { return .absent }
            let request = RemotingCommand.request(.deleteTopicInBroker, header: TopicHeader(topic: topic))
            try await invoke(e.address, request).expect(from: e.address)
            return .deleted
        }
        let brokers = deleted.map { r in
            TopicWriteResult(
                endpoint: r.endpoint, outcome: r.value ?? .failed, previous: previous[r.endpoint.address] ?? nil,
                error: r.error)
        }
        guard !brokers.contains(where: { $0.outcome == .failed }) else {
            return TopicDeleteReport(brokers: brokers, nameServers: [])
        }
        let servers = nameServers.map { BrokerEndpoint(cluster: "", brokerName: "", brokerId: 0, address: $0) }
        let header = DeleteTopicFromNamesrvRequestHeader(topic: topic, clusterName: cluster)
        let ns = await fanOut(servers) { [self] s in
            try await invokeNameServer(at: s.address, .request(.deleteTopicInNamesrv, header: header))
                .expect(from: "name server \(s.address)")
            return ()
        }
        return TopicDeleteReport(brokers: brokers, nameServers: ns)
    }

    /// Writes Apache's order configuration of a topic (`brokerName:writeQueues` per broker, `;`-joined)
    /// to every name server. With `merge`, entries of other brokers already there are kept (Apache's
    /// `updateTopic -b`). Returns the configuration and the first failure, if any.
    public func writeOrderConf(topic: String, brokers: [String], writeQueues: Int32, merge: Bool) async
        -> (conf: String, error: ClientError?)
    {
        var entries: [String: String] = [:]
        if merge, let old = try? await kvConfig(namespace: KVConfigHeader.orderTopicNamespace, key: topic) {
            for item in old.split(separator: ";") {
                let name = item.split(separator: ":").first.map(String.init) ?? String(item)
                entries[name] = String(item)
            }
        }
        for b in brokers { entries[b] = "\(b):\(writeQueues)" }
        let conf = entries.keys.sorted().compactMap { entries[$0] }.joined(separator: ";")
        let results = await putKVConfig(namespace: KVConfigHeader.orderTopicNamespace, key: topic, value: conf)
        return (conf, results.compactMap(\.error).first)
    }
}
