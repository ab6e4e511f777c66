/// Base64 (RFC 4648) without Foundation: the standard alphabet (ACL signatures) and the URL-safe one of §5, "-" and
/// "_" for "+" and "/" (recall handles). Written with padding, read with or without it.
enum Base64 {
    enum Alphabet {
        case standard, urlSafe

        var symbols: [UInt8] {
            let last2 = self == .standard ? "+/" : "-_"
            return Array(("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789" + last2).utf8)
        }
    }

    static func encode(_ bytes: [UInt8], _ alphabet: Alphabet = .standard) -> String {
        let symbols = alphabet.symbols
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(i + 1 < bytes.count ? bytes[i + 1] : 0) << 8
                | UInt32(i + 2 < bytes.count ? bytes[i + 2] : 0)
            out.append(symbols[Int(n >> 18 & 63)])
            out.append(symbols[Int(n >> 12 & 63)])
            out.append(i + 1 < bytes.count ? symbols[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? symbols[Int(n & 63)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Nil for a character outside the alphabet, misplaced padding or an impossible length (Java throws).
    static func decode(_ text: String, _ alphabet: Alphabet = .standard) -> [UInt8]? {
        var chars = Array(text.utf8)
        if chars.count % 4 == 0, chars.last == UInt8(ascii: "=") {
            chars.removeLast()
            if chars.last == UInt8(ascii: "=") { chars.removeLast() }
        }
        guard chars.count % 4 != 1 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for c in chars {
            guard let v = value(of: c, alphabet) else { return nil }
            buffer = buffer << 6 | v
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return out
    }

    private static func value(of c: UInt8, _ alphabet: Alphabet) -> UInt32? {
        switch c {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return UInt32(c - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return UInt32(c - UInt8(ascii: "a") + 26)
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - UInt8(ascii: "0") + 52)
        case UInt8(ascii: "+") where alphabet == .standard, UInt8(ascii: "-") where alphabet == .urlSafe: return 62
        case UInt8(ascii: "/") where alphabet == .standard, UInt8(ascii: "_") where alphabet == .urlSafe: return 63
        default: return nil
        }
    }
}
