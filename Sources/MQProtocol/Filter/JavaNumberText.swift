/// Java's readings of a property's text, which Apache's comparisons use (`Integer.valueOf`, `Long.valueOf`,
/// `Double.valueOf`, `Boolean.valueOf`): a value is a number only if Java would read it as one, so the same
/// message matches the same filters here and on an Apache broker.
enum JavaNumberText {
    /// `Integer.valueOf(String)`: an optional sign and decimal digits, no spaces, in range; nil where Java
    /// throws `NumberFormatException`.
    static func int32(_ text: String) -> Int32? {
        integer(text, magnitudeLimit: UInt64(Int32.max)).map { Int32($0) }
    }

    /// `Long.valueOf(String)`.
    static func int64(_ text: String) -> Int64? {
        integer(text, magnitudeLimit: UInt64(Int64.max))
    }

    /// `Boolean.valueOf(String)`: true only for "true" in any case; never fails.
    static func bool(_ text: String) -> Bool {
        // Setting the 0x20 bit lowers exactly the ASCII letters, and no other byte becomes t, r, u or e.
        text.utf8.count == 4 && text.utf8.map { $0 | 0x20 }.elementsEqual("true".utf8)
    }

    /// `Integer.parseInt`/`Long.parseLong` in base 10. Java reads any Unicode decimal digit (Arabic-Indic,
    /// fullwidth, ...) through `Character.digit`, one UTF-16 unit at a time.
    private static func integer(_ text: String, magnitudeLimit: UInt64) -> Int64? {
        var units = text.utf16[...]
        guard let first = units.first else { return nil }
        let (minus, plus): (UInt16, UInt16) = (0x2D, 0x2B)
        let negative = first == minus
        if negative || first == plus { units = units.dropFirst() }
        guard !units.isEmpty else { return nil }
        // A negative number may reach one more than the positive limit (Integer.MIN_VALUE).
        let limit = negative ? magnitudeLimit + 1 : magnitudeLimit
        var magnitude: UInt64 = 0
        for unit in units {
            guard let digit = decimalDigit(unit) else { return nil }
            let (times10, overflowed) = magnitude.multipliedReportingOverflow(by: 10)
            guard !overflowed, times10 <= limit, limit - times10 >= digit else { return nil }
            magnitude = times10 + digit
        }
        if negative { return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude) }
        return Int64(magnitude)
    }

    private static func decimalDigit(_ unit: UInt16) -> UInt64? {
        if unit >= 0x30 && unit <= 0x39 { return UInt64(unit - 0x30) }
        guard unit >= 0x80, let scalar = Unicode.Scalar(unit),
            scalar.properties.generalCategory == .decimalNumber,
            let value = scalar.properties.numericValue
        else { return nil }
        return UInt64(value)
    }
}

extension JavaNumberText {
    /// `Double.valueOf(String)` (Java's `FloatingDecimal`): control characters and spaces around are ignored;
    /// then a sign, `NaN`, `Infinity`, a hexadecimal `0x1.8p3`, or decimal digits with an optional point and
    /// exponent, and an optional `f`/`F`/`d`/`D` suffix. nil where Java throws.
    static func double(_ text: String) -> Double? {
        let units = Array(text.utf16)
        // String.trim(): everything up to U+0020.
        guard let first = units.firstIndex(where: { $0 > 0x20 }),
            let last = units.lastIndex(where: { $0 > 0x20 })
        else { return nil }
        var chars: [UInt8] = []
        chars.reserveCapacity(last - first + 1)
        for unit in units[first...last] {
            guard unit < 0x80 else { return nil }
            chars.append(UInt8(unit))
        }
        var scan = DoubleText(chars: chars)
        return scan.read()
    }
}

/// The grammar of Java's `FloatingDecimal.readJavaFormatString`, checked by hand; the conversion itself is
/// Swift's (both round to nearest), on the same digits.
private struct DoubleText {
    let chars: [UInt8]
    var index = 0

    init(chars: [UInt8]) { self.chars = chars }

    mutating func read() -> Double? {
        var sign = ""
        if peek("+") || peek("-") {
            sign = peek("-") ? "-" : ""
            index += 1
        }
        let rest = String(decoding: chars[index...], as: UTF8.self)
        if rest == "NaN" { return .nan }
        if rest == "Infinity" { return sign == "-" ? -.infinity : .infinity }
        if peek("0") && index + 1 < chars.count && (chars[index + 1] | 0x20) == UInt8(ascii: "x") {
            return hexadecimal(sign: sign)
        }
        return decimal(sign: sign)
    }

    private mutating func decimal(sign: String) -> Double? {
        let start = index
        var digits = 0
        var sawPoint = false
        while index < chars.count {
            if isDigit(chars[index]) {
                digits += 1
            } else if chars[index] == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        if index < chars.count, (chars[index] | 0x20) == UInt8(ascii: "e") {
            index += 1
            if peek("+") || peek("-") { index += 1 }
            guard skipDigits(isDigit) > 0 else { return nil }
        }
        let number = sign + String(decoding: chars[start..<index], as: UTF8.self)
        guard skipSuffix() else { return nil }
        return Double(number)
    }

    /// `[-+]?0[xX]((hex+ .?)|(hex* . hex+))[pP][-+]?digit+[fFdD]?`, the binary exponent required.
    private mutating func hexadecimal(sign: String) -> Double? {
        index += 2
        let mantissaStart = index
        let before = skipDigits(isHexDigit)
        var after = 0
        if peek(".") {
            index += 1
            after = skipDigits(isHexDigit)
        }
        guard before + after > 0 else { return nil }
        let mantissa = String(decoding: chars[mantissaStart..<index], as: UTF8.self)
        guard index < chars.count, (chars[index] | 0x20) == UInt8(ascii: "p") else { return nil }
        index += 1
        let exponentStart = index
        if peek("+") || peek("-") { index += 1 }
        guard skipDigits(isDigit) > 0 else { return nil }
        let exponent = String(decoding: chars[exponentStart..<index], as: UTF8.self)
        guard skipSuffix() else { return nil }
        return Double(sign + "0x" + mantissa + "p" + exponent)
    }

    /// At most one type suffix, then the end.
    private mutating func skipSuffix() -> Bool {
        if index < chars.count, "fFdD".utf8.contains(chars[index]) { index += 1 }
        return index == chars.count
    }

    private mutating func skipDigits(_ accepts: (UInt8) -> Bool) -> Int {
        let start = index
        while index < chars.count && accepts(chars[index]) { index += 1 }
        return index - start
    }

    private func peek(_ char: Unicode.Scalar) -> Bool {
        index < chars.count && chars[index] == UInt8(ascii: char)
    }

    private func isDigit(_ char: UInt8) -> Bool { char >= 0x30 && char <= 0x39 }

    private func isHexDigit(_ char: UInt8) -> Bool {
        isDigit(char) || ((char | 0x20) >= UInt8(ascii: "a") && (char | 0x20) <= UInt8(ascii: "f"))
    }
}
