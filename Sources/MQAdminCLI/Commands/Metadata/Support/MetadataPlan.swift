import Foundation
import MQClient
import MQProtocol

/// One thing `metadata apply` would do to one broker.
struct MetadataChange: Codable, Equatable, Sendable {
    enum Kind: String, Codable, Sendable, CaseIterable { case topic, group, user, acl, offset }
    /// `blocked`: wanted but cannot be done (the reason says why); it keeps --check failing.
    enum Action: String, Codable, Sendable { case create, update, delete, blocked }

    struct Field: Codable, Equatable, Sendable {
        var field: String
        /// The value now (null for a create).
        var from: String?
        var to: String?
    }

    var kind: Kind
    var name: String
    var broker: String
    var action: Action
    var fields: [Field] = []
    var reason: String?
    /// Offsets only: the queue (`name` is the group).
    var topic: String?
    var queueId: Int32?

    /// `orders`, or for an offset `g T[0]`.
    var displayName: String {
        guard let topic, let queueId else { return name }
        return "\(name) \(topic)[\(queueId)]"
    }

    /// `perm 6 → 4, order false → true`.
    var summary: String {
        if let reason { return reason }
        return fields.map { f in
            switch (f.from, f.to) {
            case (nil, let to?): return "\(f.field) \(to)"
            case (let from?, nil): return "\(f.field) \(from) → (none)"
            case (let from?, let to?): return "\(f.field) \(from) → \(to)"
            case (nil, nil): return f.field
            }
        }.joined(separator: ", ")
    }

    /// Applied in this order: creates and updates by kind (topics before the groups, ACLs and offsets that
    /// refer to them), then deletes in the reverse order.
    var rank: Int {
        let k = Kind.allCases.firstIndex(of: kind)!
        return action == .delete ? 100 - k : k
    }
}

/// The changes that make a cluster match a document.
struct MetadataPlan: Sendable {
    var changes: [MetadataChange]

    var isEmpty: Bool { changes.isEmpty }

