import MQProtocol
import NIOConcurrencyHelpers

/// Why a subscription's expression cannot be used; `description` is the remark a consumer sees.
enum SubscriptionCompileError: Error, CustomStringConvertible, Sendable {
    case syntax(FilterSyntaxError)
    case unsupportedType(String)

    var description: String {
        switch self {
        case .syntax(let error): return "\(error)"
        case .unsupportedType(let type): return "unsupported expression type \(type); TAG and SQL92 are supported"
        }
    }
}

/// A group's compiled SQL92 subscription to one topic, as its heartbeats registered it (Apache's
/// ConsumerFilterData, without the bloom filter bits).
struct ConsumerFilterData: Sendable {
    var expression: String
    var type: String
    /// The subscription version (a timestamp) the consumer registered it with.
    var clientVersion: Int64
    var compiled: FilterExpression
}

/// The compiled property filters of consumer groups, by topic and group (Apache's ConsumerFilterManager).
///
/// Heartbeats register them with Apache's version rules; a pull that relies on the registered subscription takes
/// the compiled expression from here, so an expression is parsed once per group, topic and version, not per pull.
/// Pulls that carry their subscription compile through a small cache by text. Apache also persists this table
/// (consumerFilter.json) for its bloom-filter bit maps; with no bit maps there is nothing worth keeping, and a
/// group's entries go when its last member does (a pull then finds no subscription before it looks here).
final class ConsumerFilterManager: Sendable {
    /// Topic → group → filter.
    private let table = NIOLockedValueBox<[String: [String: ConsumerFilterData]]>([:])
    /// Topic → group → why its last heartbeat's expression was not registered, for the pull's remark.
    private let rejected = NIOLockedValueBox<[String: [String: String]]>([:])
    /// Compiled expressions (or why not) by type and text, for pulls that send their subscription.
    private let compiledByText = NIOLockedValueBox<[MessageSelector: Compiled]>([:])
    static let maxCachedExpressions = 1024
    typealias Compiled = Result<FilterExpression, SubscriptionCompileError>
    /// A subscription a heartbeat brought that does not compile.
    typealias Refused = (topic: String, why: SubscriptionCompileError)

    /// Parses a non-tag expression of `type` (only SQL92 is known, as in Apache's FilterFactory).
    static func compile(type: String, expression: String) -> Compiled {
        guard type == ExpressionType.sql92 else { return .failure(.unsupportedType(type)) }
        do {
            return .success(try FilterExpression.parse(expression))
        } catch {
            return .failure(.syntax(error))
        }
    }

    /// `compile`, remembering the answer by text (cleared when it grows past `maxCachedExpressions`).
    func compiled(type: String, expression: String) -> Compiled {
        let key = MessageSelector(type: type, expression: expression)
        if let known = compiledByText.withLockedValue({ $0[key] }) { return known }
        let result = Self.compile(type: type, expression: expression)  // outside the lock: parsing is the cost
        compiledByText.withLockedValue { cache in
            if cache.count >= Self.maxCachedExpressions { cache.removeAll(keepingCapacity: true) }
            cache[key] = result
        }
        return result
    }

    /// A heartbeat's subscriptions for `group` (Apache's register): a new SQL92 subscription is compiled and kept
    /// if it parses; a known one is replaced only by a newer version, and dropped if its new expression does not
    /// parse (the consumer's pulls then learn that its filter is missing). Topics the group no longer subscribes
    /// with a property filter are forgotten. Returns the subscriptions that do not compile, with why.
    @discardableResult
    func register(group: String, subscriptions: [SubscriptionData]) -> [Refused] {
        let filtered = subscriptions.filter { !ExpressionType.isTag($0.expressionType) && !$0.subString.isEmpty }
        let known = table.withLockedValue { all in
            Dictionary(filtered.compactMap { s in all[s.topic]?[group].map { (s.topic, $0) } }) { a, _ in a }
        }
        // Compiled outside the lock; applied only over an older version, as another member's heartbeat may
        // have registered a newer one meanwhile.
        var changes: [(topic: String, version: Int64, data: ConsumerFilterData?)] = []
        var failures: [Refused] = []
        for sub in filtered {
            if let old = known[sub.topic] {
                guard sub.subVersion > old.clientVersion else { continue }
                if old.expression == sub.subString && old.type == sub.expressionType {
                    var newer = old
                    newer.clientVersion = sub.subVersion
                    changes.append((sub.topic, sub.subVersion, newer))
                    continue
                }
            }
            switch compiled(type: sub.expressionType, expression: sub.subString) {
            case .success(let expression):
                let data = ConsumerFilterData(
                    expression: sub.subString, type: sub.expressionType, clientVersion: sub.subVersion,
                    compiled: expression)
                changes.append((sub.topic, sub.subVersion, data))
            case .failure(let why):
                failures.append((sub.topic, why))
                if known[sub.topic] != nil { changes.append((sub.topic, sub.subVersion, nil)) }
            }
        }
        let topics = Set(filtered.map(\.topic))
        table.withLockedValue { all in
            for change in changes {
                if let current = all[change.topic]?[group], current.clientVersion >= change.version { continue }
                all[change.topic, default: [:]][group] = change.data
            }
            for topic in all.keys where all[topic]?[group] != nil && !topics.contains(topic) {
                all[topic]?[group] = nil
            }
            for topic in all.keys where all[topic]?.isEmpty == true { all[topic] = nil }
        }
        rejected.withLockedValue { all in
            for topic in all.keys { all[topic]?[group] = nil }
            for failure in failures { all[failure.topic, default: [:]][group] = failure.why.description }
            for topic in all.keys where all[topic]?.isEmpty == true { all[topic] = nil }
        }
        return failures
    }

    /// The group has no members left.
    func unregister(group: String) {
        table.withLockedValue { Self.remove(group, from: &$0) }
        rejected.withLockedValue { Self.remove(group, from: &$0) }
    }

    private static func remove<Value>(_ group: String, from all: inout [String: [String: Value]]) {
        for topic in all.keys {
            all[topic]?[group] = nil
            if all[topic]?.isEmpty == true { all[topic] = nil }
        }
    }

    /// Why the group's last heartbeat subscription to `topic` was not registered, if it was refused.
    func rejection(topic: String, group: String) -> String? {
        rejected.withLockedValue { $0[topic]?[group] }
    }

    func get(topic: String, group: String) -> ConsumerFilterData? {
        table.withLockedValue { $0[topic]?[group] }
    }
}
