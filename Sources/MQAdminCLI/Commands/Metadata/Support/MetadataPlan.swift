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
}
