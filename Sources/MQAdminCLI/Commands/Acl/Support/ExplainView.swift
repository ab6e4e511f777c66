import MQClient
import MQProtocol

/// The answer of `acl explain` (docs/json/acl.md).
struct ExplainView: Encodable, Sendable {
    struct Entry: Encodable, Sendable, Hashable {
        var policyType: String
        var index: Int
        var resource: String
        var actions: [String]
        var sourceIps: [String]
        var decision: String

        init(_ ref: AclEntryRef) {
            policyType = ref.policyType.rawValue
            index = ref.index
            resource = ref.entry.resource.key
            actions = ref.entry.actions.map(\.rawValue)
            sourceIps = ref.entry.sourceIps
            decision = ref.entry.decision.rawValue
        }

        var text: String {
            "\(resource) \(decision) \(actions.joined(separator: ","))"
                + (sourceIps.isEmpty ? "" : " from \(sourceIps.joined(separator: ","))") + " (\(policyType) #\(index + 1))"
        }
    }

    struct Closest: Encodable, Sendable, Hashable {
        var entry: Entry
        var gaps: [ClosestAllow.Gap]
        var explanation: String
    }

    /// One broker's decision (each broker keeps its own users and ACLs).
    struct Broker: Encodable, Sendable {
        var broker: String
        var address: String
        @NullEncoded var decision: String?
        @NullEncoded var reason: String?
        @NullEncoded var error: String?
    }

    var user: String
    var resource: String
    var actions: [String]
    @NullEncoded var sourceIp: String?
    /// Allow or Deny.
    var decision: String
    var allowed: Bool
    /// superUser, allowedByEntry, deniedByEntry, noMatchingEntry, noAcl, unknownUser or disabledUser.
    var reason: AuthorizationResult.Outcome
    /// Apache's wording of the reason.
    var detail: String
    @NullEncoded var decidingEntry: Entry?
    var matchingEntries: [Entry]
    @NullEncoded var closestAllow: Closest?
    /// A command that would allow the request.
    @NullEncoded var suggestion: String?
    var brokers: [Broker]
    /// False when the brokers decide differently.
    var consistent: Bool

    init(
        username: String, resource: Resource, actions: [AuthAction], sourceIp: String?, user: AuthUser?, acl: Acl?,
        brokers: [Broker]
    ) {
        let result = AclEvaluator.evaluate(user: user, acl: acl, resource: resource, actions: actions, sourceIp: sourceIp)
        self.user = username
        self.resource = resource.key
        self.actions = actions.map(\.rawValue)
        self.sourceIp = sourceIp
        allowed = result.allowed
        decision = result.allowed ? "Allow" : "Deny"
        reason = result.outcome
        detail = result.outcome == .unknownUser || result.outcome == .disabledUser
            ? "User:\(username) is \(result.detail)" : result.detail
        decidingEntry = result.deciding.map(Entry.init)
        matchingEntries = result.matched.map(Entry.init)
        closestAllow = AclEvaluator.closestAllow(result, acl: acl, resource: resource, actions: actions, sourceIp: sourceIp)
            .map { Closest(entry: Entry($0.entry), gaps: $0.gaps, explanation: $0.explanation) }
        switch result.outcome {
        case .superUser, .allowedByEntry: suggestion = nil
        case .unknownUser: suggestion = "mqadmin user create \(username)"
        case .disabledUser: suggestion = "mqadmin user update \(username) --status enable"
        default:
            suggestion = "mqadmin acl update --subject User:\(username) --resource \(resource.key) --action "
                + actions.filter { $0 != .any }.map(\.rawValue).joined(separator: ",") + " --decision Allow"
        }
        self.brokers = brokers
        consistent = Set(brokers.compactMap(\.decision)).count <= 1
    }

    func table() -> String {
        var out = "\(decision.uppercased())  User:\(user)  \(actions.joined(separator: "|")) on \(resource)"
            + (sourceIp.map { " from \($0)" } ?? "") + "\n"
        var t = TextTable("", "")
        t.add(["reason:", "\(reason.rawValue): \(detail)"])
        if let d = decidingEntry { t.add(["decided by:", d.text]) }
        for (i, m) in matchingEntries.enumerated() where m != decidingEntry {
            t.add([i == 0 || (i == 1 && decidingEntry != nil) ? "also matching:" : "", m.text])
        }
        if let c = closestAllow {
            t.add(["closest allow:", c.entry.text])
            t.add(["", c.explanation])
        }
        if let suggestion { t.add(["to allow:", suggestion]) }
        if sourceIp == nil { t.add(["note:", "no --source-ip given: entries limited to source IPs do not match"]) }
        out += t.render().split(separator: "\n").dropFirst().map { $0 + "\n" }.joined()
        if brokers.count > 1 || !consistent {
            var b = TextTable("BROKER", "ADDRESS", "DECISION", "REASON")
            for x in brokers { b.add([x.broker, x.address, x.decision ?? "-", x.error ?? x.reason ?? ""]) }
            out += "\n" + b.render()
        }
        return out
    }
}

extension ExplainView {
    /// Reads the user and its ACL from each target and runs the broker's own decision code on them; the
    /// first broker that answered gives the user and ACL shown, each broker its own decision.
    static func load(
        _ client: MQClientInstance, username: String, resource: Resource, actions: [AuthAction], sourceIp: String?,
        targets: [BrokerEndpoint]
    ) async throws -> ExplainView {
        let results = await client.fanOut(targets) { e -> (UserInfo?, AclInfo?) in
            guard let u = try await client.user(username, broker: e.address) else { return (nil, nil) }
            return (u, try await client.acl(subject: AuthSubject.user(username), broker: e.address))
        }
        var brokers: [Broker] = []
        var first: (AuthUser?, Acl?)?
        for r in results {
            let name = r.endpoint.brokerName.isEmpty ? r.endpoint.address : r.endpoint.brokerName
            guard let (u, a) = r.value else {
                brokers.append(.init(broker: name, address: r.endpoint.address, error: r.error?.description))
                continue
            }
            let user = u.flatMap(authUser)
            let acl = try a.map { try Acl.validated($0, subject: AuthSubject.user(username)) }
            let result = AclEvaluator.evaluate(
                user: user, acl: acl, resource: resource, actions: actions, sourceIp: sourceIp)
            brokers.append(
                .init(
                    broker: name, address: r.endpoint.address, decision: result.allowed ? "Allow" : "Deny",
                    reason: result.outcome.rawValue))
            if first == nil { first = (user, acl) }
        }
        guard let (user, acl) = first else {
            if let e = results.compactMap(\.error).first { throw e }
            throw CLIError("no broker answered", exit: .unreachable)
        }
        return ExplainView(
            username: username, resource: resource, actions: actions, sourceIp: sourceIp, user: user, acl: acl,
            brokers: brokers)
    }

    /// The user as the decision code takes it (the password plays no part in a decision).
    static func authUser(_ info: UserInfo) -> AuthUser? {
        guard let name = info.username else { return nil }
        return AuthUser(
            username: name, password: "", userType: UserType.named(info.userType) ?? .normal,
            userStatus: UserStatus.named(info.userStatus) ?? .enable)
    }
}
