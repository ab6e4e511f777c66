import MQProtocol

/// Tag filtering from a subscription expression (`"TagA || TagB"`, `"*"`), wire.md §7.4.
///
/// Tag codes are always computed here from the tags: the C++ client sends `atoi`-based codes
/// that are useless, and Java's hash is what the consume queue stores.
public struct SubscriptionFilter: Sendable, Equatable {
    /// nil: everything matches.
    public let codes: Set<Int64>?
    public let tags: [String]

    public init(expression: String?) {
        let expr = (expression ?? "").trimmingCharacters(in: " ")
        if expr.isEmpty || expr == "*" {
            codes = nil
            tags = []
            return
        }
        let tags = expr.components(separatedBy: "||").map { $0.trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
        self.tags = tags
        codes = tags.isEmpty ? nil : Set(tags.map { Int64(JavaHash.hashCode($0)) })
    }

    public func matches(tagsCode: Int64) -> Bool {
        guard let codes else { return true }
        return codes.contains(tagsCode)
    }

    /// The subscription a heartbeat registers, with correct tags and codes.
    static func normalized(_ sub: SubscriptionData) -> SubscriptionData {
        var s = sub
        let filter = SubscriptionFilter(expression: sub.subString)
        if s.expressionType.uppercased() == "TAG" || s.expressionType.isEmpty {
            s.tagsSet = filter.tags
            s.codeSet = filter.tags.map { JavaHash.hashCode($0) }
        }
        if s.subString.isEmpty { s.subString = "*" }
        return s
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set || s.first == "\t" { s.removeFirst() }
        while s.last == set || s.last == "\t" { s.removeLast() }
        return String(s)
    }

    func components(separatedBy separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let r = rest.range(of: separator) {
            parts.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
