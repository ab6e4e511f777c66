import ArgumentParser
import Foundation
import MQProtocol

/// Addresses as the command line takes them; `HostPort` (MQProtocol) decides what `host:port` is.
enum Address {
    static let nameServerExample = "127.0.0.1:9876"
    static let brokerExample = "127.0.0.1:10911"

    /// Refuses `text` unless it is `host:port`, naming `what` it should be and showing `example`.
    static func validate(_ text: String, what: String, example: String = nameServerExample) throws {
        guard HostPort(text) == nil else { return }
        throw ValidationError(HostPort.Invalid(text: text, what: what, example: example).description)
    }

    static func isLoopback(_ s: String) -> Bool {
        guard let host = HostPort(s)?.host else { return false }
        return host.hasPrefix("127.") || host == "localhost" || host == "::1"
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

    /// Whole milliseconds.
    var milliseconds: Int64 {
        let (s, atto) = components
        return s * 1000 + atto / 1_000_000_000_000_000
    }
}
