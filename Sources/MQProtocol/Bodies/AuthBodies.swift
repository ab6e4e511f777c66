/// `UserInfo`, the body of AUTH_CREATE_USER/AUTH_UPDATE_USER and of AUTH_GET_USER/AUTH_LIST_USER answers
/// (admin-trace-acl.md §7.2). Absent fields are nil (fastjson leaves nulls out).
public struct UserInfo: Codable, Sendable, Hashable {
    public var username: String?
    public var password: String?
    public var userType: String?
    public var userStatus: String?

    public init(username: String?, password: String? = nil, userType: String? = nil, userStatus: String? = nil) {
        self.username = username
        self.password = password
        self.userType = userType
        self.userStatus = userStatus
    }
}

/// `AclInfo`: a subject and its policies, one entry per resource.
public struct AclInfo: Codable, Sendable, Hashable {
    public var subject: String?
    public var policies: [PolicyInfo]?

    public init(subject: String?, policies: [PolicyInfo]?) {
        self.subject = subject
        self.policies = policies
    }

    /// What Apache's `createAcl`/`updateAcl` commands send: one policy (type left to the broker: Custom) with
    /// one entry per resource, each with the same actions, source IPs and decision.
    public static func of(
        subject: String, resources: [String], actions: [String], sourceIps: [String]?, decision: String
    ) -> AclInfo {
        let entries = resources.map {
            PolicyEntryInfo(resource: $0, actions: actions, sourceIps: sourceIps, decision: decision)
        }
        return AclInfo(subject: subject, policies: [PolicyInfo(policyType: nil, entries: entries)])
    }
}

public struct PolicyInfo: Codable, Sendable, Hashable {
    public var policyType: String?
    public var entries: [PolicyEntryInfo]?

    public init(policyType: String?, entries: [PolicyEntryInfo]?) {
        self.policyType = policyType
        self.entries = entries
    }
}

public struct PolicyEntryInfo: Codable, Sendable, Hashable {
    public var resource: String?
    public var actions: [String]?
    public var sourceIps: [String]?
    public var decision: String?

    public init(resource: String?, actions: [String]?, sourceIps: [String]?, decision: String?) {
        self.resource = resource
        self.actions = actions
        self.sourceIps = sourceIps
        self.decision = decision
    }
}

/// Why a user or ACL body is not acceptable, in Apache's words.
public struct AuthValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension AuthUser {
    /// The DTO, password included (only the broker's own answers carry it).
    public var info: UserInfo {
        UserInfo(username: username, password: password, userType: userType.rawValue, userStatus: userStatus.rawValue)
    }
}

extension Acl {
    /// The DTO of this ACL (Apache's AclConverter): absent source IPs are left out.
    public var info: AclInfo {
        AclInfo(
            subject: subject,
            policies: policies.map { p in
                PolicyInfo(
                    policyType: p.policyType.rawValue,
                    entries: p.entries.map { e in
                        PolicyEntryInfo(
                            resource: e.resource.key, actions: e.actions.map(\.rawValue),
                            sourceIps: e.sourceIps.isEmpty ? nil : e.sourceIps, decision: e.decision.rawValue)
                    })
            })
    }

    /// Converts and validates a request body as Apache's broker does (AclConverter, then
    /// AuthorizationMetadataManagerImpl.validate): unknown actions are dropped, a policy without a type is
    /// Custom, and the first problem is reported in Apache's words. `subject` stands in for a missing one.
    public static func validated(_ info: AclInfo, subject fallback: String?) throws(AuthValidationError) -> Acl {
        guard let policyInfos = info.policies, !policyInfos.isEmpty else {
            throw AuthValidationError("The body of acl is null")
        }
        let subject = info.subject.flatMap { $0.isEmpty ? nil : $0 } ?? fallback ?? ""
        guard AuthSubject.username(subject) != nil else { throw AuthValidationError("The subject type is null.") }
        var policies: [AclPolicy] = []
        for p in policyInfos {
            guard let entryInfos = p.entries, !entryInfos.isEmpty else { continue }
            var entries: [AclEntry] = []
            for e in entryInfos {
                guard let resource = e.resource.flatMap(Resource.parse) else {
                    throw AuthValidationError("The resource is null.")
                }
                let actions = (e.actions ?? []).compactMap { AuthAction.named($0) }
                guard !actions.isEmpty else { throw AuthValidationError("The actions is empty.") }
                guard !actions.contains(.any) else { throw AuthValidationError("The actions can not be Any.") }
                let ips = e.sourceIps ?? []
                for ip in ips {
                    guard !ip.trimmingASCIISpaces().isEmpty else { throw AuthValidationError("The source ip is empty.") }
                    guard IPRange.isValid(ip) else { throw AuthValidationError("The source ip is invalid.") }
                }
                guard let decision = Decision.named(e.decision) else {
                    throw AuthValidationError("The decision is null or illegal.")
                }
                let entry = AclEntry(resource: resource, actions: actions, sourceIps: ips, decision: decision)
                // One entry per resource: a repeated resource replaces the earlier one (as a later update would).
                if let i = entries.firstIndex(where: { $0.resource == resource }) {
                    entries[i] = entry
                } else {
                    entries.append(entry)
                }
            }
            let type = PolicyType.named(p.policyType) ?? .custom
            policies.append(AclPolicy(policyType: type, entries: entries))
        }
        guard !policies.isEmpty else { throw AuthValidationError("The policy entries is empty.") }
        return Acl(subject: subject, policies: policies)
    }
}
