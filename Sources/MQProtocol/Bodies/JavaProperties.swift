/// `java.util.Properties` text, the body of the configuration codes (GET/UPDATE_BROKER_CONFIG,
/// GET/UPDATE_NAMESRV_CONFIG). Apache writes it as raw `key=value` lines (MixAll.properties2String, keys sorted
/// in 5.x) and reads it with `Properties.load`, which this parser follows: `#`/`!` comments, `=`, `:` or
/// whitespace between key and value, backslash escapes (`\uXXXX` included) and line continuations.
public enum JavaProperties {
    /// `key=value` lines sorted by key, each ending in a newline (Apache 5.x's form).
    public static func render(_ values: [String: String]) -> String {
        values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)\n" }.joined()
    }

    /// The pairs of `text`, later keys replacing earlier ones.
    public static func parse(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in logicalLines(text) {
            let chars = Array(line.drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" })
            guard let first = chars.first, first != "#", first != "!" else { continue }
            var key: [Character] = []
            var i = 0
            while i < chars.count {
                let c = chars[i]
                if c == "\\", i + 1 < chars.count {
                    key.append(contentsOf: [c, chars[i + 1]])
                    i += 2
                    continue
                }
                if c == "=" || c == ":" || c == " " || c == "\t" { break }
                key.append(c)
                i += 1
            }
            // Skip the separator: whitespace, then at most one '=' or ':', then whitespace.
            while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
            if i < chars.count, chars[i] == "=" || chars[i] == ":" { i += 1 }
            while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
            out[unescape(key)] = unescape(Array(chars[i...]))
        }
        return out
    }

    /// Physical lines joined where one ends in an odd number of backslashes (Java's continuation).
    private static func logicalLines(_ text: String) -> [String] {
        var out: [String] = []
        var pending = ""
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = pending.isEmpty ? String(raw) : String(raw.drop { $0 == " " || $0 == "\t" })
            let trailing = line.reversed().prefix { $0 == "\\" }.count
            if trailing % 2 == 1 {
                pending += line.dropLast()
            } else {
                out.append(pending + line)
                pending = ""
            }
        }
        if !pending.isEmpty { out.append(pending) }
        return out
    }

    private static func unescape(_ chars: [Character]) -> String {
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            guard c == "\\", i + 1 < chars.count else {
                out.append(c)
                i += 1
                continue
            }
            let next = chars[i + 1]
            switch next {
            case "t": out.append("\t")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "f": out.append("\u{0C}")
            case "u" where i + 5 < chars.count:
                if let v = UInt32(String(chars[(i + 2)...(i + 5)]), radix: 16), let scalar = Unicode.Scalar(v) {
                    out.append(Character(scalar))
                    i += 6
                    continue
                }
                out.append(next)
            default: out.append(next)
            }
            i += 2
        }
        return out
    }
}
