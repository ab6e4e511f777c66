import Foundation
import MQClient
import MQProtocol

/// What the masters of a target hold, broker by broker: what export summarizes and apply compares with.
struct MetadataState: Sendable {
    /// Masters by broker name, sorted.
    var masters: [BrokerEndpoint]
    /// The cluster read (the one named, or the only one).
    var cluster: String?
    var topics: [String: [String: TopicConfig]] = [:]
    var groups: [String: [String: SubscriptionGroupConfig]] = [:]
    /// Read only when asked for (`--with-auth`, or a file with a `users`/`acls` section).
    var users: [String: [String: UserInfo]] = [:]
    var acls: [String: [String: AclSpec]] = [:]
    /// group → queue → committed offset, for the groups asked for.
    var offsets: [String: [MessageQueue: Int64]] = [:]
    /// The offsets each queue read for `offsets` holds (min...max): a committed offset outside is refused.
    var queueRanges: [MessageQueue: ClosedRange<Int64>] = [:]
    /// Names read that `topic list` / `group list` hide: --prune never deletes them.
    var systemTopics: Set<String> = []
    var systemGroups: Set<String> = []

    /// What is read besides topics and groups.
    struct Sections: Sendable {
        var includeSystem = false
        var auth = false
        /// Groups whose offsets to read, with the topics to read them on (nil: the topics the group consumes).
        var offsets: [String: [String]?] = [:]
    }

    static func read(_ client: MQClientInstance, cluster: String?, sections: Sections) async throws -> MetadataState {
        let info = try await client.clusterInfo()
        let masters = try info.masters(cluster: cluster).sorted { $0.brokerName < $1.brokerName }
        var state = MetadataState(masters: masters, cluster: try info.resolveCluster(cluster))
        for m in masters {
            let topics = try await client.topicConfigs(broker: m.address).topicConfigTable
            let system = Set(topics.keys.filter { TopicKind.of($0, clusterInfo: info) != .normal })
            state.systemTopics.formUnion(system)
            state.topics[m.brokerName] = topics.filter { sections.includeSystem || !system.contains($0.key) }
            let groups = try await client.groupConfigs(broker: m.address)
            state.systemGroups.formUnion(groups.keys.filter(GroupOverview.isSystem))
            state.groups[m.brokerName] = groups.filter { sections.includeSystem || !GroupOverview.isSystem($0.key) }
            if sections.auth {
                state.users[m.brokerName] = Dictionary(
                    try await client.users(filter: nil, broker: m.address).compactMap { u in
                        u.username.map { ($0, u) }
                    },
                    uniquingKeysWith: { a, _ in a })
                state.acls[m.brokerName] = Dictionary(
                    try await client.acls(subjectFilter: nil, resourceFilter: nil, broker: m.address).compactMap {
                        AclSpec($0).map { ($0.subject, $0) }
                    },
                    uniquingKeysWith: { a, _ in a })
            }
        }
        for (group, topics) in sections.offsets {
            let (offsets, ranges) = try await readOffsetStates(client, group: group, topics: topics, masters: masters)
            state.offsets[group] = offsets
            state.queueRanges.merge(ranges) { a, _ in a }
        }
        return state
    }

    /// A group's committed offsets; a topic without a route (not created yet) has none.
    static func readOffsets(
        _ client: MQClientInstance, group: String, topics: [String]?, masters: [BrokerEndpoint]
    ) async throws -> [MessageQueue: Int64] {
        try await readOffsetStates(client, group: group, topics: topics, masters: masters).offsets
    }

    /// `readOffsets`, with the range of offsets each queue read holds.
    static func readOffsetStates(
        _ client: MQClientInstance, group: String, topics: [String]?, masters: [BrokerEndpoint]
    ) async throws -> (offsets: [MessageQueue: Int64], ranges: [MessageQueue: ClosedRange<Int64>]) {
        let names = Set(masters.map(\.brokerName))
        var out: [MessageQueue: Int64] = [:]
        var ranges: [MessageQueue: ClosedRange<Int64>] = [:]
        let list: [String]
        if let topics { list = topics } else { list = (try? await client.consumedTopics(group: group)) ?? [] }
        for topic in list {
            guard let states = try? await client.offsetStates(group: group, topic: topic) else { continue }
            for s in states where names.contains(s.queue.brokerName) {
                if let c = s.committed { out[s.queue] = c }
                ranges[s.queue] = min(s.minOffset, s.maxOffset)...s.maxOffset
            }
        }
        return (out, ranges)
    }

