/// The names of Apache RocketMQ ACL 2.0's enums (admin-trace-acl.md §7.1). Parsing is case-insensitive,
/// like Apache's `getByName`; rendering uses Apache's spelling.
public protocol AuthName: RawRepresentable, CaseIterable, Sendable, Hashable, Codable where RawValue == String {}

extension AuthName {
    /// The case whose name equals `text` ignoring case, nil otherwise.
    public static func named(_ text: String?) -> Self? {
        guard let text else { return nil }
        let lower = text.trimmingASCIISpaces().lowercased()
        return allCases.first { $0.rawValue.lowercased() == lower }
    }

    /// Every name, for messages (`Super, Normal`).
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// A super user passes every authorization check; a normal user needs ACL entries.
public enum UserType: String, AuthName {
    case superUser = "Super"
    case normal = "Normal"
}

/// A disabled user fails authentication.
public enum UserStatus: String, AuthName {
    case enable
    case disable
}

/// What a request does to a resource. `Any` appears only in requests (any entry action matches);
/// `All` only in entries (it matches every action).
public enum AuthAction: String, AuthName {
    case all = "All"
    case any = "Any"
    case pub = "Pub"
    case sub = "Sub"
    case create = "Create"
    case update = "Update"
    case delete = "Delete"
    case get = "Get"
    case list = "List"

    /// The actions an ACL entry may name (not `Any`).
    public static let grantable: [AuthAction] = [.all, .pub, .sub, .create, .update, .delete, .get, .list]
}

public enum Decision: String, AuthName {
    case allow = "Allow"
    case deny = "Deny"
}

/// Custom policies are what users write; a Default policy is consulted only when no Custom entry matches.
public enum PolicyType: String, AuthName {
    case custom = "Custom"
    case `default` = "Default"
}

public enum ResourceType: String, AuthName {
    case any = "Any"
    case cluster = "Cluster"
    case namespace = "Namespace"
    case topic = "Topic"
    case group = "Group"
}

public enum ResourcePattern: String, Sendable, Hashable, Codable {
    case any = "ANY"
    case literal = "LITERAL"
    case prefixed = "PREFIXED"
}

/// An ACL resource: `*`, `Topic:*`, `Topic:orders` or `Topic:order*` (Apache's `Resource.of`).
public struct Resource: Sendable, Hashable, CustomStringConvertible {
    public var type: ResourceType
    /// nil for the ANY pattern; the prefix (without `*`) for PREFIXED.
    public var name: String?
    public var pattern: ResourcePattern

    public init(type: ResourceType, name: String?, pattern: ResourcePattern) {
        self.type = type
        self.name = name
        self.pattern = pattern
    }

    public static func topic(_ name: String) -> Resource { Resource(type: .topic, name: name, pattern: .literal) }
    public static func cluster(_ name: String) -> Resource { Resource(type: .cluster, name: name, pattern: .literal) }

    /// A group; a retry or DLQ topic name stands for its group (Apache's `Resource.ofGroup`).
    public static func group(_ name: String) -> Resource {
        Resource(type: .group, name: SystemTopics.groupName(ofRetryOrDLQ: name), pattern: .literal)
    }

    /// Every resource of a type (`Topic:*`).
    public static func all(_ type: ResourceType) -> Resource { Resource(type: type, name: nil, pattern: .any) }

    /// Parses `*`, `Type:*`, `Type:prefix*` or `Type:name`; nil for a blank key or an unknown type.
    public static func parse(_ key: String) -> Resource? {
        let key = key.trimmingASCIISpaces()
        guard !key.isEmpty else { return nil }
        if key == "*" { return Resource(type: .any, name: nil, pattern: .any) }
        let parts = key.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let type = ResourceType.named(String(parts[0])) else { return nil }
        let name = parts.count > 1 ? String(parts[1]) : ""
        if name == "*" { return Resource(type: type, name: nil, pattern: .any) }
        if let star = name.firstIndex(of: "*"), name.hasSuffix("*") {
            return Resource(type: type, name: String(name[..<star]), pattern: .prefixed)
        }
        return Resource(type: type, name: name, pattern: .literal)
    }

    /// The resource key, as Apache renders it.
    public var key: String {
        if type == .any { return "*" }
        switch pattern {
        case .any: return type.rawValue + ":*"
        case .literal: return type.rawValue + ":" + (name ?? "")
        case .prefixed: return type.rawValue + ":" + (name ?? "") + "*"
        }
    }

    public var description: String { key }

