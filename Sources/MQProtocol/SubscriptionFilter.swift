/// Tag filtering from a subscription expression (`"TagA || TagB"`, `"*"`), wire.md §7.4.
///
/// Tag codes are always computed here from the tags: the C++ client sends `atoi`-based codes
/// that are useless, and Java's hash is what the consume queue stores.
public struct SubscriptionFilter: Sendable, Equatable {
    /// nil: everything matches.
    public let codes: Set<Int64>?
    public let tags: [String]

    public init(expression: String?) {
        let expr = (expression ?? "").trimmedSpaces
        if expr.isEmpty || expr == "*" {
            codes = nil
            tags = []
            return
        }
        let tags = expr.split(onString: "||").map(\.trimmedSpaces).filter { !$0.isEmpty }
        self.tags = tags
        codes = tags.isEmpty ? nil : Set(tags.map { Int64(JavaHash.hashCode($0)) })
    }

    public func matches(tagsCode: Int64) -> Bool {
        guard let codes else { return true }
        return codes.contains(tagsCode)
    }

    /// The client-side re-check by tag string (hash codes can collide).
    public func matches(tags: String?) -> Bool {
        guard codes != nil else { return true }
        guard let tags else { return false }
        return self.tags.contains(tags)
    }

    /// The subscription a heartbeat registers, with correct tags and codes.
    public static func normalized(_ sub: SubscriptionData) -> SubscriptionData {
        var s = sub
        guard ExpressionType.isTag(s.expressionType) else { return s }  // SQL92 and others: as sent
        let filter = SubscriptionFilter(expression: sub.subString)
        s.tagsSet = filter.tags
        s.codeSet = filter.tags.map { JavaHash.hashCode($0) }
        if s.subString.isEmpty { s.subString = "*" }
        return s
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmedSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }

    /// Splits on a separator string (Foundation-free, so it clashes with nothing).
    func split(onString separator: String) -> [String] {
        let sep = Array(separator.utf8)
        let bytes = Array(utf8)
        var parts: [String] = []
        var start = 0
        var i = 0
        while i + sep.count <= bytes.count {
            if bytes[i..<i + sep.count].elementsEqual(sep) {
                parts.append(String(decoding: bytes[start..<i], as: UTF8.self))
                i += sep.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(String(decoding: bytes[start...], as: UTF8.self))
        return parts
    }
}
