/// A recursive-descent parser for `SelectorParser.jj` (Apache RocketMQ 5.3.3), one function per rule:
///
/// ```
/// selector   := or                               -- a condition, then the end (Apache ignores the rest)
/// or         := and ( OR and )*
/// and        := equality ( AND equality )*
/// equality   := comparison ( "=" comparison | "<>" comparison | IS NULL | IS NOT NULL )*
/// comparison := unary ( (">" | ">=" | "<" | "<=") unary | [NOT] (CONTAINS | STARTSWITH | ENDSWITH) string
///                     | [NOT] BETWEEN unary AND unary | [NOT] IN "(" string ("," string)* ")" )*
/// unary      := "+" unary | "-" unary | NOT unary | primary
/// primary    := string | integer | decimal | TRUE | FALSE | NULL | identifier | "(" or ")"
/// ```
///
/// NOT binds tighter than any comparison, as in Apache: `NOT a = 'x'` is `(NOT a) = 'x'`. The checks Apache
/// makes while building its expressions (what may be compared, what must be a condition) are in
/// `FilterParser+Operands.swift`.
struct FilterParser {
    var lexer: FilterLexer
    var current: FilterToken
    /// The token after `current`, once a two-token decision (`NOT IN`, `IS NULL`) has read it.
    private var following: FilterToken?
    let limits: FilterLimits
    /// Open parentheses and unary operators around the point being parsed.
    private var nesting = 0

    static func parse(_ text: String, limits: FilterLimits) throws(FilterSyntaxError) -> FilterNode {
        try checkLength(text, limits: limits)
        let scalars = Array(text.unicodeScalars)
        if scalars.allSatisfy({ " \t\n\r\u{0C}".unicodeScalars.contains($0) }) {
            throw FilterSyntaxError(position: 1, message: "empty expression")
        }
        var parser = try FilterParser(scalars: scalars, limits: limits)
        return try parser.selector()
    }

    private init(scalars: [Unicode.Scalar], limits: FilterLimits) throws(FilterSyntaxError) {
        lexer = FilterLexer(scalars)
        self.limits = limits
        current = try lexer.next()
    }

    /// Refuses a text over the limit before copying it, at the character that goes over.
    private static func checkLength(_ text: String, limits: FilterLimits) throws(FilterSyntaxError) {
        guard text.utf8.count > limits.maxLength else { return }
        var bytes = 0
        var position = 0
        for scalar in text.unicodeScalars {
            bytes += UTF8.width(scalar)
            position += 1
            if bytes > limits.maxLength { break }
        }
        throw FilterSyntaxError(position: position, message: "expression longer than \(limits.maxLength) bytes")
    }

    // MARK: - Rules
    //
    // The functions that recurse (one call chain per parenthesis) keep small frames: the work of each
    // operator and every error message are in helpers off that chain, so a debug build spends about 5 KiB
    // of stack per parenthesis (it was 20 KiB with all in line), 500 KiB at the nesting limit.

    private mutating func selector() throws(FilterSyntaxError) -> FilterNode {
        let expression = try condition(orChain())
        // Apache's grammar has no <EOF> here and drops whatever follows a complete expression; refusing it
        // names a typo (`a = 1 AN b = 2`) that Apache would silently read as `a = 1`. A `--` comment without
        // a line end after it is still a comment, as Apache's result is the same.
        let trailingComment = at(.minus) && lexer.scalar(at: current.start + 1) == "-"
        if current.kind != .end && !trailingComment {
            throw failure("unexpected", current, "after a complete expression (a missing AND or OR?)")
        }
        return expression.node
    }

    private mutating func orChain() throws(FilterSyntaxError) -> Parsed {
        let first = try andChain()
        guard at(.or) else { return first }
        return try chain(first, or: true)
    }

    private mutating func andChain() throws(FilterSyntaxError) -> Parsed {
        let first = try equality()
        guard at(.and) else { return first }
        return try chain(first, or: false)
    }

    private mutating func chain(_ first: Parsed, or isOr: Bool) throws(FilterSyntaxError) -> Parsed {
        let joiner: FilterKeyword = isOr ? .or : .and
        var operands = [try condition(first)]
        while at(joiner) {
            try advance()
            operands.append(try condition(isOr ? andChain() : equality()))
        }
        return try logic(or: isOr, operands)
    }

    private mutating func equality() throws(FilterSyntaxError) -> Parsed {
        var left = try comparison()
        while isEqualityOperator {
            left = try equalityTest(left)
        }
        return left
    }

