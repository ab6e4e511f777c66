/// PUT_KV_CONFIG (100), GET_KV_CONFIG (101), DELETE_KV_CONFIG (102): a name-server key-value entry.
public struct KVConfigHeader: CommandHeader, Equatable {
    public var namespace: String
    public var key: String
    /// Only for PUT_KV_CONFIG.
    public var value: String?

    public init(namespace: String, key: String, value: String? = nil) {
        self.namespace = namespace
        self.key = key
        self.value = value
    }

    public init(fields f: HeaderFields) throws {
        namespace = try f.require("namespace")
        key = try f.require("key")
        value = f.string("value")
    }

    public func encode(into f: inout [String: String]) {
        f["namespace"] = namespace
        f["key"] = key
        f.put("value", value)
    }

    /// The namespace holding order-topic configurations (`brokerName:queues;...` per topic).
    public static let orderTopicNamespace = "ORDER_TOPIC_CONFIG"
}

/// Apache's topic attributes: the `attributes` field of UPDATE_AND_CREATE_TOPIC (`+key=value` adds or
/// changes, `-key` removes, comma-separated) and the rules a broker applies to them.
public enum TopicAttributes {
    /// One attribute a topic may carry.
    public struct Definition: Sendable {
        public var name: String
        /// Whether an existing topic may change it (Apache fixes some at creation).
        public var changeable: Bool
        /// Allowed values; nil for a numeric range.
        public var values: Set<String>?
        public var range: ClosedRange<Int64>?
    }

    /// Apache 5.3's `TopicAttributes.ALL`.
    public static let all: [String: Definition] = [
        "queue.type": Definition(name: "queue.type", changeable: false, values: ["BatchCQ", "SimpleCQ"]),
        "cleanup.policy": Definition(name: "cleanup.policy", changeable: false, values: ["DELETE", "COMPACTION"]),
        "message.type": Definition(
            name: "message.type", changeable: true,
            values: ["UNSPECIFIED", "NORMAL", "FIFO", "DELAY", "TRANSACTION", "MIXED"]),
        "reserve.time": Definition(name: "reserve.time", changeable: true, range: -1...Int64.max),
    ]

    /// Parses `+a=b,+c=d,-e` into `["+a": "b", "+c": "d", "-e": ""]` (Apache's AttributeParser), or
    /// returns why the text is malformed.
    public static func parse(_ text: String) -> Result<[String: String], AttributeError> {
        var out: [String: String] = [:]
        if text.isEmpty { return .success(out) }
        for item in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            let key: String
            let value: String
            if let eq = item.firstIndex(of: "=") {
                key = String(item[..<eq])
                value = String(item[item.index(after: eq)...])
                guard key.hasPrefix("+"), key.count > 1, !value.isEmpty else {
                    return .failure(AttributeError("\"\(item)\" is not +KEY=VALUE"))
                }
            } else {
                key = item
                value = ""
                guard key.hasPrefix("-"), key.count > 1 else {
                    return .failure(AttributeError("\"\(item)\" is neither +KEY=VALUE nor -KEY"))
                }
            }
            guard out.updateValue(value, forKey: key) == nil else {
                return .failure(AttributeError("\(key) is given twice"))
            }
        }
        return .success(out)
    }

    /// The header form of a modification map (sorted, so requests are reproducible).
    public static func format(_ modification: [String: String]) -> String {
        modification.sorted { $0.key < $1.key }.map { $0.value.isEmpty ? $0.key : "\($0.key)=\($0.value)" }
            .joined(separator: ",")
    }

    /// Applies a modification to a topic's current attributes the way Apache's broker does
    /// (`AttributeUtil.alterCurrentAttributes`): creation only adds; known keys only; values checked;
    /// unchangeable keys fixed after creation; removing a missing key is an error.
    public static func apply(
        _ modification: [String: String], to current: [String: String], creating: Bool
    ) -> Result<[String: String], AttributeError> {
        var result = current
        for (rawKey, value) in modification.sorted(by: { $0.key < $1.key }) {
            let adding = rawKey.hasPrefix("+")
            let key = String(rawKey.dropFirst())
            guard let definition = all[key] else {
                return .failure(
                    AttributeError("unsupported attribute \(key); known: \(all.keys.sorted().joined(separator: ", "))"))
            }
            if creating && !adding {
                return .failure(AttributeError("only adding attributes is allowed when creating a topic (\(rawKey))"))
            }
            if !creating && !definition.changeable && !(adding && current[key] == value) {
                return .failure(AttributeError("attribute \(key) cannot change after the topic is created"))
            }
            guard adding else {
                guard result.removeValue(forKey: key) != nil else {
                    return .failure(AttributeError("cannot remove attribute \(key): the topic does not have it"))
                }
                continue
            }
            if let allowed = definition.values, !allowed.contains(value) {
                return .failure(
                    AttributeError("\(key)=\(value) is invalid; use one of \(allowed.sorted().joined(separator: ", "))")
                )
            }
            if let range = definition.range, !(Int64(value).map(range.contains) ?? false) {
                return .failure(AttributeError("\(key)=\(value) is invalid; use an integer from \(range.lowerBound)"))
            }
            result[key] = value
        }
        return .success(result)
    }

    /// Why an attribute modification was refused.
    public struct AttributeError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }
}
