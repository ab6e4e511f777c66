import Foundation

/// Fixtures/known-differences.json: every deliberate (or not yet fixed) way an answer of ours differs in
/// shape from Apache's answer to the same captured request, with its reason. A difference not listed fails
/// the replay test; an entry that no longer matches a difference fails it too.
struct KnownDifferences: Sendable {
    struct Entry: Decodable, Sendable {
        var versions: [String]
        var code: Int32
        var path: String
        var kind: ShapeDifference.Kind
        /// state, not served, addition, not applicable or deliberate.
        var category: String
        /// What the compatibility table says about it (nil: nothing worth a reader's time, e.g. state).
        var note: String?
        var reason: String
    }

    struct Key: Hashable, Sendable, CustomStringConvertible {
        var version: String
        var code: Int32
        var path: String
        var kind: ShapeDifference.Kind
        var description: String { "\(version) request \(code) \(kind.rawValue) \(path)" }
    }

    private let byKey: [Key: Entry]
    /// Entries whose path ends in `*`: they explain every path with that prefix.
    private let prefixed: [(key: Key, entry: Entry)]

    static func load() throws -> KnownDifferences {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/known-differences.json")
        let entries = try JSONDecoder().decode([Entry].self, from: Data(contentsOf: url))
        var byKey: [Key: Entry] = [:]
        var prefixed: [(key: Key, entry: Entry)] = []
        for e in entries {
            precondition(!e.reason.isEmpty, "known-differences.json: \(e.code) \(e.path) has no reason")
            for v in e.versions {
                let key = Key(version: v, code: e.code, path: e.path, kind: e.kind)
                if e.path.hasSuffix("*") { prefixed.append((key, e)) } else { byKey[key] = e }
            }
        }
        return KnownDifferences(byKey: byKey, prefixed: prefixed)
    }

    /// The entry that explains a difference, if one does.
    func entryKey(for key: Key) -> Key? {
        if byKey[key] != nil { return key }
        return prefixed.first {
            $0.key.version == key.version && $0.key.code == key.code && $0.key.kind == key.kind
                && key.path.hasPrefix(String($0.key.path.dropLast()))
        }?.key
    }

    func entry(_ key: Key) -> Entry? {
        byKey[key] ?? prefixed.first { $0.key == key }?.entry
    }

    func entries(version: String) -> [Key] {
        byKey.keys.filter { $0.version == version } + prefixed.map(\.key).filter { $0.version == version }
    }
}
