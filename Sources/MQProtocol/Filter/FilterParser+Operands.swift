/// A parsed sub-expression with where it is in the text (for messages) and how deep its tree is.
struct Parsed {
    var node: FilterNode
    var depth: Int
    var start: Int
    var end: Int

    init(node: FilterNode, depth: Int, start: Int, end: Int) {
        (self.node, self.depth, self.start, self.end) = (node, depth, start, end)
    }

    init(leaf: FilterNode, _ token: FilterToken) {
        self.init(node: leaf, depth: 1, start: token.start, end: token.end)
    }
}

/// Building nodes with the checks Apache's factories make while parsing (`ComparisonExpression.create*`,
/// `SelectorParser.asBooleanExpression`, `ConstantExpression.createFromDecimal/createFloat`): an expression
/// that fails one is refused at subscribe time, as Apache refuses it.
extension FilterParser {
    /// A node whose tree is no deeper than the limit (evaluation recurses once per level). Too deep is
    /// reported where the parser is, just past the operator that went over.
    func node(_ node: FilterNode, children: [Parsed], from start: Int, to end: Int) throws(FilterSyntaxError)
        -> Parsed
    {
        let depth = (children.map(\.depth).max() ?? 0) + 1
        if depth > limits.maxDepth {
            throw FilterSyntaxError(
                position: current.start + 1, message: "expression nested deeper than \(limits.maxDepth) levels")
        }
        return Parsed(node: node, depth: depth, start: start, end: end)
    }

    /// `asBooleanExpression`: a condition stays; a bare property becomes a boolean cast; anything else
    /// (a string, a number, a negation) is refused.
    func condition(_ operand: Parsed) throws(FilterSyntaxError) -> Parsed {
        if operand.node.isCondition { return operand }
        if case .property(let name) = operand.node {
            return Parsed(node: .booleanCast(name), depth: operand.depth, start: operand.start, end: operand.end)
        }
        throw FilterSyntaxError(
            position: operand.start + 1,
            message: "\(quote(operand)) is not a condition (TRUE, FALSE or a comparison)")
    }

    /// An AND or OR chain, flattened with the chains of the same operator it contains (evaluation order and
    /// results are those of Apache's nested binary nodes).
    func logic(or isOr: Bool, _ operands: [Parsed]) throws(FilterSyntaxError) -> Parsed {
        var flat: [FilterNode] = []
        var childDepth = 0
        for operand in operands {
            switch (operand.node, isOr) {
            case (.or(let inner), true), (.and(let inner), false):
                flat += inner
                childDepth = max(childDepth, operand.depth - 1)
            default:
                flat.append(operand.node)
                childDepth = max(childDepth, operand.depth)
            }
        }
        let start = operands.first?.start ?? 0
        let end = operands.last?.end ?? 0
        let chained = Parsed(node: isOr ? .or(flat) : .and(flat), depth: childDepth, start: start, end: end)
        return try node(chained.node, children: [chained], from: start, to: end)
    }

    func not(_ operand: Parsed) throws(FilterSyntaxError) -> Parsed {
        try node(.not(operand.node), children: [operand], from: operand.start, to: operand.end)
    }

    func negate(_ operand: Parsed) throws(FilterSyntaxError) -> Parsed {
        try node(.negate(operand.node), children: [operand], from: operand.start, to: operand.end)
    }

    /// `=` (and `<>`, its NOT): neither side may be the NULL literal, and TRUE or FALSE on the left may be
    /// compared only with a condition or a non-literal.
    func equal(_ left: Parsed, _ right: Parsed, negated: Bool) throws(FilterSyntaxError) -> Parsed {
        let spelled = negated ? "<>" : "="
        for operand in [left, right] {
            if case .constant(nil) = operand.node {
                throw FilterSyntaxError(
                    position: operand.start + 1,
                    message: "NULL cannot be compared with '\(spelled)'; write IS NULL or IS NOT NULL")
            }
        }
        if case .constant(.bool?) = left.node, case .constant(let value) = right.node {
            if case .bool? = value {} else {
                throw FilterSyntaxError(
                    position: left.start + 1, message: "\(quote(left)) cannot be compared with \(quote(right))")
            }
        }
        let test = try node(.equal(left.node, right.node), children: [left, right], from: left.start, to: right.end)
        return negated ? try not(test) : test
    }

    /// `IS NULL`: an equality with the NULL constant, without the checks of `=`.
    func isNull(_ operand: Parsed, end: Int) throws(FilterSyntaxError) -> Parsed {
        try node(.equal(operand.node, .constant(nil)), children: [operand], from: operand.start, to: end)
    }

