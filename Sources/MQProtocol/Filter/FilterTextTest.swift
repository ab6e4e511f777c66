/// `CONTAINS`, `STARTSWITH`, `ENDSWITH` and their `NOT` forms (`ComparisonExpression.ContainsExpression` and
/// its siblings), matched on UTF-8 bytes: for valid strings that is Java's `String.contains`/`startsWith`/
/// `endsWith`, code point by code point.
struct FilterTextTest: Sendable {
    enum Kind: String, Sendable {
        case contains = "CONTAINS", startsWith = "STARTSWITH", endsWith = "ENDSWITH"
    }

    let kind: Kind
    let negated: Bool
    let search: [UInt8]
    /// Knuth–Morris–Pratt failure table for `search`, so CONTAINS stays linear on hostile values.
    private let fallback: [Int]

    init(kind: Kind, negated: Bool, search: String) {
        self.kind = kind
        self.negated = negated
        self.search = Array(search.utf8)
        fallback = Self.failureTable(self.search)
    }

    /// Apache answers FALSE for an empty search string, in the NOT forms too.
    var alwaysFalse: Bool { search.isEmpty }

    /// The answer for a string value (the NOT forms inverted); non-strings and NULL are FALSE (`evaluate`).
    func holds(for text: String) -> Bool {
        if alwaysFalse { return false }
        let found: Bool
        switch kind {
        case .startsWith: found = text.utf8.starts(with: search)
        case .endsWith: found = text.utf8.reversed().starts(with: search.reversed())
        case .contains: found = contains(text.utf8)
        }
        return found != negated
    }

    private func contains(_ text: String.UTF8View) -> Bool {
        var matched = 0
        for byte in text {
            while matched > 0 && search[matched] != byte { matched = fallback[matched - 1] }
            if search[matched] == byte { matched += 1 }
            if matched == search.count { return true }
        }
        return false
    }

    private static func failureTable(_ pattern: [UInt8]) -> [Int] {
        var table = [Int](repeating: 0, count: pattern.count)
        var length = 0
        var i = 1
        while i < pattern.count {
            if pattern[i] == pattern[length] {
                length += 1
                table[i] = length
                i += 1
            } else if length > 0 {
                length = table[length - 1]
            } else {
                i += 1
            }
        }
        return table
    }
}