    private mutating func comparison() throws(FilterSyntaxError) -> Parsed {
        var left = try unary()
        while let comparison = try comparisonOperator() {
            left = try comparisonTest(left, comparison)
        }
        return left
    }

    private mutating func unary() throws(FilterSyntaxError) -> Parsed {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > limits.maxDepth { throw tooDeep() }
        let start = current.start
        let prefix = UnaryPrefix(current)
        if prefix == .none { return try primary() }
        try advance()
        var operand = try unary()
        operand = try prefixed(operand, by: prefix)
        operand.start = start
        return operand
    }

    private mutating func primary() throws(FilterSyntaxError) -> Parsed {
        if at(.open) { return try parenthesized() }
        return try leaf()
    }

    private mutating func parenthesized() throws(FilterSyntaxError) -> Parsed {
        let open = try advance()
        var inner = try orChain()
        guard at(.close) else { throw unclosed(open) }
        inner.start = open.start
        inner.end = try advance().end
        return inner
    }

    // MARK: - Steps off the recursive chain

    private enum UnaryPrefix {
        case none, plus, minus, not

        init(_ token: FilterToken) {
            switch token.kind {
            case .symbol(.plus): self = .plus
            case .symbol(.minus): self = .minus
            case .keyword(.not): self = .not
            default: self = .none
            }
        }
    }

    private func prefixed(_ operand: Parsed, by prefix: UnaryPrefix) throws(FilterSyntaxError) -> Parsed {
        switch prefix {
        case .minus: try negate(operand)
        case .not: try not(condition(operand))
        case .plus, .none: operand
        }
    }

    private enum Comparison {
        case ordering(FilterOrdering)
        case text(FilterTextTest.Kind, negated: Bool)
        case between(negated: Bool)
        case membership(negated: Bool)
    }

    /// Reads the operator of a comparison, if one comes next (`NOT` and the word after it together).
    private mutating func comparisonOperator() throws(FilterSyntaxError) -> Comparison? {
        if let symbol = current.symbol {
            guard let ordering = FilterOrdering(rawValue: symbol.rawValue) else { return nil }
            try advance()
            return .ordering(ordering)
        }
        let negated = at(.not)
        let word = negated ? try peekFollowing() : current
        let comparison: Comparison
        switch word.keyword {
        case .contains?: comparison = .text(.contains, negated: negated)
        case .startsWith?: comparison = .text(.startsWith, negated: negated)
        case .endsWith?: comparison = .text(.endsWith, negated: negated)
        case .between?: comparison = .between(negated: negated)
        case .in?: comparison = .membership(negated: negated)
        default:
            guard negated else { return nil }
            throw FilterSyntaxError(
                position: current.start + 1,
                message: "NOT here must be followed by CONTAINS, STARTSWITH, ENDSWITH, BETWEEN or IN, not "
                    + "\(describe(word)) (to negate a condition, write NOT (...))")
        }
        if negated { try advance() }
        try advance()
        return comparison
    }

    private var isEqualityOperator: Bool {
        switch current.kind {
        case .symbol(.equal), .symbol(.notEqual), .keyword(.is): true
        default: false
        }
    }

    /// `= right`, `<> right`, `IS NULL` or `IS NOT NULL` after `left`.
    private mutating func equalityTest(_ left: Parsed) throws(FilterSyntaxError) -> Parsed {
        if at(.is) { return try isNullTest(left) }
        let notEqual = try advance().symbol == .notEqual
        return try equal(left, try comparison(), negated: notEqual)
    }

    private mutating func comparisonTest(_ left: Parsed, _ comparison: Comparison) throws(FilterSyntaxError)
        -> Parsed
    {
        switch comparison {
        case .ordering(let ordering): try self.ordering(ordering, left, try unary())
        case .text(let kind, let negated): try textTest(left, kind, negated: negated)
        case .between(let negated): try betweenTest(left, negated: negated)
        case .membership(let negated): try membership(left, try inList(), negated: negated)
        }
    }

    private mutating func textTest(_ left: Parsed, _ kind: FilterTextTest.Kind, negated: Bool)
        throws(FilterSyntaxError) -> Parsed
    {
        let search = try stringLiteral(after: kind.rawValue)
        let test = FilterTextTest(kind: kind, negated: negated, search: search.value)
        return try node(.textTest(test, left.node), children: [left], from: left.start, to: search.end)
    }