    /// Whether this (an entry's resource) covers `requested` (Apache's `Resource.isMatch`).
    public func matches(_ requested: Resource) -> Bool {
        if type == .any { return true }
        guard type == requested.type else { return false }
        switch pattern {
        case .any: return true
        case .literal: return requested.name == name
        case .prefixed:
            guard let n = requested.name, let prefix = name else { return false }
            return n.hasPrefix(prefix)
        }
    }
}

extension SystemTopics {
    /// The group a `%RETRY%g` / `%DLQ%g` topic belongs to; other names unchanged.
    public static func groupName(ofRetryOrDLQ name: String) -> String {
        for prefix in [retryPrefix, dlqPrefix] where name.hasPrefix(prefix) {
            return String(name.dropFirst(prefix.count))
        }
        return name
    }
}

/// A user as the broker stores it.
public struct AuthUser: Sendable, Hashable {
    public var username: String
    public var password: String
    public var userType: UserType
    public var userStatus: UserStatus

    public init(username: String, password: String, userType: UserType = .normal, userStatus: UserStatus = .enable) {
        self.username = username
        self.password = password
        self.userType = userType
        self.userStatus = userStatus
    }

    /// The ACL subject of this user.
    public var subject: String { AuthSubject.user(username) }
}

/// Subjects are `User:NAME` (the only subject type of ACL 2.0).
public enum AuthSubject {
    public static let userPrefix = "User:"

    public static func user(_ name: String) -> String { userPrefix + name }

    /// The username of a `User:NAME` subject (type name case-insensitive), nil for anything else.
    public static func username(_ subject: String) -> String? {
        let parts = subject.trimmingASCIISpaces().split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].lowercased() == "user", !parts[1].isEmpty else { return nil }
        return String(parts[1])
    }
}

/// One ACL entry: a resource, the actions it governs, optional source IPs/CIDRs, and the decision.
public struct AclEntry: Sendable, Hashable {
    public var resource: Resource
    public var actions: [AuthAction]
    /// Empty: from anywhere.
    public var sourceIps: [String]
    public var decision: Decision

    public init(resource: Resource, actions: [AuthAction], sourceIps: [String] = [], decision: Decision) {
        self.resource = resource
        self.actions = actions
        self.sourceIps = sourceIps
        self.decision = decision
    }

    /// Apache's `isMatchAction`: `Any` in the request matches any entry; otherwise one requested action
    /// must be listed, or the entry lists `All`.
    public func matches(actions requested: [AuthAction]) -> Bool {
        guard !actions.isEmpty else { return false }
        if requested.contains(.any) { return true }
        return requested.contains { actions.contains($0) || actions.contains(.all) }
    }

    /// Apache's `isMatchEnvironment`: no source IPs matches everything; otherwise the IP must be listed or
    /// inside a listed CIDR.
    public func matches(sourceIp: String?) -> Bool {
        guard !sourceIps.isEmpty else { return true }
        guard let sourceIp, !sourceIp.isEmpty else { return false }
        return sourceIps.contains { IPRange.contains($0, sourceIp) }
    }
}

public struct AclPolicy: Sendable, Hashable {
    public var policyType: PolicyType
    public var entries: [AclEntry]

    public init(policyType: PolicyType = .custom, entries: [AclEntry]) {
        self.policyType = policyType
        self.entries = entries
    }
}

/// A subject's policies (at most one per policy type).
public struct Acl: Sendable, Hashable {
    public var subject: String
    public var policies: [AclPolicy]

    public init(subject: String, policies: [AclPolicy]) {
        self.subject = subject
        self.policies = policies
    }

    public func policy(_ type: PolicyType) -> AclPolicy? { policies.first { $0.policyType == type } }

    /// Apache's `Acl.updatePolicy`: a new policy type is appended; in an existing one an entry for the same
    /// resource takes the new actions, source IPs and decision, and a new resource is appended.
    public mutating func merge(_ newPolicies: [AclPolicy]) {
        for newPolicy in newPolicies {
            guard let i = policies.firstIndex(where: { $0.policyType == newPolicy.policyType }) else {
                policies.append(newPolicy)
                continue
            }
            for entry in newPolicy.entries {
                if let j = policies[i].entries.firstIndex(where: { $0.resource == entry.resource }) {
                    policies[i].entries[j] = entry
                } else {
                    policies[i].entries.append(entry)
                }
            }
        }
    }

    /// Apache's `Acl.deletePolicy`: removes the resource's entry; a policy left empty goes too.
    public mutating func remove(resource: Resource, from type: PolicyType) {
        guard let i = policies.firstIndex(where: { $0.policyType == type }) else { return }
        policies[i].entries.removeAll { $0.resource == resource }
        if policies[i].entries.isEmpty { policies.remove(at: i) }
    }
}