    /// `credentials`: passwords for users the file names without one.
    static func make(
        _ doc: MetadataDocument, state: MetadataState, prune: Bool, credentials: [String: String]
    ) -> MetadataPlan {
        var out: [MetadataChange] = []
        let brokers = state.masters.map(\.brokerName)
        out += topics(doc, state: state, brokers: brokers, prune: prune)
        out += groups(doc, state: state, brokers: brokers, prune: prune)
        if let users = doc.users { out += Self.users(users, state: state, brokers: brokers, prune: prune, credentials) }
        if let acls = doc.acls { out += Self.acls(acls, state: state, brokers: brokers, prune: prune) }
        if let offsets = doc.offsets { out += Self.offsets(offsets, state: state, brokers: brokers) }
        let ordered = out.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }
        return MetadataPlan(changes: ordered.map(\.element))
    }

    /// The brokers a spec names, or every master; names that are not masters of the target are blocked items.
    static func targets(
        _ listed: [String], all: [String], kind: MetadataChange.Kind, name: String
    ) -> (brokers: [String], blocked: [MetadataChange]) {
        guard !listed.isEmpty else { return (all, []) }
        let blocked = listed.filter { !all.contains($0) }.map {
            MetadataChange(
                kind: kind, name: name, broker: $0, action: .blocked,
                reason: "broker \($0) is not a master of the target (masters: \(all.joined(separator: ", ")))")
        }
        return (listed.filter { all.contains($0) }, blocked)
    }

    static func topics(_ doc: MetadataDocument, state: MetadataState, brokers: [String], prune: Bool)
        -> [MetadataChange]
    {
        var out: [MetadataChange] = []
        for spec in doc.topics {
            let (targets, blocked) = targets(spec.brokers, all: brokers, kind: .topic, name: spec.name)
            out += blocked
            for b in targets {
                guard let current = state.topics[b]?[spec.name] else {
                    out.append(
                        MetadataChange(
                            kind: .topic, name: spec.name, broker: b, action: .create,
                            fields: topicFields(from: nil, to: spec)))
                    continue
                }
                let fields = topicFields(from: TopicSpec(current), to: spec)
                if !fields.isEmpty {
                    out.append(
                        MetadataChange(kind: .topic, name: spec.name, broker: b, action: .update, fields: fields))
                }
            }
        }
        if prune {
            // Only topics the file does not name at all: deleting a topic on one broker also deletes its route
            // from the name servers (DELETE_TOPIC_IN_NAMESRV), which would take it from the brokers it stays on.
            let wanted = Set(doc.topics.map(\.name))
            for b in brokers {
                for name in (state.topics[b] ?? [:]).keys.sorted()
                where !wanted.contains(name) && !state.systemTopics.contains(name) {
                    out.append(MetadataChange(kind: .topic, name: name, broker: b, action: .delete))
                }
            }
        }
        return out
    }

    /// Field by field; `from` nil lists every field of a new topic.
    static func topicFields(from old: TopicSpec?, to new: TopicSpec) -> [MetadataChange.Field] {
        var out: [MetadataChange.Field] = []
        func add(_ field: String, _ a: String?, _ b: String?) {
            if a != b { out.append(.init(field: field, from: a, to: b)) }
        }
        add("readQueues", old.map { "\($0.readQueues)" }, "\(new.readQueues)")
        add("writeQueues", old.map { "\($0.writeQueues)" }, "\(new.writeQueues)")
        add("perm", old.map { "\($0.perm)" }, "\(new.perm)")
        add("order", old.map { "\($0.order)" }, "\(new.order)")
        let oldAttributes = old?.attributes ?? [:]
        for key in Set(oldAttributes.keys).union(new.attributes.keys).sorted() {
            add("attributes.\(key)", oldAttributes[key], new.attributes[key])
        }
        return out
    }

    static func groups(_ doc: MetadataDocument, state: MetadataState, brokers: [String], prune: Bool)
        -> [MetadataChange]
    {
        var out: [MetadataChange] = []
        for spec in doc.groups {
            let (targets, blocked) = targets(spec.brokers, all: brokers, kind: .group, name: spec.name)
            out += blocked
            for b in targets {
                let current = state.groups[b]?[spec.name]
                let fields = groupFields(from: current.map(GroupSpec.init), to: spec)
                if current == nil {
                    out.append(
                        MetadataChange(kind: .group, name: spec.name, broker: b, action: .create, fields: fields))
                } else if !fields.isEmpty {
                    out.append(
                        MetadataChange(kind: .group, name: spec.name, broker: b, action: .update, fields: fields))
                }
            }
        }
        if prune {
            let wanted = Set(doc.groups.map(\.name))
            for b in brokers {
                for name in (state.groups[b] ?? [:]).keys.sorted()
                where !wanted.contains(name) && !state.systemGroups.contains(name) {
                    out.append(MetadataChange(kind: .group, name: name, broker: b, action: .delete))
                }
            }
        }
        return out
    }

    static func groupFields(from old: GroupSpec?, to new: GroupSpec) -> [MetadataChange.Field] {
        let pairs: [(String, (GroupSpec) -> String)] = [
            ("consumeEnable", { "\($0.consumeEnable)" }), ("consumeFromMinEnable", { "\($0.consumeFromMinEnable)" }),
            ("consumeBroadcastEnable", { "\($0.consumeBroadcastEnable)" }),
            ("consumeMessageOrderly", { "\($0.consumeMessageOrderly)" }),
            ("retryQueueNums", { "\($0.retryQueueNums)" }), ("retryMaxTimes", { "\($0.retryMaxTimes)" }),
            ("brokerId", { "\($0.brokerId)" }),
            ("whichBrokerWhenConsumeSlowly", { "\($0.whichBrokerWhenConsumeSlowly)" }),
            ("notifyConsumerIdsChangedEnable", { "\($0.notifyConsumerIdsChangedEnable)" }),
        ]
        return pairs.compactMap { field, value in
            let a = old.map(value)
            let b = value(new)
            return a == b ? nil : MetadataChange.Field(field: field, from: a, to: b)
        }
    }

    static func users(
        _ specs: [UserSpec], state: MetadataState, brokers: [String], prune: Bool, _ credentials: [String: String]
    ) -> [MetadataChange] {
        var out: [MetadataChange] = []
        for spec in specs {
            for b in brokers {
                guard let current = state.users[b]?[spec.name] else {
                    if spec.password ?? credentials[spec.name] == nil {
                        out.append(
                            MetadataChange(
                                kind: .user, name: spec.name, broker: b, action: .blocked,
                                reason: "no password for new user \(spec.name): add `password` to its entry or "
                                    + "`\(spec.name): PASSWORD` to --credentials-file"))
                    } else {
                        out.append(
                            MetadataChange(
                                kind: .user, name: spec.name, broker: b, action: .create,
                                fields: [.init(field: "type", to: spec.type), .init(field: "status", to: spec.status)]))
                    }
                    continue
                }
                let old = UserSpec(current)
                var fields: [MetadataChange.Field] = []
                if old.type != spec.type { fields.append(.init(field: "type", from: old.type, to: spec.type)) }
                if old.status != spec.status {
                    fields.append(.init(field: "status", from: old.status, to: spec.status))
                }
                if !fields.isEmpty {
                    out.append(MetadataChange(kind: .user, name: spec.name, broker: b, action: .update, fields: fields))
                }
            }
        }
        guard prune else { return out }
        let wanted = Set(specs.map(\.name))
        for b in brokers {
            // A Super user is never pruned: deleting the account mqadmin signs with would lock everyone out.
            for (name, user) in (state.users[b] ?? [:]).sorted(by: { $0.key < $1.key })
            where !wanted.contains(name) && user.userType != "Super" {
                out.append(MetadataChange(kind: .user, name: name, broker: b, action: .delete))
            }
        }
        return out
    }

    static func acls(_ specs: [AclSpec], state: MetadataState, brokers: [String], prune: Bool) -> [MetadataChange] {
        var out: [MetadataChange] = []
        for spec in specs {
            for b in brokers {
                let current = state.acls[b]?[spec.subject]
                let fields = aclFields(from: current, to: spec)
                if current == nil {
                    out.append(
                        MetadataChange(kind: .acl, name: spec.subject, broker: b, action: .create, fields: fields))
                } else if !fields.isEmpty {
                    out.append(
                        MetadataChange(kind: .acl, name: spec.subject, broker: b, action: .update, fields: fields))
                }
            }
        }
        guard prune else { return out }
        let wanted = Set(specs.map(\.subject))
        for b in brokers {
            for subject in (state.acls[b] ?? [:]).keys.sorted() where !wanted.contains(subject) {
                out.append(MetadataChange(kind: .acl, name: subject, broker: b, action: .delete))
            }
        }
        return out
    }

    /// One field per resource: `Topic:orders  Allow Pub,Sub from 10.0.0.0/8`.
    static func aclFields(from old: AclSpec?, to new: AclSpec) -> [MetadataChange.Field] {
        func text(_ e: AclSpec.Entry) -> String {
            var t = "\(e.decision) \(e.actions.joined(separator: ","))"
            if !e.sourceIps.isEmpty { t += " from \(e.sourceIps.joined(separator: ","))" }
            if e.policyType != "Custom" { t += " (\(e.policyType))" }
            return t
        }
        let a = Dictionary((old?.entries ?? []).map { ($0.resource, text($0)) }, uniquingKeysWith: { x, _ in x })
        let b = Dictionary(new.entries.map { ($0.resource, text($0)) }, uniquingKeysWith: { x, _ in x })
        return Set(a.keys).union(b.keys).sorted().compactMap { r in
            a[r] == b[r] ? nil : MetadataChange.Field(field: r, from: a[r], to: b[r])
        }
    }

    static func offsets(_ specs: [GroupOffsets], state: MetadataState, brokers: [String]) -> [MetadataChange] {
        var out: [MetadataChange] = []
        for spec in specs {
            for q in spec.queues {
                guard brokers.contains(q.broker) else {
                    out.append(
                        MetadataChange(
                            kind: .offset, name: spec.group, broker: q.broker, action: .blocked,
                            reason: "broker \(q.broker) is not a master of the target", topic: q.topic,
                            queueId: q.queueId))
                    continue
                }
                let mq = MessageQueue(topic: q.topic, brokerName: q.broker, queueId: q.queueId)
                let current = state.offsets[spec.group]?[mq]
                // Brokers refuse an offset outside what the queue holds: offsets carry over only where the
                // messages are (the same cluster, or one restored from its store), not to a fresh cluster.
                let range = state.queueRanges[mq]
                if current != q.offset, range.map({ !$0.contains(q.offset) }) ?? (q.offset != 0) {
                    let holds = range.map { "holds offsets \($0.lowerBound)–\($0.upperBound)" } ?? "does not exist yet"
                    out.append(
                        MetadataChange(
                            kind: .offset, name: spec.group, broker: q.broker, action: .blocked,
                            reason:
                                "offset \(q.offset): queue \(q.topic)[\(q.queueId)] on \(q.broker) \(holds); offsets "
                                + "only carry over where the messages are",
                            topic: q.topic, queueId: q.queueId))
                } else if current != q.offset {
                    out.append(
                        MetadataChange(
                            kind: .offset, name: spec.group, broker: q.broker, action: .update,
                            fields: [.init(field: "offset", from: current.map(String.init), to: String(q.offset))],
                            topic: q.topic, queueId: q.queueId))
                }
            }
        }
        return out
    }
}
