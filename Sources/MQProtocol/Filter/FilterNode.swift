/// A value while evaluating: what Apache's expressions produce, with Java's types kept apart because they
/// decide how a property's text is read (an int literal reads it with `Integer.valueOf`, a long literal
/// with `Long.valueOf`, a decimal literal with `Double.valueOf`). `nil` stands for NULL.
enum FilterValue: Sendable {
    case string(String)
    /// A Java `Integer`: an integer literal that fits 32 bits.
    case int(Int32)
    /// A Java `Long`: a larger integer literal.
    case long(Int64)
    case double(Double)
    case bool(Bool)
}

/// A parsed expression. Each case is one of Apache's expression classes; the parser already made Apache's
/// parse-time checks, so evaluation only follows the runtime rules.
indirect enum FilterNode: Sendable {
    /// A literal (`ConstantExpression`, `BooleanConstantExpression`); nil is `NULL`.
    case constant(FilterValue?)
    /// A property reference (`PropertyExpression`): the property's string, or NULL when it is missing.
    case property(String)
    /// Unary minus: negates a number, NULL for anything else.
    case negate(FilterNode)
    /// Three-valued NOT.
    case not(FilterNode)
    /// A bare property where a condition is needed (`UnaryExpression.createBooleanCast`).
    case booleanCast(String)
    /// `=`, and `IS NULL` as an equality with the NULL constant (`ComparisonExpression.doCreateEqual`).
    case equal(FilterNode, FilterNode)
    case ordering(FilterOrdering, FilterNode, FilterNode)
    /// A chain of ANDs (or ORs) evaluated left to right; n-ary so a long chain does not nest.
    case and([FilterNode])
    case or([FilterNode])
    /// `IN` / `NOT IN` over string literals.
    case membership(property: String, values: FilterStringSet, negated: Bool)
    /// `CONTAINS`, `STARTSWITH`, `ENDSWITH` and their `NOT` forms.
    case textTest(FilterTextTest, FilterNode)

    /// Whether Apache's parser sees a `BooleanExpression` here: a condition, or TRUE, FALSE or NULL.
    var isCondition: Bool {
        switch self {
        case .constant(let value):
            if case .bool? = value { return true }
            return value == nil
        case .property, .negate: return false
        default: return true
        }
    }
}

enum FilterOrdering: String, Sendable {
    case greater = ">", greaterOrEqual = ">=", less = "<", lessOrEqual = "<="

    /// Whether a Java `compareTo` answer satisfies the operator.
    func holds(_ comparison: Int) -> Bool {
        switch self {
        case .greater: comparison > 0
        case .greaterOrEqual: comparison >= 0
        case .less: comparison < 0
        case .lessOrEqual: comparison <= 0
        }
    }
}

/// A set of strings compared as Java does (`String.equals`: code point by code point), not by Swift's
/// canonical equivalence, under which `"é"` and `"e\u{301}"` would be one element.
struct FilterStringSet: Sendable {
    private let members: Set<ExactString>

    init(_ strings: [String]) {
        members = Set(strings.map(ExactString.init))
    }

    func contains(_ string: String) -> Bool {
        members.contains(ExactString(value: string))
    }
}

/// A string hashed and compared by its UTF-8 bytes.
struct ExactString: Hashable, Sendable {
    let value: String

    static func == (lhs: ExactString, rhs: ExactString) -> Bool {
        lhs.value.utf8.elementsEqual(rhs.value.utf8)
    }

    func hash(into hasher: inout Hasher) {
        let hashed: Void? = value.utf8.withContiguousStorageIfAvailable {
            hasher.combine(bytes: UnsafeRawBufferPointer($0))
        }
        if hashed == nil {
            for byte in value.utf8 { hasher.combine(byte) }
        }
    }
}
