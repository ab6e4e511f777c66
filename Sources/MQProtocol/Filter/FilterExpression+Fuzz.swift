extension FilterExpression {
    /// The promises the `filter` fuzz target (Fuzz/filter) and its corpus replay check: any text parses or
    /// is refused with a position inside it, and a parsed expression evaluates, deterministically, against
    /// any property values. The input is the expression, then NUL-separated values for `a`, `b`, `c`,
    /// `region` and `TAGS`.
    public static func fuzz(_ bytes: [UInt8]) {
        let parts = bytes.split(separator: 0, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        let text = parts[0]
        var properties: [String: String] = [:]
        for (name, value) in zip(["a", "b", "c", "region", "TAGS"], parts.dropFirst()) { properties[name] = value }
        for limits in [FilterLimits(), FilterLimits(maxLength: 64, maxDepth: 4)] {
            do {
                let filter = try parse(text, limits: limits)
                for candidate in [properties, [:], ["a": text, "b": "5", "c": "5.0", "region": "true"]] {
                    let outcome = filter.evaluate(candidate)
                    precondition(filter.evaluate(candidate) == outcome, "evaluation is not deterministic: \(text)")
                    precondition(filter.matches(candidate) == (outcome == .matched), "matches disagrees: \(text)")
                }
            } catch {
                let end = text.unicodeScalars.count + 1
                precondition((1...end).contains(error.position) && !error.message.isEmpty, "bad error: \(error)")
            }
        }
    }
}
