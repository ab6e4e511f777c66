/// One token of an expression and where it is (offsets in Unicode scalars, `end` exclusive).
struct FilterToken: Sendable {
    enum Kind: Equatable, Sendable {
        case keyword(FilterKeyword)
        /// Digits of a decimal integer literal, its `L` suffix dropped.
        case integer(String)
        /// A floating-point literal as written (`5.5`, `5.`, `.5`, `5E10`).
        case decimal(String)
        /// A string literal's value, `''` already read as `'`.
        case string(String)
        case identifier(String)
        case symbol(FilterSymbol)
        case end
    }

    let kind: Kind
    let start: Int
    let end: Int

    var keyword: FilterKeyword? {
        if case .keyword(let keyword) = kind { return keyword }
        return nil
    }

    var symbol: FilterSymbol? {
        if case .symbol(let symbol) = kind { return symbol }
        return nil
    }
}

/// Apache's reserved words, matched in any case; no property can be named like one.
enum FilterKeyword: String, CaseIterable, Sendable {
    case not = "NOT", and = "AND", or = "OR", between = "BETWEEN", `in` = "IN", `true` = "TRUE", `false` = "FALSE"
    case null = "NULL", `is` = "IS", contains = "CONTAINS", startsWith = "STARTSWITH", endsWith = "ENDSWITH"
}

enum FilterSymbol: String, Sendable {
    case equal = "=", notEqual = "<>", greater = ">", greaterOrEqual = ">=", less = "<", lessOrEqual = "<="
    case open = "(", comma = ",", close = ")", plus = "+", minus = "-"
}

