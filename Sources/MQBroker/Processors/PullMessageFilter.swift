import MQProtocol
import NIOCore

/// Which messages a pull delivers (Apache's ExpressionMessageFilter, without its bloom filter).
///
/// A tag subscription is decided in the consume queue by tag hash code. A SQL92 subscription is decided on the
/// stored message: its properties are read from the record (not its body) and the expression must be TRUE;
/// FALSE, NULL (a property it needs is missing) and a failed evaluation all skip the message.
struct PullMessageFilter: Sendable {
    let tags: SubscriptionFilter
    let expression: FilterExpression?

    static func tags(_ expression: String?) -> PullMessageFilter {
        PullMessageFilter(tags: SubscriptionFilter(expression: expression), expression: nil)
    }

    static func sql92(_ expression: FilterExpression) -> PullMessageFilter {
        // The consume queue holds only tag codes: every entry is a candidate.
        PullMessageFilter(tags: SubscriptionFilter(expression: "*"), expression: expression)
    }

    func matches(tagsCode: Int64) -> Bool { tags.matches(tagsCode: tagsCode) }

    /// A message just stored, with its properties at hand (long-poll wake-ups).
    func matches(tagsCode: Int64, properties: MessageProperties) -> Bool {
        guard tags.matches(tagsCode: tagsCode) else { return false }
        guard let expression else { return true }
        return expression.matches { properties[$0] }
    }

    /// The store's filters: by tag code (nil when every code matches), and by stored record for SQL92.
    var tagCodeFilter: ((Int64) -> Bool)? {
        guard tags.codes != nil else { return nil }
        let tags = self.tags
        return { tags.matches(tagsCode: $0) }
    }

    var recordFilter: ((ByteBuffer) -> Bool)? {
        guard let expression else { return nil }
        return { record in
            // An unreadable record has no properties, as Apache's evaluation context without a map.
            let properties = MessageDecoder.properties(ofRecord: record) ?? [:]
            return expression.matches { properties[$0] }
        }
    }
}
