import Foundation
import MQProtocol

/// The users, ACLs and offsets part of a plan (compared only when the file has those sections).
extension MetadataPlan {
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