    private mutating func betweenTest(_ value: Parsed, negated: Bool) throws(FilterSyntaxError) -> Parsed {
        let low = try unary()
        guard at(.and) else {
            throw failure("BETWEEN needs AND between its bounds, not", current, "")
        }
        try advance()
        return try between(value, low, try unary(), negated: negated)
    }

    /// `IS NULL` or `IS NOT NULL` after `left`.
    private mutating func isNullTest(_ left: Parsed) throws(FilterSyntaxError) -> Parsed {
        try advance()
        let negated = at(.not)
        if negated { try advance() }
        guard at(.null) else {
            throw failure("IS must be followed by NULL or NOT NULL, not", current, "")
        }
        let test = try isNull(left, end: try advance().end)
        return negated ? try not(test) : test
    }

    /// A literal or a property name.
    private mutating func leaf() throws(FilterSyntaxError) -> Parsed {
        let token = current
        let node: FilterNode
        switch token.kind {
        case .string(let value): node = .constant(.string(value))
        case .integer(let digits): node = .constant(try integer(digits, token))
        case .decimal(let text): node = .constant(try decimal(text, token))
        case .keyword(.true): node = .constant(.bool(true))
        case .keyword(.false): node = .constant(.bool(false))
        case .keyword(.null): node = .constant(nil)
        case .identifier(let name): node = .property(name)
        default: throw failure("expected a value, a property name or '(' but found", token, "")
        }
        try advance()
        return Parsed(leaf: node, token)
    }

    /// `IN ( 'a', 'b' )`: string literals only, at least one.
    private mutating func inList() throws(FilterSyntaxError) -> (values: [String], end: Int) {
        guard at(.open) else {
            throw failure("IN takes quoted strings in parentheses, like IN ('a', 'b'), not", current, "")
        }
        try advance()
        var values = [try stringLiteral(after: "an IN list").value]
        while at(.comma) {
            try advance()
            values.append(try stringLiteral(after: "an IN list").value)
        }
        guard at(.close) else { throw failure("expected ',' or ')' in the IN list, found", current, "") }
        return (values, try advance().end)
    }

    private mutating func stringLiteral(after what: String) throws(FilterSyntaxError) -> (value: String, end: Int) {
        guard case .string(let value) = current.kind else {
            throw failure("\(what) takes a quoted string ('...'), not", current, "")
        }
        return (value, try advance().end)
    }

    private func tooDeep() -> FilterSyntaxError {
        FilterSyntaxError(
            position: current.start + 1, message: "expression nested deeper than \(limits.maxDepth) levels")
    }

    private func unclosed(_ open: FilterToken) -> FilterSyntaxError {
        failure("expected ')' to close the '(' at position \(open.start + 1), found", current, "")
    }

    /// An error at `token`: the message names it between `before` and `after`.
    private func failure(_ before: String, _ token: FilterToken, _ after: String) -> FilterSyntaxError {
        let message = before + " " + describe(token) + (after.isEmpty ? "" : " " + after)
        return FilterSyntaxError(position: token.start + 1, message: message)
    }

    // MARK: - Tokens

    /// Whether the current token is this keyword (or symbol).
    private func at(_ keyword: FilterKeyword) -> Bool {
        if case .keyword(let found) = current.kind { return found == keyword }
        return false
    }

    private func at(_ symbol: FilterSymbol) -> Bool {
        if case .symbol(let found) = current.kind { return found == symbol }
        return false
    }

    /// Moves past `current` and returns it; the next token is read now, so a lexical error in it is raised
    /// here, as soon as the parser needs it.
    @discardableResult
    private mutating func advance() throws(FilterSyntaxError) -> FilterToken {
        let token = current
        if let next = following {
            current = next
            following = nil
        } else {
            current = try lexer.next()
        }
        return token
    }

    private mutating func peekFollowing() throws(FilterSyntaxError) -> FilterToken {
        if let following { return following }
        let next = try lexer.next()
        following = next
        return next
    }

    /// A token as an error message shows it.
    func describe(_ token: FilterToken) -> String {
        switch token.kind {
        case .end: return "the end of the expression"
        case .keyword(let keyword): return keyword.rawValue
        case .string: return source(from: token.start, to: token.end)
        default: return "'" + source(from: token.start, to: token.end) + "'"
        }
    }

    /// The expression's text between two offsets, shortened for a message.
    func source(from start: Int, to end: Int) -> String {
        let shown = lexer.scalars[start..<min(end, start + 40)]
        return String(String.UnicodeScalarView(shown)) + (end - start > 40 ? "…" : "")
    }
}
