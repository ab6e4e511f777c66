/// Evaluation, node by node, as Apache's expression classes evaluate (their `evaluate`, not `matches`: the
/// broker calls `evaluate` and delivers only on TRUE). `nil` is NULL, SQL's unknown.
extension FilterNode {
    typealias Lookup = (String) -> String?

    func evaluate(_ property: Lookup) throws(FilterEvaluationError) -> FilterValue? {
        switch self {
        case .constant(let value):
            return value
        case .property(let name):
            return property(name).map(FilterValue.string)
        case .negate(let operand):
            return try Self.negated(operand.evaluate(property))
        case .not(let operand):
            return try operand.evaluateCondition(property).map { .bool(!$0) }
        case .booleanCast(let name):
            // A property's value is always a string, never a Boolean: present is FALSE, missing is NULL.
            return property(name) == nil ? nil : .bool(false)
        case .equal(let left, let right):
            return try Self.equal(left.evaluate(property), right.evaluate(property))
        case .ordering(let ordering, let left, let right):
            // Apache stops at a NULL left operand without evaluating the right one.
            guard let lhs = try left.evaluate(property), let rhs = try right.evaluate(property) else { return nil }
            return .bool(ordering.holds(try Self.orderingComparison(lhs, rhs)))
        case .and(let operands):
            return try Self.chain(operands, property, decidedBy: false)
        case .or(let operands):
            return try Self.chain(operands, property, decidedBy: true)
        case .membership(let name, let values, let negated):
            guard let value = property(name) else { return nil }
            return .bool(values.contains(value) != negated)
        case .textTest(let test, let operand):
            // Apache answers an empty search string before evaluating the operand.
            if test.alwaysFalse { return .bool(false) }
            guard case .string(let text)? = try operand.evaluate(property) else { return .bool(false) }
            return .bool(test.holds(for: text))
        }
    }

    /// A condition's value: TRUE, FALSE or NULL (Apache casts it to `Boolean`).
    func evaluateCondition(_ property: Lookup) throws(FilterEvaluationError) -> Bool? {
        switch try evaluate(property) {
        case nil: return nil
        case .bool(let value)?: return value
        case let other?: throw FilterEvaluationError(reason: "\(other) is not TRUE, FALSE or NULL")
        }
    }

    /// `ComparisonExpression.doCreateEqual`: both NULL is TRUE; a NULL left is NULL but a NULL right is FALSE
    /// (Apache's asymmetry, kept); then Java `equals`, then `compareTo` after conversion.
    private static func equal(_ left: FilterValue?, _ right: FilterValue?) throws(FilterEvaluationError)
        -> FilterValue?
    {
        switch (left, right) {
        case (nil, nil): return .bool(true)
        case (nil, _): return nil
        case (_, nil): return .bool(false)
        case let (lhs?, rhs?):
            if JavaComparison.equals(lhs, rhs) { return .bool(true) }
            return .bool(try JavaComparison.compare(lhs, rhs) == 0)
        }
    }

    /// `>`, `>=`, `<`, `<=`: two strings (two properties) both read as doubles; otherwise `__compare`.
    private static func orderingComparison(_ left: FilterValue, _ right: FilterValue) throws(FilterEvaluationError)
        -> Int
    {
        if case .string(let lhs) = left, case .string(let rhs) = right {
            let l = try JavaComparison.orderingDouble(lhs)
            return JavaComparison.doubles(l, try JavaComparison.orderingDouble(rhs))
        }
        return try JavaComparison.compare(left, right)
    }

    /// AND (`decidedBy` false) or OR (true) over a chain, left to right as Apache's nested binary nodes go:
    /// the first deciding operand ends it; otherwise NULL if any operand was NULL.
    private static func chain(_ operands: [FilterNode], _ property: Lookup, decidedBy decisive: Bool)
        throws(FilterEvaluationError) -> FilterValue?
    {
        var sawNull = false
        for operand in operands {
            switch try operand.evaluateCondition(property) {
            case decisive?: return .bool(decisive)
            case nil: sawNull = true
            default: break
            }
        }
        return sawNull ? nil : .bool(!decisive)
    }

    /// Unary minus on numbers (Java's wrapping `-`); NULL for anything else.
    private static func negated(_ value: FilterValue?) -> FilterValue? {
        switch value {
        case .int(let number)?: return .int(0 &- number)
        case .long(let number)?: return .long(0 &- number)
        case .double(let number)?: return .double(-number)
        default: return nil
        }
    }
}
