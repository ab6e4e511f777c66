/// An entry of a subject's ACL, with where it sits.
public struct AclEntryRef: Sendable, Hashable {
    public var policyType: PolicyType
    /// Position within its policy.
    public var index: Int
    public var entry: AclEntry

    public init(policyType: PolicyType, index: Int, entry: AclEntry) {
        self.policyType = policyType
        self.index = index
        self.entry = entry
    }
}

/// What the authorization of one (resource, actions, source IP) came to, and why.
public struct AuthorizationResult: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// A super user: every check passes.
        case superUser
        /// The most specific matching entry allows.
        case allowedByEntry
        /// The most specific matching entry denies.
        case deniedByEntry
        /// The subject has entries, none matches.
        case noMatchingEntry
        /// The subject has no ACL at all.
        case noAcl
        case unknownUser
        case disabledUser
    }

    public var outcome: Outcome
    /// The entry that decided (allowed/denied by entry).
    public var deciding: AclEntryRef?
    /// Every matching entry of the policy consulted, most specific first.
    public var matched: [AclEntryRef]

    public var allowed: Bool { outcome == .superUser || outcome == .allowedByEntry }

    /// Apache's reason text (the end of its refusal message).
    public var detail: String {
        switch outcome {
        case .superUser: return "super user."
        case .allowedByEntry: return "the decision is allow."
        case .deniedByEntry: return "the decision is deny."
        case .noMatchingEntry, .noAcl: return "no matched policies."
        case .unknownUser: return "not found."
        case .disabledUser: return "disabled."
        }
    }
}

/// Apache RocketMQ 5.x's authorization decision (UserAuthorizationHandler + AclAuthorizationHandler,
/// admin-trace-acl.md §7.5), used by the broker for every request and by `mqadmin acl explain`, so the two
/// agree by construction.
///
/// Order: unknown or disabled users are refused; super users pass; no ACL denies; the Custom policy's
/// matching entries are used, the Default policy's only when none matches; no match denies; otherwise the
/// most specific matching entry decides (a specific type beats `*`; LITERAL beats PREFIXED beats ANY; a longer
/// prefix beats a shorter one; at equal specificity Deny beats Allow).
public enum AclEvaluator {
    public static func evaluate(
        user: AuthUser?, acl: Acl?, resource: Resource, actions: [AuthAction], sourceIp: String?
    ) -> AuthorizationResult {
        guard let user else { return AuthorizationResult(outcome: .unknownUser, deciding: nil, matched: []) }
        guard user.userStatus == .enable else {
            return AuthorizationResult(outcome: .disabledUser, deciding: nil, matched: [])
        }
        if user.userType == .superUser { return AuthorizationResult(outcome: .superUser, deciding: nil, matched: []) }
        guard let acl else { return AuthorizationResult(outcome: .noAcl, deciding: nil, matched: []) }
        var matched = matching(acl, .custom, resource: resource, actions: actions, sourceIp: sourceIp)
        if matched.isEmpty { matched = matching(acl, .default, resource: resource, actions: actions, sourceIp: sourceIp) }
        guard let first = matched.first else {
            return AuthorizationResult(outcome: .noMatchingEntry, deciding: nil, matched: [])
        }
        let outcome: AuthorizationResult.Outcome = first.entry.decision == .deny ? .deniedByEntry : .allowedByEntry
        return AuthorizationResult(outcome: outcome, deciding: first, matched: matched)
    }

    /// Entries of one policy matching resource, actions and source IP, most specific first (stable).
    static func matching(
        _ acl: Acl, _ type: PolicyType, resource: Resource, actions: [AuthAction], sourceIp: String?
    ) -> [AclEntryRef] {
        guard let policy = acl.policy(type) else { return [] }
        let refs = policy.entries.enumerated().compactMap { i, entry -> AclEntryRef? in
            guard entry.resource.matches(resource), entry.matches(actions: actions), entry.matches(sourceIp: sourceIp)
            else { return nil }
            return AclEntryRef(policyType: type, index: i, entry: entry)
        }
        return sortedBySpecificity(refs)
    }

    /// Most specific first; equal ones keep their order.
    public static func sortedBySpecificity(_ refs: [AclEntryRef]) -> [AclEntryRef] {
        refs.enumerated().sorted { a, b in
            let c = compare(a.element.entry, b.element.entry)
            return c != 0 ? c < 0 : a.offset < b.offset
        }.map(\.element)
    }

    /// Negative when `a` is more specific than `b` (Apache's `comparePolicyEntries`, with Deny first on a tie
    /// as its comment intends).
    static func compare(_ a: AclEntry, _ b: AclEntry) -> Int {
        let (r1, r2) = (a.resource, b.resource)
        var result = 0
        if r1.type != r2.type {
            if r1.type == .any { result = 1 }
            if r2.type == .any { result = -1 }
        } else if r1.pattern == r2.pattern {
            if r1.pattern == .prefixed { result = -((r1.name ?? "").count - (r2.name ?? "").count).signum() }
        } else {
            result = rank(r1.pattern) - rank(r2.pattern)
        }
        if result != 0 { return result }
        if a.decision == b.decision { return 0 }
        return a.decision == .deny ? -1 : 1
    }

    private static func rank(_ p: ResourcePattern) -> Int {
        switch p {
        case .literal: return 0
        case .prefixed: return 1
        case .any: return 2
        }
    }

    /// The refusal message the broker answers with code 16: Apache's text, plus the actions the request needed.
    public static func refusal(
        _ result: AuthorizationResult, username: String, resource: Resource, actions: [AuthAction], sourceIp: String?
    ) -> String {
        let subject = AuthSubject.user(username)
        switch result.outcome {
        case .unknownUser: return "\(subject) is not found."
        case .disabledUser: return "\(subject) is disabled."
        default:
            let needs = actions.count == 1 ? actions[0].rawValue : "one of " + actions.map(\.rawValue).joined(separator: ", ")
            var text = "\(subject) has no permission to access \(resource.key) from \(sourceIp ?? "unknown"), \(result.detail)"
            text += " (action: \(needs)"
            if let d = result.deciding { text += "; decided by \(d.entry.resource.key) \(d.entry.decision.rawValue)" }
            return text + ")"
        }
    }
}
