import Foundation

/// A user. Export never writes a password; apply takes one from here or --credentials-file to create a user.
struct UserSpec: Codable, Equatable, Sendable {
    var name: String
    /// Super or Normal.
    var type = "Normal"
    /// enable or disable.
    var status = "enable"
    var password: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case name, type, status, password }

    init(name: String, type: String = "Normal", status: String = "enable") {
        self.name = name
        self.type = type
        self.status = status
    }

    init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        type = try c.decodeIfPresent(String.self, forKey: .type) ?? "Normal"
        status = try c.decodeIfPresent(String.self, forKey: .status) ?? "enable"
        password = try c.decodeIfPresent(String.self, forKey: .password)
    }
}

/// A subject's ACL: its policy entries, one per resource.
struct AclSpec: Codable, Equatable, Sendable {
    struct Entry: Codable, Equatable, Sendable {
        var resource: String
        var actions: [String]
        var sourceIps: [String] = []
        var decision: String
        /// Custom or Default (the broker's policy type).
        var policyType = "Custom"

        enum CodingKeys: String, CodingKey, CaseIterable { case resource, actions, sourceIps, decision, policyType }

        init(resource: String, actions: [String], sourceIps: [String], decision: String, policyType: String) {
            self.resource = resource
            self.actions = actions
            self.sourceIps = sourceIps
            self.decision = decision
            self.policyType = policyType
        }

        init(from decoder: any Decoder) throws {
            try StrictKeys.check(decoder, CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            resource = try c.decode(String.self, forKey: .resource)
            actions = try c.decode([String].self, forKey: .actions)
            sourceIps = try c.decodeIfPresent([String].self, forKey: .sourceIps) ?? []
            decision = try c.decode(String.self, forKey: .decision)
            policyType = try c.decodeIfPresent(String.self, forKey: .policyType) ?? "Custom"
        }
    }

    /// `User:alice`.
    var subject: String
    var entries: [Entry]

    enum CodingKeys: String, CodingKey, CaseIterable { case subject, entries }

    init(subject: String, entries: [Entry]) {
        self.subject = subject
        self.entries = entries.sorted { ($0.policyType, $0.resource) < ($1.policyType, $1.resource) }
    }

    init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            subject: try c.decode(String.self, forKey: .subject), entries: try c.decode([Entry].self, forKey: .entries))
    }
}

/// A group's committed offsets on the queues of its topics.
struct GroupOffsets: Codable, Equatable, Sendable {
    struct Queue: Codable, Equatable, Sendable {
        var topic: String
        var broker: String
        var queueId: Int32
        var offset: Int64

        enum CodingKeys: String, CodingKey, CaseIterable { case topic, broker, queueId, offset }

        init(topic: String, broker: String, queueId: Int32, offset: Int64) {
            self.topic = topic
            self.broker = broker
            self.queueId = queueId
            self.offset = offset
        }

        init(from decoder: any Decoder) throws {
            try StrictKeys.check(decoder, CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            topic = try c.decode(String.self, forKey: .topic)
            broker = try c.decode(String.self, forKey: .broker)
            queueId = try c.decode(Int32.self, forKey: .queueId)
            offset = try c.decode(Int64.self, forKey: .offset)
        }
    }

    var group: String
    var queues: [Queue]

    enum CodingKeys: String, CodingKey, CaseIterable { case group, queues }

    init(group: String, queues: [Queue]) {
        self.group = group
        self.queues = queues.sorted { ($0.topic, $0.broker, $0.queueId) < ($1.topic, $1.broker, $1.queueId) }
    }

    init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(group: try c.decode(String.self, forKey: .group), queues: try c.decode([Queue].self, forKey: .queues))
    }
}
