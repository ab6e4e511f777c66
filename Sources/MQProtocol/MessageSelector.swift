/// The expression types a subscription can carry (Apache's `ExpressionType`).
public enum ExpressionType {
    /// Tags: `*`, or `TagA || TagB`, matched by tag hash codes in the consume queue.
    public static let tag = "TAG"
    /// A SQL92 condition over message properties (docs/sql92-filter.md), evaluated by the broker.
    public static let sql92 = "SQL92"

    /// Apache's `isTagType`: no type, an empty one, or exactly `TAG` (case matters there, so it does here).
    public static func isTag(_ type: String?) -> Bool {
        type == nil || type == "" || type == tag
    }
}

/// What a consumer subscribes to in one topic: an expression and how to read it (Apache's `MessageSelector`).
public struct MessageSelector: Sendable, Hashable, CustomStringConvertible {
    /// `ExpressionType.tag` or `ExpressionType.sql92`.
    public var type: String
    public var expression: String

    public init(type: String, expression: String) {
        self.type = type
        self.expression = expression
    }

    /// Tags: `*` (everything) or `TagA || TagB`.
    public static func tag(_ expression: String = "*") -> MessageSelector {
        MessageSelector(type: ExpressionType.tag, expression: expression)
    }

    /// A SQL92 condition over message properties, e.g. `a > 5 AND region = 'eu'`.
    public static func sql92(_ expression: String) -> MessageSelector {
        MessageSelector(type: ExpressionType.sql92, expression: expression)
    }

    public var isTag: Bool { ExpressionType.isTag(type) }

    public var description: String { isTag ? expression : "\(type)(\(expression))" }
}