/// The tokens of `SelectorParser.jj`, read on demand like JavaCC's token manager, longest match first.
///
/// - white space: space, tab, line feed, carriage return, form feed; comments `-- ...` up to a line end and
///   `/* ... */` (a `--` with no line end after it is two minus signs, as in Apache);
/// - identifiers: an ASCII letter, `_` or `$`, then letters, digits, `_`, `$` (no dots or dashes);
/// - integers: `0`, or a non-zero digit and digits, optionally `L` (no hex or octal: Apache removed them,
///   so `0x1F` is `0` followed by the identifier `x1F`, and `012` is `0` followed by `12`);
/// - decimals: `5.5`, `5.`, `.5`, each with an optional exponent, or digits and an exponent (`5E10`);
/// - strings in single quotes, `''` for a quote; they may hold anything, line ends included.
///
/// Where a token is left unfinished, JavaCC takes the longest complete token before it, and so does this.
struct FilterLexer {
    let scalars: [Unicode.Scalar]
    private(set) var position = 0
    /// Where the last line end is: a `--` before it starts a comment, one after it is two minus signs (known
    /// up front so that a run of dashes is not scanned to the end again and again).
    private let lastLineEnd: Int

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        lastLineEnd = scalars.lastIndex(where: Self.isLineEnd) ?? -1
    }

    mutating func next() throws(FilterSyntaxError) -> FilterToken {
        try skipSpaceAndComments()
        let start = position
        guard let char = scalar(at: position) else { return FilterToken(kind: .end, start: start, end: start) }
        switch char {
        case "'":
            return try stringLiteral()
        case "0"..."9":
            return number()
        case "." where scalar(at: position + 1).map(Self.isDigit) == true:
            return number()
        case "a"..."z", "A"..."Z", "_", "$":
            return word()
        case "=", "(", ")", ",", "+", "-":
            position += 1
            return token(.symbol(FilterSymbol(rawValue: String(char))!), from: start)
        case "<", ">":
            position += 1
            let pair = String(char) + String(scalar(at: position) ?? " ")
            if let symbol = FilterSymbol(rawValue: pair) {
                position += 1
                return token(.symbol(symbol), from: start)
            }
            return token(.symbol(FilterSymbol(rawValue: String(char))!), from: start)
        default:
            throw FilterSyntaxError(position: start + 1, message: Self.unexpected(char))
        }
    }

    func scalar(at index: Int) -> Unicode.Scalar? {
        index < scalars.count ? scalars[index] : nil
    }

    private func token(_ kind: FilterToken.Kind, from start: Int) -> FilterToken {
        FilterToken(kind: kind, start: start, end: position)
    }

    private mutating func skipSpaceAndComments() throws(FilterSyntaxError) {
        while let char = scalar(at: position) {
            if " \t\n\r\u{0C}".unicodeScalars.contains(char) {
                position += 1
            } else if char == "-", scalar(at: position + 1) == "-", position < lastLineEnd {
                while !Self.isLineEnd(scalars[position]) { position += 1 }
            } else if char == "/", scalar(at: position + 1) == "*" {
                guard let close = closingOfComment(from: position + 2) else {
                    throw FilterSyntaxError(position: position + 1, message: "unterminated comment '/*'")
                }
                position = close
            } else {
                return
            }
        }
    }

    /// The position just past the `*/` that ends a block comment.
    private func closingOfComment(from index: Int) -> Int? {
        var i = index
        while i + 1 < scalars.count {
            if scalars[i] == "*" && scalars[i + 1] == "/" { return i + 2 }
            i += 1
        }
        return nil
    }

    /// A string literal. One left open is cut, as JavaCC's longest match cuts it, after the last quote that
    /// could have closed it: in `'it''s` that is `'it'` (and `'s` is what follows).
    private mutating func stringLiteral() throws(FilterSyntaxError) -> FilterToken {
        let start = position
        var value = String.UnicodeScalarView()
        var lastClosable: (end: Int, value: String.UnicodeScalarView)?
        position += 1
        while let char = scalar(at: position) {
            position += 1
            if char == "'" {
                guard scalar(at: position) == "'" else { return token(.string(String(value)), from: start) }
                lastClosable = (position, value)
                position += 1
            }
            value.append(char)
        }
        guard let lastClosable else {
            throw FilterSyntaxError(position: start + 1, message: "unterminated string: a quote (') is missing")
        }
        position = lastClosable.end
        return token(.string(String(lastClosable.value)), from: start)
    }

    private mutating func word() -> FilterToken {
        let start = position
        while let char = scalar(at: position), Self.isWordPart(char) { position += 1 }
        let text = String(String.UnicodeScalarView(scalars[start..<position]))
        if let keyword = FilterKeyword(rawValue: text.uppercased()) { return token(.keyword(keyword), from: start) }
        return token(.identifier(text), from: start)
    }

    /// The longest of Apache's two number tokens that matches here.
    private mutating func number() -> FilterToken {
        let start = position
        let digitsEnd = digits(from: start)
        var end = start
        var isDecimal = false
        if digitsEnd > start {
            // DECIMAL_LITERAL: "0" alone, or [1-9][0-9]* with an optional L.
            end = scalars[start] == "0" ? start + 1 : digitsEnd
            if scalars[start] != "0", let suffix = scalar(at: end), suffix == "l" || suffix == "L" { end += 1 }
        }
        if scalar(at: digitsEnd) == "." {
            let fractionEnd = digits(from: digitsEnd + 1)
            let floatEnd = exponentEnd(from: fractionEnd) ?? fractionEnd
            if floatEnd > end { (end, isDecimal) = (floatEnd, true) }
        } else if digitsEnd > start, let floatEnd = exponentEnd(from: digitsEnd), floatEnd > end {
            (end, isDecimal) = (floatEnd, true)
        }
        position = end
        var text = String(String.UnicodeScalarView(scalars[start..<end]))
        if isDecimal { return token(.decimal(text), from: start) }
        if text.hasSuffix("l") || text.hasSuffix("L") { text.removeLast() }
        return token(.integer(text), from: start)
    }

    private func digits(from index: Int) -> Int {
        var i = index
        while let char = scalar(at: i), Self.isDigit(char) { i += 1 }
        return i
    }

    /// The end of `E[+-]?[0-9]+` starting at `index`, if one is there.
    private func exponentEnd(from index: Int) -> Int? {
        guard let e = scalar(at: index), e == "e" || e == "E" else { return nil }
        var i = index + 1
        if let sign = scalar(at: i), sign == "+" || sign == "-" { i += 1 }
        let end = digits(from: i)
        return end > i ? end : nil
    }

    private static func isDigit(_ char: Unicode.Scalar) -> Bool { ("0"..."9").contains(char) }

    private static func isLineEnd(_ char: Unicode.Scalar) -> Bool { char == "\n" || char == "\r" }

    private static func isWordPart(_ char: Unicode.Scalar) -> Bool {
        switch char {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "$": true
        default: false
        }
    }

    private static func unexpected(_ char: Unicode.Scalar) -> String {
        let invisible: Set<Unicode.GeneralCategory> = [
            .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate,
            .privateUse,
        ]
        let shown = invisible.contains(char.properties.generalCategory)
            ? "U+" + String(char.value, radix: 16, uppercase: true) : "'\(char)'"
        switch char {
        case "!": return "unexpected character '!': not-equal is written '<>'"
        case "\"": return "unexpected character '\"': strings take single quotes ('...')"
        case ".": return "unexpected character '.': property names cannot contain dots"
        default: return "unexpected character \(shown)"
        }
    }
}
