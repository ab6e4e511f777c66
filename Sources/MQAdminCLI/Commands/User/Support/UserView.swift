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
