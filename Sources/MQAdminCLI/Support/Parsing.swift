import Foundation

/// Addresses as the command line takes them.
enum Address {
    /// "host:port" or "[v6]:port" with a port in range.
    static func isHostPort(_ s: String) -> Bool {
        guard let colon = s.lastIndex(of: ":"), let port = Int(s[s.index(after: colon)...]), (0...65535).contains(port)
        else { return false }
        let host = s[..<colon]
        return !host.isEmpty && !host.contains(" ")
    }

    static func isLoopback(_ s: String) -> Bool {
        s.hasPrefix("127.") || s.hasPrefix("localhost:") || s.hasPrefix("[::1]:")
    }

    /// Splits "a:1;b:2" (also accepting commas and spaces).
    static func list(_ s: String?) -> [String] {
        (s ?? "").split(whereSeparator: { $0 == ";" || $0 == "," || $0 == " " }).map(String.init)
    }
}

extension Duration {
    /// Parses "72h", "30m", "45s", "7d", "500ms" (and combinations like "1h30m").
    static func parse(_ text: String) -> Duration? {
        var total: Int64 = 0
        var number = ""
        var chars = Array(text.trimmingCharacters(in: .whitespaces))
        guard !chars.isEmpty else { return nil }
        var i = 0
        var sawUnit = false
        while i < chars.count {
            let c = chars[i]
            if c.isNumber {
                number.append(c)
                i += 1
                continue
            }
            guard let n = Int64(number) else { return nil }
            let unit: Int64
            if c == "m" && i + 1 < chars.count && chars[i + 1] == "s" {
                unit = 1
                i += 1
            } else {
                switch c {
                case "s": unit = 1000
                case "m": unit = 60_000
                case "h": unit = 3_600_000
                case "d": unit = 86_400_000
                default: return nil
                }
            }
            total += n * unit
            number = ""
            sawUnit = true
            i += 1
        }
        chars.removeAll()
        guard number.isEmpty, sawUnit else { return nil }
        return .milliseconds(total)
    }

    var hours: Double {
        let (s, atto) = components
        return (Double(s) + Double(atto) / 1e18) / 3600
    }
}