    /// The document `metadata export` writes: each name once, with the configuration of the first broker (by
    /// name) that has it and the brokers that have it.
    func document(withAuth: Bool, withOffsets: Bool) -> MetadataDocument {
        var topicSpecs: [String: TopicSpec] = [:]
        var groupSpecs: [String: GroupSpec] = [:]
        var userSpecs: [String: UserSpec] = [:]
        var aclSpecs: [String: AclSpec] = [:]
        for m in masters {
            for (name, config) in topics[m.brokerName] ?? [:] {
                topicSpecs[name, default: TopicSpec(config)].brokers.append(m.brokerName)
            }
            for (name, config) in groups[m.brokerName] ?? [:] {
                groupSpecs[name, default: GroupSpec(config)].brokers.append(m.brokerName)
            }
            for (name, user) in users[m.brokerName] ?? [:] where userSpecs[name] == nil {
                userSpecs[name] = UserSpec(user)
            }
            for (subject, acl) in acls[m.brokerName] ?? [:] where aclSpecs[subject] == nil { aclSpecs[subject] = acl }
        }
        let offsetSpecs = offsets.map { group, queues in
            GroupOffsets(
                group: group,
                queues: queues.map {
                    .init(topic: $0.key.topic, broker: $0.key.brokerName, queueId: $0.key.queueId, offset: $0.value)
                })
        }
        return MetadataDocument(
            cluster: cluster, topics: Array(topicSpecs.values), groups: Array(groupSpecs.values),
            users: withAuth ? Array(userSpecs.values) : nil, acls: withAuth ? Array(aclSpecs.values) : nil,
            offsets: withOffsets ? offsetSpecs.filter { !$0.queues.isEmpty } : nil)
    }
}

extension TopicSpec {
    init(_ c: TopicConfig) {
        self.init(name: c.topicName)
        readQueues = c.readQueueNums
        writeQueues = c.writeQueueNums
        perm = c.perm
        order = c.order
        attributes = c.attributes
    }
}

extension GroupSpec {
    init(_ c: SubscriptionGroupConfig) {
        self.init(name: c.groupName)
        consumeEnable = c.consumeEnable
        consumeFromMinEnable = c.consumeFromMinEnable
        consumeBroadcastEnable = c.consumeBroadcastEnable
        consumeMessageOrderly = c.consumeMessageOrderly
        retryQueueNums = c.retryQueueNums
        retryMaxTimes = c.retryMaxTimes
        brokerId = c.brokerId
        whichBrokerWhenConsumeSlowly = c.whichBrokerWhenConsumeSlowly
        notifyConsumerIdsChangedEnable = c.notifyConsumerIdsChangedEnable
    }

    /// `base` (what the broker has, or a new group) with this spec's settings.
    func config(over base: SubscriptionGroupConfig?) -> SubscriptionGroupConfig {
        var c = base ?? SubscriptionGroupConfig(groupName: name)
        c.consumeEnable = consumeEnable
        c.consumeFromMinEnable = consumeFromMinEnable
        c.consumeBroadcastEnable = consumeBroadcastEnable
        c.consumeMessageOrderly = consumeMessageOrderly
        c.retryQueueNums = retryQueueNums
        c.retryMaxTimes = retryMaxTimes
        c.brokerId = brokerId
        c.whichBrokerWhenConsumeSlowly = whichBrokerWhenConsumeSlowly
        c.notifyConsumerIdsChangedEnable = notifyConsumerIdsChangedEnable
        return c
    }
}

extension UserSpec {
    /// Never the password: an export is not a credential store.
    init(_ u: UserInfo) {
        self.init(name: u.username ?? "", type: u.userType ?? "Normal", status: u.userStatus ?? "enable")
    }
}

extension AclSpec {
    init?(_ a: AclInfo) {
        guard let subject = a.subject else { return nil }
        var entries: [Entry] = []
        for p in a.policies ?? [] {
            for e in p.entries ?? [] {
                entries.append(
                    Entry(
                        resource: e.resource ?? "", actions: e.actions ?? [], sourceIps: e.sourceIps ?? [],
                        decision: e.decision ?? "", policyType: p.policyType ?? "Custom"))
            }
        }
        self.init(subject: subject, entries: entries)
    }

    /// The ACL as the broker takes it: one policy per policy type.
    var info: AclInfo {
        let byType = Dictionary(grouping: entries, by: \.policyType)
        return AclInfo(
            subject: subject,
            policies: byType.keys.sorted().map { type in
                PolicyInfo(
                    policyType: type,
                    entries: byType[type]!.map {
                        PolicyEntryInfo(
                            resource: $0.resource, actions: $0.actions, sourceIps: $0.sourceIps, decision: $0.decision)
                    })
            })
    }
}
