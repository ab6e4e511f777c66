import MQClient
import MQProtocol

/// An ACL entry as the CLI prints it.
struct AclEntryView: Encodable, Sendable, Hashable {
    var policyType: String
    var resource: String
    var actions: [String]
    var sourceIps: [String]
    var decision: String
}

/// A subject's ACL, merged over brokers that hold the same policies.
struct AclView: Encodable, Sendable, Hashable {
    var subject: String
    var entries: [AclEntryView]
    var brokers: [String]

    static func entries(_ info: AclInfo) -> [AclEntryView] {
        (info.policies ?? []).flatMap { p in
            (p.entries ?? []).map {
                AclEntryView(
                    policyType: p.policyType ?? "Custom", resource: $0.resource ?? "", actions: $0.actions ?? [],
                    sourceIps: $0.sourceIps ?? [], decision: $0.decision ?? "")
            }
        }
    }

    static func merge(_ results: [BrokerResult<[AclInfo]>]) -> [AclView] {
        var rows: [AclView] = []
        for r in results {
            let name = r.endpoint.brokerName.isEmpty ? r.endpoint.address : r.endpoint.brokerName
            for info in r.value ?? [] {
                let entries = Self.entries(info)
                let subject = info.subject ?? ""
                if let i = rows.firstIndex(where: { $0.subject == subject && $0.entries == entries }) {
                    rows[i].brokers.append(name)
                } else {
                    rows.append(AclView(subject: subject, entries: entries, brokers: [name]))
                }
            }
        }
        return rows.sorted { ($0.subject, $0.brokers.first ?? "") < ($1.subject, $1.brokers.first ?? "") }
    }

    static func table(_ acls: [AclView]) -> String {
        var t = TextTable("SUBJECT", "POLICY", "RESOURCE", "ACTIONS", "SOURCE IPS", "DECISION", "BROKERS")
        for a in acls {
            for e in a.entries {
                t.add([
                    a.subject, e.policyType, e.resource, e.actions.joined(separator: ","),
                    e.sourceIps.isEmpty ? "*" : e.sourceIps.joined(separator: ","), e.decision,
                    a.brokers.joined(separator: ","),
                ])
            }
        }
        return t.render()
    }
}
