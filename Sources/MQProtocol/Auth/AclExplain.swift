/// The Allow entry closest to letting a denied request through, and what it lacks.
public struct ClosestAllow: Sendable, Hashable {
    public enum Gap: String, Sendable, Hashable, Codable {
        /// The entry would allow, but a more specific entry decides (or, in the Default policy, a Custom entry
        /// matched first).
        case shadowed
        case sourceIp
        case action
        case resource
    }

    public var entry: AclEntryRef
    /// What keeps the entry from allowing the request.
    public var gaps: [Gap]
    /// One sentence for people.
    public var explanation: String
}

extension AclEvaluator {
    /// When `result` denies, the Allow entry that comes closest to allowing: one that matches but is outranked,
    /// then one missing only the source IP, then only the action, then one for another resource of the same type.
    public static func closestAllow(
        _ result: AuthorizationResult, acl: Acl?, resource: Resource, actions: [AuthAction], sourceIp: String?
    ) -> ClosestAllow? {
        guard !result.allowed, let acl else { return nil }
        var best: (score: Int, ref: AclEntryRef, gaps: [ClosestAllow.Gap])?
        for policy in acl.policies {
            for (i, entry) in policy.entries.enumerated() where entry.decision == .allow {
                let ref = AclEntryRef(policyType: policy.policyType, index: i, entry: entry)
                var gaps: [ClosestAllow.Gap] = []
                if !entry.resource.matches(resource) { gaps.append(.resource) }
                if !entry.matches(actions: actions) { gaps.append(.action) }
                if !entry.matches(sourceIp: sourceIp) { gaps.append(.sourceIp) }
                if gaps.isEmpty { gaps = [.shadowed] }
                var score = 0
                if !gaps.contains(.resource) { score += 8 }
                if !gaps.contains(.action) { score += 4 }
                if !gaps.contains(.sourceIp) { score += 2 }
                if entry.resource.type == resource.type { score += 1 }
                if let current = best {
                    guard score > current.score || (score == current.score && compare(entry, current.ref.entry) < 0)
                    else { continue }
                }
                best = (score, ref, gaps)
            }
        }
        guard let best else { return nil }
        return ClosestAllow(
            entry: best.ref, gaps: best.gaps,
            explanation: explain(best.ref, gaps: best.gaps, result: result, resource: resource, actions: actions))
    }

    static func explain(
        _ ref: AclEntryRef, gaps: [ClosestAllow.Gap], result: AuthorizationResult, resource: Resource,
        actions: [AuthAction]
    ) -> String {
        let e = ref.entry
        let acts = e.actions.map(\.rawValue).joined(separator: ",")
        if gaps == [.shadowed] {
            if let d = result.deciding, d.policyType == ref.policyType {
                return "\(e.resource.key) allows \(acts), but the more specific \(d.entry.resource.key) "
                    + "\(d.entry.decision.rawValue) decides"
            }
            return "\(e.resource.key) allows \(acts) in the \(ref.policyType.rawValue) policy, which is consulted "
                + "only when no Custom entry matches"
        }
        var parts: [String] = []
        if gaps.contains(.resource) { parts.append("it is for \(e.resource.key), which does not cover \(resource.key)") }
        if gaps.contains(.action) {
            let wanted = actions.map(\.rawValue).joined(separator: " or ")
            parts.append("it allows \(acts), not \(wanted)")
        }
        if gaps.contains(.sourceIp) { parts.append("it applies only from \(e.sourceIps.joined(separator: ", "))") }
        return "\(e.resource.key) \(e.decision.rawValue) \(acts) would need a change: " + parts.joined(separator: "; ")
    }
}
