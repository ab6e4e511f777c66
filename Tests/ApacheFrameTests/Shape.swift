import MQProtocol

/// The shape of an answer, for comparing ours with Apache's: which keys, which value types, which nesting
/// — not the values, which depend on each store's data.
indirect enum Shape: Equatable, CustomStringConvertible, Sendable {
    case null
    case bool
    case integer
    case decimal
    case string
    /// Elements merged into one shape (nil: no element seen).
    case array(Shape?)
    /// Fixed keys.
    case object([String: Shape])
    /// Keys that are data (topic names, queue objects…); `keys` says how fastjson wrote them.
    case map(keys: KeyKind, value: Shape?)

    enum KeyKind: String, Sendable {
        case string, number, object
    }

    /// Fields whose keys are data, not schema (Apache's maps).
    static let mapFields: Set<String> = [
        "brokerAddrTable", "clusterAddrTable", "brokerAddrs", "filterServerTable", "offsetTable", "topicConfigTable",
        "subscriptionGroupTable", "table", "subscriptionTable", "mqTable", "statusTable", "properties",
        "topicQueueMappingInfoMap", "topicQueueMappingDetailMap", "attributes", "groupRetryPolicy",
        "consumeStatsList", "topicQueueTable", "brokerLiveTable",
    ]

    /// Map fields whose keys are schema in some answers: GET_BROKER_RUNTIME_INFO's `table` is a fixed set of
    /// named values, KV lists' `table` is data.
    init(_ value: JSONValue, field: String? = nil, fixedKeys: Set<String> = []) {
        switch value {
        case .null: self = .null
        case .bool: self = .bool
        case .number(let text): self = text.contains(where: { ".eE".contains($0) }) ? .decimal : .integer
        case .string: self = .string
        case .array(let items):
            self = .array(
                items.reduce(nil) { merged, item in Shape.merge(merged, Shape(item, field: field, fixedKeys: fixedKeys)) })
        case .object(let members):
            let nonStringKey = members.first { if case .string = $0.key { return false } else { return true } }
            if let key = nonStringKey?.key {
                if case .object = key {
                    self = .map(keys: .object, value: Shape.mergeValues(members, field: field))
                } else {
                    self = .map(keys: .number, value: Shape.mergeValues(members, field: field))
                }
            } else if let field, Shape.mapFields.contains(field), !fixedKeys.contains(field) {
                self = .map(keys: .string, value: Shape.mergeValues(members, field: nil))
            } else {
                var fields: [String: Shape] = [:]
                for m in members {
                    let key = Shape.schemaKey(m.key.keyText ?? "")
                    fields[key] = Shape(m.value, field: key, fixedKeys: fixedKeys)
                }
                self = .object(fields)
            }
        }
    }

    /// A fixed key with data inside it: runtime info's `commitLogDiskRatio_<store path>`.
    static func schemaKey(_ key: String) -> String {
        key.hasPrefix("commitLogDiskRatio_") ? "commitLogDiskRatio_{path}" : key
    }

    private static func mergeValues(_ members: [JSONMember], field: String?) -> Shape? {
        members.reduce(nil) { merged, m in merge(merged, Shape(m.value, field: nil)) }
    }

    /// The union of two shapes of the same place (array elements, map values).
    static func merge(_ a: Shape?, _ b: Shape?) -> Shape? {
        guard let a else { return b }
        guard let b else { return a }
        switch (a, b) {
        case (.object(let x), .object(let y)): return .object(x.merging(y) { merge($0, $1) ?? $0 })
        case (.array(let x), .array(let y)): return .array(merge(x, y))
        case (.map(let k, let x), .map(_, let y)): return .map(keys: k, value: merge(x, y))
        case (.integer, .decimal), (.decimal, .integer): return .decimal
        case (.null, let other), (let other, .null): return other
        default: return a
        }
    }

    /// Every path inside this shape (`a.b`, `a[]`, `a{}`), for telling which fields a version has.
    func paths(prefix: String) -> [String] {
        switch self {
        case .object(let fields):
            return fields.flatMap { key, value in [prefix + "." + key] + value.paths(prefix: prefix + "." + key) }
        case .array(let element):
            return element.map { [prefix + "[]"] + $0.paths(prefix: prefix + "[]") } ?? []
        case .map(_, let value):
            return value.map { [prefix + "{}"] + $0.paths(prefix: prefix + "{}") } ?? []
        default:
            return []
        }
    }

    var description: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .integer: return "integer"
        case .decimal: return "decimal"
        case .string: return "string"
        case .array(let e): return "[\(e?.description ?? "")]"
        case .object: return "object"
        case .map(let k, _): return "map(\(k.rawValue) keys)"
        }
    }
}

/// One way our answer's shape differs from Apache's, at a path such as `body.brokerDatas[].brokerAddrs`.
struct ShapeDifference: Hashable, CustomStringConvertible, Sendable {
    enum Kind: String, Sendable, Codable {
        /// Apache has it, we do not.
        case missing
        /// We have it, Apache does not.
        case extra
        /// Both have it with different types or structure.
        case type
        /// Different response codes.
        case code
        /// The body is of another kind (JSON vs properties text vs binary vs none).
        case bodyKind
    }
    var path: String
    var kind: Kind
    var detail: String

    var description: String { "\(kind.rawValue) \(path): \(detail)" }

    static func compare(apache: Shape?, ours: Shape?, path: String) -> [ShapeDifference] {
        switch (apache, ours) {
        case (nil, nil): return []
        case (let a?, nil):
            return [ShapeDifference(path: path, kind: .missing, detail: a.description)]
        case (nil, let o?):
            return [ShapeDifference(path: path, kind: .extra, detail: o.description)]
        case (let a?, let o?):
            return compare(a, o, path: path)
        }
    }

    private static func compare(_ a: Shape, _ o: Shape, path: String) -> [ShapeDifference] {
        switch (a, o) {
        case (.object(let x), .object(let y)):
            return Set(x.keys).union(y.keys).sorted().flatMap {
                compare(apache: x[$0], ours: y[$0], path: path + "." + $0)
            }
        case (.array(let x), .array(let y)):
            // An empty array says nothing about its elements.
            guard x != nil, y != nil else { return [] }
            return compare(apache: x, ours: y, path: path + "[]")
        case (.map(let kx, let x), .map(let ky, let y)):
            var out: [ShapeDifference] = []
            // An empty map says nothing about how its keys are written.
            if kx != ky, x != nil, y != nil {
                out.append(ShapeDifference(path: path, kind: .type, detail: "apache \(a), ours \(o)"))
            }
            guard x != nil, y != nil else { return out }
            return out + compare(apache: x, ours: y, path: path + "{}")
        case (.null, _), (_, .null):
            // A null says nothing about the type the other side has there.
            return []
        default:
            return a == o ? [] : [ShapeDifference(path: path, kind: .type, detail: "apache \(a), ours \(o)")]
        }
    }
}
