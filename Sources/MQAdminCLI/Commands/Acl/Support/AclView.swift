import MQClient
import MQProtocol

/// A user as the CLI shows it: never the password (docs/json/acl.md).
struct UserView: Encodable, Sendable, Hashable {
    var username: String
    var userType: String
    var userStatus: String
    /// The brokers that have this user with this type and status.
    var brokers: [String]

    /// Merges the users of several brokers: one row per distinct (name, type, status).
    static func merge(_ results: [BrokerResult<[UserInfo]>]) -> [UserView] {
        var rows: [UserView] = []
        for r in results {
            for u in r.value ?? [] {
                let key = UserView(
                    username: u.username ?? "", userType: u.userType ?? "Normal", userStatus: u.userStatus ?? "enable",
                    brokers: [])
                let name = r.endpoint.brokerName.isEmpty ? r.endpoint.address : r.endpoint.brokerName
                if let i = rows.firstIndex(where: {
                    $0.username == key.username && $0.userType == key.userType && $0.userStatus == key.userStatus
                }) {
                    rows[i].brokers.append(name)
                } else {
                    var row = key
                    row.brokers = [name]
                    rows.append(row)
                }
            }
        }
        return rows.sorted { ($0.username, $0.brokers.first ?? "") < ($1.username, $1.brokers.first ?? "") }
    }

    static func table(_ users: [UserView]) -> String {
        var t = TextTable("USER", "TYPE", "STATUS", "BROKERS")
        for u in users { t.add([u.username, u.userType, u.userStatus, u.brokers.joined(separator: ",")]) }
        return t.render()
    }
}

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

/// Apache's getAcl/listAcl layout (admin-trace-acl.md §3): `%-16s  %-10s  %-22s  %-20s  %-24s  %-10s`.
enum ClassicAuthLayout {
    static func aclHeader() -> String {
        row(["#Subject", "#PolicyType", "#Resource", "#Actions", "#SourceIp", "#Decision"])
    }

    static func aclRows(_ info: AclInfo) -> String {
        let subject = info.subject ?? ""
        guard let policies = info.policies, !policies.isEmpty else { return row([subject, "", "", "", "", ""]) }
        var out = ""
        for p in policies {
            for e in p.entries ?? [] {
                out += row([
                    subject, p.policyType ?? "null", e.resource ?? "null", javaList(e.actions), javaList(e.sourceIps),
                    e.decision ?? "null",
                ])
            }
        }
        return out
    }

    /// Apache's getUser/listUser layout `%-16s  %-22s  %-22s  %-22s`, with the password masked.
    static func userHeader() -> String { userRow(["#UserName", "#Password", "#UserType", "#UserStatus"]) }

    static func userLine(_ u: UserInfo) -> String {
        userRow([u.username ?? "null", "******", u.userType ?? "null", u.userStatus ?? "null"])
    }

    /// Java's `List.toString()`: `[Pub, Sub]`, `null` for none.
    static func javaList(_ items: [String]?) -> String {
        guard let items else { return "null" }
        return "[" + items.joined(separator: ", ") + "]"
    }

    private static func row(_ c: [String]) -> String {
        Printf.left(c[0], 16) + "  " + Printf.left(c[1], 10) + "  " + Printf.left(c[2], 22) + "  "
            + Printf.left(c[3], 20) + "  " + Printf.left(c[4], 24) + "  " + Printf.left(c[5], 10) + "\n"
    }

    private static func userRow(_ c: [String]) -> String {
        Printf.left(c[0], 16) + "  " + Printf.left(c[1], 22) + "  " + Printf.left(c[2], 22) + "  " + Printf.left(c[3], 22)
            + "\n"
    }
}
