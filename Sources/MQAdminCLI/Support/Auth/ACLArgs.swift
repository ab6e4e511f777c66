import ArgumentParser
import MQProtocol

enum ACLArgs {
    static func userType(_ text: String?, option: String) throws -> UserType? {
        guard let text else { return nil }
        guard let t = UserType.named(text) else {
            throw ValidationError("\(option) \"\(text)\" is not a user type; use \(UserType.names)")
        }
        return t
    }

    static func userStatus(_ text: String?, option: String) throws -> UserStatus? {
        guard let text else { return nil }
        guard let s = UserStatus.named(text) else {
            throw ValidationError("\(option) \"\(text)\" is not a user status; use \(UserStatus.names)")
        }
        return s
    }

    static func username(_ text: String, option: String) throws {
        if text.allSatisfy(\.isWhitespace) { throw ValidationError("\(option): the username is blank") }
    }

    /// `User:NAME`, or a bare NAME taken as a user.
    static func subject(_ text: String, option: String) throws -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let name = AuthSubject.username(t) { return AuthSubject.user(name) }
        guard !t.isEmpty, !t.contains(":") else {
            throw ValidationError("\(option) \"\(text)\" is not a subject; use User:NAME")
        }
        return AuthSubject.user(t)
    }

    static func list(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func resources(_ values: [String], option: String) throws -> [Resource] {
        let items = list(values)
        guard !items.isEmpty else { throw ValidationError("\(option) is required: e.g. Topic:orders, Group:g1, Topic:ord*, *") }
        return try items.map {
            guard let r = Resource.parse($0) else {
                throw ValidationError(
                    "\(option) \"\($0)\" is not a resource; use Topic:NAME, Group:NAME, Cluster:NAME, Type:prefix* or *")
            }
            return r
        }
    }

    static func actions(_ values: [String], option: String, allowAny: Bool = false) throws -> [AuthAction] {
        let items = list(values)
        guard !items.isEmpty else { throw ValidationError("\(option) is required: e.g. Pub,Sub") }
        return try items.map {
            guard let a = AuthAction.named($0), allowAny || a != .any else {
                throw ValidationError("\(option) \"\($0)\" is not an action; use \(AuthAction.grantable.map(\.rawValue).joined(separator: ", "))")
            }
            return a
        }
    }

    static func decision(_ text: String, option: String) throws -> Decision {
        guard let d = Decision.named(text) else { throw ValidationError("\(option) \"\(text)\" must be Allow or Deny") }
        return d
    }

    static func sourceIps(_ values: [String], option: String) throws -> [String] {
        let items = list(values)
        for ip in items where !IPRange.isValid(ip) {
            throw ValidationError("\(option) \"\(ip)\" is not an IP address or CIDR block (e.g. 10.0.0.5 or 10.0.0.0/8)")
        }
        return items
    }
}
