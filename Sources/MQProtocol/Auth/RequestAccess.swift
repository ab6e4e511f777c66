/// One thing a request must be allowed to do: any one of `actions` on `resource`.
public struct AuthorizationCheck: Sendable, Hashable, CustomStringConvertible {
    public var resource: Resource
    public var actions: [AuthAction]

    public init(_ resource: Resource, _ actions: [AuthAction]) {
        self.resource = resource
        self.actions = actions
    }

    public var description: String { "\(actions.map(\.rawValue).joined(separator: "|")) on \(resource.key)" }
}

/// How a header field naming a topic treats a retry topic (`%RETRY%group`).
public enum RetryTopicRule: Sendable {
    /// Checked as its group (Apache's `Resource.ofGroup` for annotated admin headers).
    case asGroup
    /// Checked as a topic of that name.
    case asTopic
    /// Not checked: the request's group check covers it (pulls and offsets of retry topics).
    case skip
}

/// What a rule does when the request lacks the header field naming its resource.
public enum MissingResource: Sendable {
    /// Refused: the request must name it (the default).
    case refuse
    /// Nothing to check (the field is optional and its absence widens nothing).
    case allow
    /// The same actions on every resource of the type (`Topic:*`): the request may reach any of them.
    case checkEvery
}

/// Who may send a request code when authorization is on: the rule every registry row must carry
/// (there is no default). Super users pass every rule; other users need every check the rule
/// derives from the request. Apache derives these in `DefaultAuthorizationContextBuilder` (its
/// hard-coded producer/consumer codes and the `@RocketMQAction`/`@RocketMQResource` annotations);
/// where Apache derives nothing for an admin code, the registry names the evident action.
public indirect enum RequestAccess: Sendable {
    /// Authentication only; `why` says why nothing more is needed (it appears in the docs table).
    case authenticated(why: String)
    /// `actions` on the topic named by header field `field`.
    case topic(
        _ field: String, _ actions: [AuthAction], retry: RetryTopicRule = .asGroup, missing: MissingResource = .refuse)
    /// `actions` on the group named by header field `field`.
    case group(_ field: String, _ actions: [AuthAction], missing: MissingResource = .refuse)
    /// `actions` on each topic of the `;`-separated header field `field`, when present.
    case topicList(_ field: String, _ actions: [AuthAction])
    /// `action` on `Cluster:NAME` (the broker's cluster).
    case cluster(AuthAction)
    /// `action` on every resource of a type (`Topic:*`, `Group:*`).
    case every(ResourceType, AuthAction)
    /// Every rule of the list.
    case all([RequestAccess])
    /// Checks read from the request body (heartbeats, locks, sends); `summary` describes them.
    case derived(summary: String, checks: @Sendable (RemotingCommand) throws -> [AuthorizationCheck])

    /// The request names no resource a rule needs, or its body cannot be read.
    public struct Unparsable: Error, CustomStringConvertible {
        public var reason: String
        public init(_ reason: String = "parse authorization context error.") { self.reason = reason }
        public var description: String { reason }
    }

    /// The checks `request` must pass; throws ``Unparsable`` when it lacks what the rule needs.
    public func checks(for request: RemotingCommand, cluster: String) throws -> [AuthorizationCheck] {
        let f = request.extFields
        switch self {
        case .authenticated:
            return []
        case .topic(let field, let actions, let retry, let missing):
            guard let name = f[field], !name.isEmpty else {
                return try Self.missing(missing, .topic, field: field, actions)
            }
            return Self.topicChecks(name, actions, retry: retry)
        case .group(let field, let actions, let missing):
            guard let name = f[field], !name.isEmpty else {
                return try Self.missing(missing, .group, field: field, actions)
            }
            return [AuthorizationCheck(.group(name), actions)]
        case .topicList(let field, let actions):
            let names = (f[field] ?? "").split(separator: ";")
            return names.flatMap { Self.topicChecks(String($0), actions, retry: .asGroup) }
        case .cluster(let action):
            return [AuthorizationCheck(.cluster(cluster), [action])]
        case .every(let type, let action):
            return [AuthorizationCheck(.all(type), [action])]
        case .all(let rules):
            return try rules.flatMap { try $0.checks(for: request, cluster: cluster) }
        case .derived(_, let checks):
            return try checks(request)
        }
    }

    private static func missing(_ rule: MissingResource, _ type: ResourceType, field: String, _ actions: [AuthAction])
        throws -> [AuthorizationCheck]
    {
        switch rule {
        case .refuse:
            let what = type.rawValue.lowercased()
            throw Unparsable("parse authorization context error: the request names no \(what) (\(field)).")
        case .allow: return []
        case .checkEvery: return [AuthorizationCheck(.all(type), actions)]
        }
    }

    private static func topicChecks(_ name: String, _ actions: [AuthAction], retry: RetryTopicRule)
        -> [AuthorizationCheck]
    {
        guard name.hasPrefix(SystemTopics.retryPrefix) else { return [AuthorizationCheck(.topic(name), actions)] }
        switch retry {
        case .asGroup: return [AuthorizationCheck(.group(name), actions)]
        case .asTopic: return [AuthorizationCheck(.topic(name), actions)]
        case .skip: return []
        }
    }

    /// The rule in words, for the generated table of request codes (docs/request-codes.md).
    public var summary: String {
        func actions(_ a: [AuthAction]) -> String { a.map(\.rawValue).joined(separator: "/") }
        switch self {
        case .authenticated(let why):
            return "authenticated user (\(why))"
        case .topic(let field, let a, let retry, let missing):
            var notes: [String] = []
            switch retry {
            case .asGroup: notes.append("a retry topic: its Group")
            case .asTopic: break
            case .skip: notes.append("a retry topic: not checked")
            }
            notes += Self.missingText(missing, .topic)
            return "\(actions(a)) on Topic:{\(field)}" + (notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))")
        case .group(let field, let a, let missing):
            let notes = Self.missingText(missing, .group)
            return "\(actions(a)) on Group:{\(field)}" + (notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))")
        case .topicList(let field, let a):
            return "\(actions(a)) on each Topic of {\(field)}"
        case .cluster(let a):
            return "\(a.rawValue) on Cluster:NAME"
        case .every(let type, let a):
            return "\(a.rawValue) on \(type.rawValue):*"
        case .all(let rules):
            return rules.map(\.summary).joined(separator: ", and ")
        case .derived(let summary, _):
            return summary
        }
    }

    private static func missingText(_ rule: MissingResource, _ type: ResourceType) -> [String] {
        switch rule {
        case .refuse: return []
        case .allow: return ["if given"]
        case .checkEvery: return ["none given: on \(type.rawValue):*"]
        }
    }
}
