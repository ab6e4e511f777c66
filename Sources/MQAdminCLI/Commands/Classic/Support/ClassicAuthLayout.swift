import MQClient
import MQProtocol

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
