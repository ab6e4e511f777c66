/// A SQL92 message filter, as consumers subscribe with `expressionType=SQL92`: Apache RocketMQ's selector
/// language (its `filter` module, 5.3.3), with Apache's grammar and Apache's rules for nulls and types.
///
/// ```swift
/// let filter = try FilterExpression.parse("a > 5 AND region = 'eu'")
/// filter.matches(["a": "7", "region": "eu"])   // true
/// ```
///
/// A message's properties are strings (Apache's `MessageEvaluationContext`); its tags are the `TAGS`
/// property, so `TAGS = 'TagA'` works when the caller passes the properties as stored. What a value means
/// in a comparison is decided by the literal it is compared with: `a > 5` reads `a` as a Java int, `a > 5.0`
/// as a double (see `JavaComparison`). docs/sql92-filter.md lists every rule and where Apache differs from
/// the SQL reading.
public struct FilterExpression: Sendable, CustomStringConvertible {
    /// The expression as the consumer sent it.
    public let text: String
    let root: FilterNode

    /// Parses an expression; a malformed one throws an error naming the problem and its position.
    public static func parse(_ text: String, limits: FilterLimits = FilterLimits()) throws(FilterSyntaxError)
        -> FilterExpression
    {
        FilterExpression(text: text, root: try FilterParser.parse(text, limits: limits))
    }

    /// Whether a message with these properties is delivered: only when the expression is TRUE (Apache drops
    /// a message whose expression is FALSE, unknown, or fails to evaluate).
    public func matches(_ properties: [String: String]) -> Bool {
        evaluate(properties) == .matched
    }

    /// `matches` for properties held some other way than a dictionary.
    public func matches(property: (String) -> String?) -> Bool {
        evaluate(property: property) == .matched
    }

    /// The three-valued result, or why evaluating failed (a broker logs it; the message is not delivered).
    public func evaluate(_ properties: [String: String]) -> FilterOutcome {
        evaluate { properties[$0] }
    }

    public func evaluate(property: (String) -> String?) -> FilterOutcome {
        do throws(FilterEvaluationError) {
            switch try root.evaluateCondition(property) {
            case true?: return .matched
            case false?: return .notMatched
            case nil: return .unknown
            }
        } catch {
            return .failed(error.reason)
        }
    }

    public var description: String { text }
}

/// What an expression says about one message.
public enum FilterOutcome: Sendable, Equatable {
    /// TRUE: the message is delivered.
    case matched
    /// FALSE.
    case notMatched
    /// NULL: a property it needs is missing (SQL's unknown); not delivered.
    case unknown
    /// Evaluation failed (Apache throws, e.g. `a > 5` where `a` is `"abc"`); not delivered.
    case failed(String)
}

/// Bounds on what `FilterExpression.parse` accepts, so hostile input cannot exhaust memory or the stack.
/// Apache has none; real expressions are far below both.
public struct FilterLimits: Sendable, Equatable {
    /// The longest expression, in UTF-8 bytes.
    public var maxLength: Int
    /// The deepest nesting: of parentheses and unary operators while parsing, and of the parsed expression
    /// tree (which is evaluated recursively). An `AND` or `OR` chain counts as one level however long.
    public var maxDepth: Int

    public init(maxLength: Int = 65_536, maxDepth: Int = 100) {
        self.maxLength = maxLength
        self.maxDepth = maxDepth
    }
}

/// Why an expression is refused; `description` is the text a broker puts in its remark.
public struct FilterSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the problem is: 1 is the first character, counted in Unicode scalars.
    public let position: Int
    public let message: String

    public init(position: Int, message: String) {
        self.position = position
        self.message = message
    }

    public var description: String { "\(message) at position \(position)" }
}

/// Why evaluating an expression against one message failed.
struct FilterEvaluationError: Error {
    let reason: String
}
