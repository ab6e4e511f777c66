import Foundation

/// A cluster's metadata as a file (`metadata export` writes it, `metadata apply` makes a cluster match it).
/// docs/metadata.md describes every field. Arrays are sorted by name and every optional section is left out
/// when not asked for, so exporting an unchanged cluster twice gives the same bytes.
struct MetadataDocument: Codable, Equatable, Sendable {
    static let currentVersion = "mqadmin.metadata/v1"
    static let kindName = "ClusterMetadata"

    var apiVersion = currentVersion
    var kind = kindName
    /// The cluster exported (informative: apply targets the cluster it connects to, or --cluster).
    var cluster: String?
    var topics: [TopicSpec] = []
    var groups: [GroupSpec] = []
    /// Present with `--with-auth`: apply leaves users alone when the file has no `users` section.
    var users: [UserSpec]?
    var acls: [AclSpec]?
    /// Present with `--with-offsets`: group → committed offsets.
    var offsets: [GroupOffsets]?

    init(
        cluster: String? = nil, topics: [TopicSpec] = [], groups: [GroupSpec] = [], users: [UserSpec]? = nil,
        acls: [AclSpec]? = nil, offsets: [GroupOffsets]? = nil
    ) {
        self.cluster = cluster
        self.topics = topics.sorted { $0.name < $1.name }
        self.groups = groups.sorted { $0.name < $1.name }
        self.users = users?.sorted { $0.name < $1.name }
        self.acls = acls?.sorted { $0.subject < $1.subject }
        self.offsets = offsets?.sorted { $0.group < $1.group }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case apiVersion, kind, cluster, topics, groups, users, acls, offsets
    }

    init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        apiVersion = try c.decode(String.self, forKey: .apiVersion)
        guard apiVersion == Self.currentVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .apiVersion, in: c,
                debugDescription: "apiVersion \(apiVersion) is not supported; this mqadmin reads \(Self.currentVersion)"
            )
        }
        kind = try c.decodeIfPresent(String.self, forKey: .kind) ?? Self.kindName
        guard kind == Self.kindName else {
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: c, debugDescription: "kind \(kind) is not \(Self.kindName)")
        }
        cluster = try c.decodeIfPresent(String.self, forKey: .cluster)
        topics = try c.decodeIfPresent([TopicSpec].self, forKey: .topics) ?? []
        groups = try c.decodeIfPresent([GroupSpec].self, forKey: .groups) ?? []
        users = try c.decodeIfPresent([UserSpec].self, forKey: .users)
        acls = try c.decodeIfPresent([AclSpec].self, forKey: .acls)
        offsets = try c.decodeIfPresent([GroupOffsets].self, forKey: .offsets)
        try Self.refuseDuplicates(topics.map(\.name), "topics")
        try Self.refuseDuplicates(groups.map(\.name), "groups")
        try Self.refuseDuplicates((users ?? []).map(\.name), "users")
        try Self.refuseDuplicates((acls ?? []).map(\.subject), "acls")
    }

    /// Two entries of one name would make the plan depend on their order.
    static func refuseDuplicates(_ names: [String], _ section: String) throws {
        var seen = Set<String>()
        for n in names where !seen.insert(n).inserted {
            throw DecodingError.dataCorrupted(
                .init(codingPath: [], debugDescription: "\(section) lists \(n) twice; keep one entry"))
        }
    }
}

