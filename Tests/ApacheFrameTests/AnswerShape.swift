import MQProtocol
import NIOCore

/// What of an answer must agree with Apache's: its code, its ext-field names and value types, and its
/// body's kind and shape (JSON keys, types and nesting with fastjson's quirks; property names of
/// `java.util.Properties` text).
struct AnswerShape: Sendable {
    enum Body: Sendable {
        case none
        case json(Shape)
        case properties(Set<String>)
        /// Message records or other bytes that are not text.
        case binary
        case text
    }

    var code: Int32
    var remark: String
    var fields: Shape
    var body: Body

    /// `requestCode` is the code the command answers: it decides which map fields have fixed keys.
    init(_ command: RemotingCommand, answering requestCode: Int32) {
        code = command.code
        remark = command.remark ?? ""
        var fields: [String: Shape] = [:]
        for (key, value) in command.extFields where key != "AccessKey" && key != "Signature" {
            fields[key] = Self.fieldShape(value)
        }
        self.fields = .object(fields)
        body = Self.bodyShape(command.bodyBytes, fixedKeys: Self.fixedKeys[requestCode] ?? [])
    }

    /// ext-field values are strings on the wire; what they hold is what scripts and clients parse.
    static func fieldShape(_ value: String) -> Shape {
        if value == "true" || value == "false" { return .bool }
        if Int64(value) != nil { return .integer }
        if Double(value) != nil, value.contains(".") { return .decimal }
        return .string
    }

    /// Per request code, the map fields whose keys are a fixed schema in its answer.
    static let fixedKeys: [Int32: Set<String>] = [RequestCode.getBrokerRuntimeInfo.rawValue: ["table"]]

    static func bodyShape(_ bytes: [UInt8], fixedKeys: Set<String>) -> Body {
        guard !bytes.isEmpty else { return .none }
        guard let text = String(validating: bytes, as: UTF8.self), !text.contains("\u{0}") else { return .binary }
        let trimmed = text.drop { $0 == " " || $0 == "\n" }
        if trimmed.first == "{" || trimmed.first == "[", let json = try? JSONReader.parse(bytes) {
            return .json(Shape(json, fixedKeys: fixedKeys))
        }
        let lines = text.split(separator: "\n")
        if !lines.isEmpty, lines.allSatisfy({ $0.contains("=") }) {
            return .properties(Set(lines.map { String($0.prefix { $0 != "=" }) }))
        }
        return .text
    }

    /// Every field path of this answer (`extFields.x`, `body.a.b`, properties as `body.key`).
    var paths: Set<String> {
        var out = Set(fields.paths(prefix: "extFields"))
        switch body {
        case .json(let shape): out.formUnion(shape.paths(prefix: "body"))
        case .properties(let keys): out.formUnion(keys.map { "body." + $0 })
        default: break
        }
        return out
    }

    var bodyKind: String {
        switch body {
        case .none: return "none"
        case .json: return "JSON"
        case .properties: return "properties"
        case .binary: return "binary"
        case .text: return "text"
        }
    }

    /// Every difference of `ours` from `apache`.
    static func differences(apache: AnswerShape, ours: AnswerShape) -> [ShapeDifference] {
        var out: [ShapeDifference] = []
        if apache.code != ours.code {
            let detail = "apache \(apache.code) \"\(apache.remark.prefix(80))\", ours \(ours.code) \"\(ours.remark.prefix(80))\""
            out.append(ShapeDifference(path: "code", kind: .code, detail: detail))
            // Another answer altogether: its fields and body are not comparable.
            return out
        }
        out += ShapeDifference.compare(apache: apache.fields, ours: ours.fields, path: "extFields")
        switch (apache.body, ours.body) {
        case (.json(let a), .json(let o)):
            out += ShapeDifference.compare(apache: a, ours: o, path: "body")
        case (.properties(let a), .properties(let o)):
            for key in a.subtracting(o).sorted() {
                out.append(ShapeDifference(path: "body." + key, kind: .missing, detail: "property"))
            }
            for key in o.subtracting(a).sorted() {
                out.append(ShapeDifference(path: "body." + key, kind: .extra, detail: "property"))
            }
        case (.none, .none), (.binary, .binary), (.text, .text):
            break
        default:
            out.append(ShapeDifference(
                path: "body", kind: .bodyKind, detail: "apache \(apache.bodyKind), ours \(ours.bodyKind)"))
        }
        return out
    }
}
