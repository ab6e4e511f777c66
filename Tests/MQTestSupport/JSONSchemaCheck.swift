import MQProtocol

/// A JSON Schema (draft 2020-12) validator for the subset docs/schemas/ uses: `type` (one or a list, so
/// `["string", "null"]` is a nullable string), `properties`, `required`, `additionalProperties` (false or a
/// schema), `items`, `enum`, `const`, `anyOf`, and `$ref` to `#/$defs/NAME`. Any other keyword is reported as
/// a problem rather than ignored, so a schema never checks less than it seems to.
public struct JSONSchemaCheck: Sendable {
    let root: JSONValue

    public init(schema text: String) throws {
        root = try JSONReader.parse(text)
    }

    /// Keywords that only describe (no check of their own), besides `$defs`, which `$ref` reads.
    static let annotations: Set<String> = ["$schema", "$id", "$defs", "$comment", "title", "description", "examples"]
    static let checked: Set<String> = [
        "type", "properties", "required", "additionalProperties", "items", "enum", "const", "anyOf", "$ref",
    ]

    /// What is wrong with `instance`, one `path: problem` line each; empty when it is valid.
    public func problems(_ instance: JSONValue) -> [String] {
        var found: [String] = []
        check(instance, against: root, at: "$", into: &found)
        return found
    }

    /// `problems` of a document given as text (a parse failure is the one problem).
    public func problems(_ text: String) -> [String] {
        do {
            return problems(try JSONReader.parse(text))
        } catch {
            return ["$: not JSON (\(error))"]
        }
    }

    private func check(_ value: JSONValue, against schema: JSONValue, at path: String, into found: inout [String]) {
        if case .bool(let allowed) = schema {
            if !allowed { found.append("\(path): not allowed here") }
            return
        }
        guard case .object(let members) = schema else { return found.append("\(path): schema is not an object") }
        for member in members {
            guard let key = member.key.keyText else { continue }
            if !Self.annotations.contains(key) && !Self.checked.contains(key) {
                found.append("\(path): schema keyword \(key) is not supported by JSONSchemaCheck")
            }
        }
        if case .string(let ref)? = schema["$ref"] {
            guard let target = resolve(ref) else { return found.append("\(path): cannot resolve \(ref)") }
            check(value, against: target, at: path, into: &found)
        }
        if let type = schema["type"] {
            let names: [String]
            switch type {
            case .string(let one): names = [one]
            case .array(let many): names = many.compactMap { if case .string(let s) = $0 { s } else { nil } }
            default: names = []
            }
            guard names.contains(where: { Self.matches(value, type: $0) }) else {
                return found.append("\(path): \(Self.describe(value)) is not \(names.joined(separator: " or "))")
            }
        }
        if case .array(let allowed)? = schema["enum"], !allowed.contains(value) {
            found.append("\(path): \(Self.describe(value)) is not one of the enum values")
        }
        if let constant = schema["const"], constant != value {
            found.append("\(path): \(Self.describe(value)) is not the const value")
        }
        if case .array(let options)? = schema["anyOf"] {
            let fits = options.contains { option in
                var sub: [String] = []
                check(value, against: option, at: path, into: &sub)
                return sub.isEmpty
            }
            if !fits { found.append("\(path): matches none of anyOf") }
        }
        if case .object(let fields) = value { checkObject(fields, schema, path, &found) }
        if case .array(let elements) = value, let items = schema["items"] {
            for (i, element) in elements.enumerated() {
                check(element, against: items, at: "\(path)[\(i)]", into: &found)
            }
        }
    }

    private func checkObject(_ fields: [JSONMember], _ schema: JSONValue, _ path: String, _ found: inout [String]) {
        let names = fields.compactMap(\.key.keyText)
        if case .array(let required)? = schema["required"] {
            for case .string(let name) in required where !names.contains(name) {
                found.append("\(path): required field \(name) is missing")
            }
        }
        var declared: [String: JSONValue] = [:]
        if case .object(let properties)? = schema["properties"] {
            for p in properties { if let k = p.key.keyText { declared[k] = p.value } }
        }
        let additional = schema["additionalProperties"]
        for field in fields {
            guard let name = field.key.keyText else { continue }
            if let sub = declared[name] {
                check(field.value, against: sub, at: "\(path).\(name)", into: &found)
            } else if let additional {
                check(field.value, against: additional, at: "\(path).\(name)", into: &found)
            }
        }
    }

    private func resolve(_ ref: String) -> JSONValue? {
        guard ref.hasPrefix("#/$defs/") else { return nil }
        return root["$defs"]?[String(ref.dropFirst("#/$defs/".count))]
    }

    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object),
            ("number", .number):
            return true
        case ("integer", .number(let text)): return !text.contains { ".eE".contains($0) }
        default: return false
        }
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let b): "boolean \(b)"
        case .number(let n): "number \(n)"
        case .string(let s): "string \"\(s.prefix(40))\""
        case .array: "an array"
        case .object: "an object"
        }
    }
}
