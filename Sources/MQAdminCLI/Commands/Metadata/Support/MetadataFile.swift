import ArgumentParser
import Foundation
import Yams

/// The two spellings of a metadata document.
enum MetadataFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case yaml, json

    /// By extension: `.json` is JSON, anything else YAML (the default spelling).
    static func of(path: String) -> MetadataFormat {
        path.lowercased().hasSuffix(".json") ? .json : .yaml
    }
}

/// Reads and writes metadata documents. Both spellings are read with Yams (JSON is YAML's flow style), so a
/// mistake in either is reported with its line.
enum MetadataFile {
    static func encode(_ document: MetadataDocument, format: MetadataFormat) throws -> String {
        switch format {
        case .json:
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try e.encode(document), as: UTF8.self) + "\n"
        case .yaml:
            // Keys in the model's order (apiVersion first) for people; the few maps are sorted by the model.
            let e = YAMLEncoder()
            e.options.indent = 2
            e.options.width = -1
            e.options.allowUnicode = true
            return try e.encode(document)
        }
    }

    /// Reads `path` (`-` is standard input). Every failure is one CLIError (exit 2) naming the file, the line
    /// when known, and what is wrong.
    static func read(_ path: String) throws -> MetadataDocument {
        let data: Data
        if path == "-" {
            data = Console.current.readAll()
        } else {
            guard let d = FileManager.default.contents(atPath: path) else {
                throw CLIError("cannot read \(path); check the path and its permissions", exit: .usage)
            }
            data = d
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError("\(path) is not UTF-8 text", exit: .usage)
        }
        return try decode(text, name: path)
    }

    static func decode(_ text: String, name: String) throws -> MetadataDocument {
        let node: Node
        do {
            guard let n = try Yams.compose(yaml: text) else {
                throw CLIError("\(name) is empty; see docs/metadata.md for a sample", exit: .usage)
            }
            node = n
        } catch let error as YamlError {
            throw CLIError("\(name): \(oneLine(error))", exit: .usage)
        }
        do {
            return try YAMLDecoder().decode(MetadataDocument.self, from: node)
        } catch let error as DecodingError {
            throw CLIError("\(name): \(describe(error, in: node))", exit: .usage)
        }
    }

    /// Yams' message without the snippet it appends: `line 3, column 7: mapping values are not allowed here`.
    static func oneLine(_ error: YamlError) -> String {
        let first = error.description.split(separator: "\n").first.map(String.init) ?? "\(error)"
        // "3:7: error: scanner: <context>problem:" → "line 3, column 7: scanner: problem"
        let parts = first.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, let line = Int(parts[0]), let column = Int(parts[1]) else { return first }
        var rest = parts[3].trimmingCharacters(in: .whitespaces)
        if rest.hasPrefix("error: ") { rest.removeFirst("error: ".count) }
        if rest.hasSuffix(":") { rest.removeLast() }
        return "line \(line), column \(column): \(rest)"
    }

    /// `line 12 (topics[1].readQueue): unknown field readQueue; known: ...`.
    static func describe(_ error: DecodingError, in root: Node) -> String {
        let (path, what): ([any CodingKey], String)
        switch error {
        case .typeMismatch(let type, let c): (path, what) = (c.codingPath, "expected \(typeName(type))")
        case .valueNotFound(let type, let c): (path, what) = (c.codingPath, "expected \(typeName(type)), found null")
        case .keyNotFound(let key, let c): (path, what) = (c.codingPath, "required field \(key.stringValue) is missing")
        case .dataCorrupted(let c): (path, what) = (c.codingPath, c.debugDescription)
        @unknown default: return "\(error)"
        }
        let place = pathText(path)
        let line = mark(of: path, in: root).map { "line \($0.line)" }
        let prefix = [line, place.isEmpty ? nil : "(\(place))"].compactMap { $0 }.joined(separator: " ")
        return prefix.isEmpty ? what : "\(prefix): \(what)"
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Bool.Type: return "true or false"
        case is Int32.Type, is Int64.Type, is Int.Type: return "a whole number"
        default: return "\(type)"
        }
    }

    /// `topics[1].readQueue`.
    static func pathText(_ path: [any CodingKey]) -> String {
        var out = ""
        for key in path {
            if let i = key.intValue {
                out += "[\(i)]"
            } else {
                out += (out.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return out
    }

    /// Where the deepest node of `path` that exists starts.
    static func mark(of path: [any CodingKey], in root: Node) -> Mark? {
        var node = root
        var best = root.mark
        for key in path {
            let next: Node?
            if let i = key.intValue, let seq = node.sequence {
                next = seq.indices.contains(i) ? seq[i] : nil
            } else {
                next = node[key.stringValue]
            }
            guard let next else { break }
            node = next
            best = next.mark ?? best
        }
        return best
    }
}
