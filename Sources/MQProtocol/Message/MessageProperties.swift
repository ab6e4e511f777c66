/// The properties of a message: an insertion-ordered `String → String` map with RocketMQ's
/// string encoding (wire.md §5.4): each entry is `name \u{1} value \u{2}`.
///
/// Order matters on the wire only for byte-exact round trips, so it is kept: setting an existing
/// name replaces its value in place, new names go to the end. Equality compares entries in order.
public struct MessageProperties: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    /// One name/value pair.
    public struct Entry: Sendable, Equatable {
        /// Property name.
        public var name: String
        /// Property value.
        public var value: String

        /// Creates an entry.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The entries in insertion order. Messages carry a handful, so lookups scan linearly.
    public private(set) var entries: [Entry] = []

    /// An empty map.
    public init() {}

    /// A map with `pairs` in order; a repeated name keeps its first position and last value.
    public init(_ pairs: [(String, String)]) {
        for (name, value) in pairs { self[name] = value }
    }

    /// Same as ``init(_:)``.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// Parses a properties string with Java's rules (`MessageDecoder.string2messageProperties`):
    /// split on `\u{2}`; an entry counts only if a `\u{1}` follows a non-empty name and precedes a
    /// non-empty value; anything else (garbage, empty values, a missing final separator) is skipped.
    public init(decoding string: String) {
        var utf8 = string
        self = utf8.withUTF8 { MessageProperties(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// Parses the UTF-8 bytes of a properties string (see ``init(decoding:)``).
    public init(utf8 bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        var index = 0
        while index < count {
            var end = index
            while end < count && bytes[end] != 0x02 { end += 1 }
            // Java looks for the first 0x01 at or after the entry start, possibly beyond the entry.
            var sep = index
            while sep < end && bytes[sep] != 0x01 { sep += 1 }
            if sep > index && sep < end - 1 {
                let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[index..<sep]), as: UTF8.self)
                let value = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(sep + 1)..<end]), as: UTF8.self)
                self[name] = value
            }
            index = end + 1
        }
    }

    /// Number of entries.
    public var count: Int { entries.count }
    /// Whether there are no entries.
    public var isEmpty: Bool { entries.isEmpty }
    /// Property names in order.
    public var names: [String] { entries.map(\.name) }

    /// The value for `name`; assigning nil removes the entry, assigning a value replaces it in place
    /// or appends it.
    public subscript(name: String) -> String? {
        get { index(of: name).map { entries[$0].value } }
        set {
            if let i = index(of: name) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append(Entry(name: name, value: newValue))
            }
        }
    }

    /// Whether `name` is present.
    public func contains(_ name: String) -> Bool {
        index(of: name) != nil
    }

    /// The position of `name`. Names of another length are passed over without comparing them: every lookup of
    /// the send path (UNIQ_KEY, CLUSTER, TAGS, …) scans all of a message's properties.
    private func index(of name: String) -> Int? {
        let length = name.utf8.count
        return entries.firstIndex { $0.name.utf8.count == length && $0.name == name }
    }

    /// Removes `name`, returning its value if it was present.
    @discardableResult
    public mutating func removeValue(forName name: String) -> String? {
        guard let i = index(of: name) else { return nil }
        return entries.remove(at: i).value
    }

    /// The properties string: `name\u{1}value\u{2}` per entry, in order ("" when empty).
    public func encoded() -> String {
        // Written into the new string's storage: four `+=` per entry cost a producer more per send than the rest
        // of the request's fields (callgrind, docs/performance.md "CPU per message").
        let count = entries.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 2 }
        return String(unsafeUninitializedCapacity: count) { out in
            var at = 0
            func put(_ text: String) {
                at = UnsafeMutableBufferPointer(rebasing: out[at...]).initialize(from: text.utf8).1 + at
            }
            for entry in entries {
                put(entry.name)
                out[at] = 0x01
                at += 1
                put(entry.value)
                out[at] = 0x02
                at += 1
            }
            return at
        }
    }

    /// The UTF-8 bytes of ``encoded()``.
    public func encodedBytes() -> [UInt8] {
        Array(encoded().utf8)
    }

    /// The KEYS property split on spaces, empty tokens dropped (Java `KEY_SEPARATOR`).
    public var keys: [String] {
        guard let value = self[MessageConst.keys] else { return [] }
        // Split the UTF-8 view: splitting Characters (grapheme clusters) is much slower.
        return value.utf8.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: true)
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// The TAGS property.
    public var tags: String? { self[MessageConst.tags] }

    /// The UNIQ_KEY property (client message id).
    public var uniqueKey: String? { self[MessageConst.uniqueKey] }

    /// Iterates the entries in order.
    public func makeIterator() -> IndexingIterator<[Entry]> {
        entries.makeIterator()
    }
}