    /// `>`, `>=`, `<`, `<=` (`checkLessThanOperand`): each side a number literal or something that is not a
    /// literal and not a condition (a property, a negation).
    func ordering(_ ordering: FilterOrdering, _ left: Parsed, _ right: Parsed, spelled: String? = nil)
        throws(FilterSyntaxError) -> Parsed
    {
        for operand in [left, right] {
            let comparable: Bool
            switch operand.node {
            case .constant(.int?), .constant(.long?), .constant(.double?): comparable = true
            case .constant: comparable = false
            default: comparable = !operand.node.isCondition
            }
            guard comparable else {
                throw FilterSyntaxError(
                    position: operand.start + 1,
                    message: "\(quote(operand)) cannot be compared with \(spelled ?? "'" + ordering.rawValue + "'"): "
                        + "only numbers can")
            }
        }
        let node = FilterNode.ordering(ordering, left.node, right.node)
        return try self.node(node, children: [left, right], from: left.start, to: right.end)
    }

    /// `BETWEEN low AND high` is `>= low AND <= high`; with two literal bounds, Apache also refuses NULL and
    /// a low bound above the high one. `NOT BETWEEN` is `< low OR > high`, with no bound check.
    func between(_ value: Parsed, _ low: Parsed, _ high: Parsed, negated: Bool) throws(FilterSyntaxError) -> Parsed {
        if !negated, case .constant(let lowValue) = low.node, case .constant(let highValue) = high.node {
            guard let lowValue, let highValue else {
                throw FilterSyntaxError(position: low.start + 1, message: "BETWEEN bounds cannot be NULL")
            }
            let order = try? JavaComparison.compare(highValue, lowValue)
            guard let order, order >= 0 else {
                throw FilterSyntaxError(
                    position: low.start + 1,
                    message: "BETWEEN needs its low bound \(quote(low)) at most its high bound \(quote(high))")
            }
        }
        let name = negated ? "NOT BETWEEN" : "BETWEEN"
        let bounds = negated
            ? [try ordering(.less, value, low, spelled: name), try ordering(.greater, value, high, spelled: name)]
            : [
                try ordering(.greaterOrEqual, value, low, spelled: name),
                try ordering(.lessOrEqual, value, high, spelled: name),
            ]
        var chain = try logic(or: negated, bounds)
        chain.end = high.end
        return chain
    }

    /// `IN` takes a property on its left (`createInFilter`).
    func membership(_ left: Parsed, _ list: (values: [String], end: Int), negated: Bool) throws(FilterSyntaxError)
        -> Parsed
    {
        guard case .property(let name) = left.node else {
            throw FilterSyntaxError(
                position: left.start + 1, message: "IN needs a property name on its left, not \(quote(left))")
        }
        let node = FilterNode.membership(property: name, values: FilterStringSet(list.values), negated: negated)
        return try self.node(node, children: [left], from: left.start, to: list.end)
    }

    /// An integer literal: a Java `Integer` if it fits, else a `Long`; beyond a long it is refused.
    func integer(_ digits: String, _ token: FilterToken) throws(FilterSyntaxError) -> FilterValue {
        guard let value = Int64(digits) else {
            throw FilterSyntaxError(
                position: token.start + 1, message: "integer \(digits) is out of range (at most \(Int64.max))")
        }
        return Int32(exactly: value).map(FilterValue.int) ?? .long(value)
    }

    /// A decimal literal: Apache refuses one that rounds to infinity, and (as its check compares with
    /// `Double.MIN_VALUE`, the smallest positive double) one that is zero: `0.0` must be written `0`.
    func decimal(_ text: String, _ token: FilterToken) throws(FilterSyntaxError) -> FilterValue {
        guard let value = Double(text), value.isFinite else {
            throw FilterSyntaxError(position: token.start + 1, message: "number \(text) is too large for a double")
        }
        guard value >= Double.leastNonzeroMagnitude else {
            throw FilterSyntaxError(
                position: token.start + 1,
                message: "decimal \(text) is zero or too small: Apache refuses it (write 0 for zero)")
        }
        return .double(value)
    }

    /// An operand as a message shows it: its text, in quotes unless it is a string literal (quoted already).
    func quote(_ operand: Parsed) -> String {
        let text = source(from: operand.start, to: operand.end)
        return text.hasPrefix("'") ? text : "'" + text + "'"
    }
}