/// A topic: its configuration (the same on every broker listed) and the brokers that have it.
struct TopicSpec: Codable, Equatable, Sendable {
    var name: String
    var readQueues: Int32 = 8
    var writeQueues: Int32 = 8
    /// Apache's permission bits: 6 read-write, 4 read-only, 2 write-only.
    var perm: Int32 = 6
    var order = false
    /// Topic attributes without the `+` (`message.type: FIFO`).
    var attributes: [String: String] = [:]
    /// Broker names; empty means every master of the target.
    var brokers: [String] = []

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, readQueues, writeQueues, perm, order, attributes, brokers
    }

    init(name: String) { self.name = name }

    init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = TopicSpec(name: "")
        name = try c.decode(String.self, forKey: .name)
        readQueues = try c.decodeIfPresent(Int32.self, forKey: .readQueues) ?? d.readQueues
        writeQueues = try c.decodeIfPresent(Int32.self, forKey: .writeQueues) ?? d.writeQueues
        perm = try c.decodeIfPresent(Int32.self, forKey: .perm) ?? d.perm
        order = try c.decodeIfPresent(Bool.self, forKey: .order) ?? d.order
        attributes = try c.decodeIfPresent([String: String].self, forKey: .attributes) ?? [:]
        brokers = (try c.decodeIfPresent([String].self, forKey: .brokers) ?? []).sorted()
        guard [2, 4, 6].contains(perm) else {
            throw DecodingError.dataCorruptedError(
                forKey: .perm, in: c, debugDescription: "perm \(perm) of topic \(name) is not 2, 4 or 6")
        }
    }

    /// Synthesized but for `attributes`, written in key order (a dictionary's own order changes per run).
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(readQueues, forKey: .readQueues)
        try c.encode(writeQueues, forKey: .writeQueues)
        try c.encode(perm, forKey: .perm)
        try c.encode(order, forKey: .order)
        var a = c.nestedContainer(keyedBy: StrictKeys.AnyKey.self, forKey: .attributes)
        for (k, v) in attributes.sorted(by: { $0.key < $1.key }) { try a.encode(v, forKey: .init(stringValue: k)) }
        try c.encode(brokers, forKey: .brokers)
    }
}

/// A consumer group's settings (Apache's names; a field left out takes Apache's default) and its brokers.
struct GroupSpec: Codable, Equatable, Sendable {
    var name: String
    var consumeEnable = true
    var consumeFromMinEnable = false
    var consumeBroadcastEnable = false
    var consumeMessageOrderly = false
    var retryQueueNums: Int32 = 1
    var retryMaxTimes: Int32 = 16
    var brokerId: Int64 = 0
    var whichBrokerWhenConsumeSlowly: Int64 = 1
    var notifyConsumerIdsChangedEnable = true
    var brokers: [String] = []

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, consumeEnable, consumeFromMinEnable, consumeBroadcastEnable, consumeMessageOrderly
        case retryQueueNums, retryMaxTimes, brokerId, whichBrokerWhenConsumeSlowly, notifyConsumerIdsChangedEnable
        case brokers
    }

    init(name: String) { self.name = name }

    init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = GroupSpec(name: "")
        name = try c.decode(String.self, forKey: .name)
        consumeEnable = try c.decodeIfPresent(Bool.self, forKey: .consumeEnable) ?? d.consumeEnable
        consumeFromMinEnable = try c.decodeIfPresent(Bool.self, forKey: .consumeFromMinEnable) ?? d.consumeFromMinEnable
        consumeBroadcastEnable =
            try c.decodeIfPresent(Bool.self, forKey: .consumeBroadcastEnable) ?? d.consumeBroadcastEnable
        consumeMessageOrderly =
            try c.decodeIfPresent(Bool.self, forKey: .consumeMessageOrderly) ?? d.consumeMessageOrderly
        retryQueueNums = try c.decodeIfPresent(Int32.self, forKey: .retryQueueNums) ?? d.retryQueueNums
        retryMaxTimes = try c.decodeIfPresent(Int32.self, forKey: .retryMaxTimes) ?? d.retryMaxTimes
        brokerId = try c.decodeIfPresent(Int64.self, forKey: .brokerId) ?? d.brokerId
        whichBrokerWhenConsumeSlowly =
            try c.decodeIfPresent(Int64.self, forKey: .whichBrokerWhenConsumeSlowly) ?? d.whichBrokerWhenConsumeSlowly
        notifyConsumerIdsChangedEnable =
            try c.decodeIfPresent(Bool.self, forKey: .notifyConsumerIdsChangedEnable)
            ?? d.notifyConsumerIdsChangedEnable
        brokers = (try c.decodeIfPresent([String].self, forKey: .brokers) ?? []).sorted()
    }
}

/// Refuses a key the model does not know: a typo (`readQueue`) must fail, not silently keep a default.
enum StrictKeys {
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static func check<K: CodingKey & CaseIterable>(_ decoder: any Decoder, _ known: K.Type) throws {
        let names = Set(K.allCases.map(\.stringValue))
        let c = try decoder.container(keyedBy: AnyKey.self)
        if let unknown = c.allKeys.map(\.stringValue).sorted().first(where: { !names.contains($0) }) {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath + [AnyKey(stringValue: unknown)],
                    debugDescription: "unknown field \(unknown); known: \(names.sorted().joined(separator: ", "))"))
        }
    }
}
