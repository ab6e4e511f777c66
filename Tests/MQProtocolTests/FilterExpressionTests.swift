import Testing

@testable import MQProtocol

/// Issue 14, SQL92 property filters: Apache RocketMQ 5.3.3's selector language, rule by rule. Each row says
/// what Apache answers (FilterApacheCaseTests checks a larger grid against Apache's own code); the comment
/// names the Apache class the rule comes from.
@Suite struct FilterExpressionTests {
    /// T: delivered (TRUE); F: FALSE; N: NULL (unknown); E: evaluation fails (Apache throws). None delivered
    /// but T.
    enum Answer: String { case T, F, N, E }

    struct Row: CustomTestStringConvertible {
        let expr: String
        let properties: [String: String]
        let answer: Answer
        init(_ expr: String, _ properties: [String: String], _ answer: Answer) {
            (self.expr, self.properties, self.answer) = (expr, properties, answer)
        }
        var testDescription: String { "\(expr.debugDescription) over \(properties)" }
    }

    static func answer(_ outcome: FilterOutcome) -> Answer {
        switch outcome {
        case .matched: .T
        case .notMatched: .F
        case .unknown: .N
        case .failed: .E
        }
    }

    static let literalsAndQuoting: [Row] = [
        Row("region = 'eu'", ["region": "eu"], .T),
        Row("region = 'eu'", ["region": "EU"], .F),  // values compare exactly
        Row("region = 'eu'", [:], .N),  // a missing property is NULL
        Row("a = 'it''s'", ["a": "it's"], .T),  // '' is a quote
        Row("a = ''", ["a": ""], .T),
        Row("a = '\u{e9}'", ["a": "e\u{301}"], .F),  // Java's String.equals: code points, not canonical equivalence
        Row("a = 'line\nend'", ["a": "line\nend"], .T),  // strings may span lines
        Row("TAGS = 'TagA'", ["TAGS": "TagA"], .T),  // tags are the TAGS property
        Row("A = 'x'", ["a": "x"], .N),  // property names are case-sensitive
        Row("$a_1 = 'x'", ["$a_1": "x"], .T),  // identifiers: letters, digits, _ and $
        Row("a = 5L", ["a": "5"], .T),  // an L suffix is allowed on integers
        Row("a = 5.", ["a": "5"], .T),
        Row("a = .5", ["a": "0.5"], .T),
        Row("a = 5E1", ["a": "50"], .T),
        Row("a = 1.5e-1", ["a": "0.15"], .T),
        Row("TRUE", [:], .T),
        Row("FALSE", [:], .F),
        Row("NULL", [:], .N),
    ]

    static let keywordCaseCommentsAndSpace: [Row] = [
        Row("a = 'x' and b = 'y'", ["a": "x", "b": "y"], .T),
        Row("a = 'x' AnD b Is NoT nUlL", ["a": "x", "b": "y"], .T),
        Row("a between 1 and 3 or a in ('9')", ["a": "9"], .T),
        Row("true", [:], .T),
        Row("a\t=\n'x'\r\u{0C}", ["a": "x"], .T),
        Row("a = 'x' -- a comment\nAND b = 'y'", ["a": "x", "b": "y"], .T),
        Row("a = 'x' -- a comment to the end", ["a": "x"], .T),
        Row("a /* a comment */ = 'x'", ["a": "x"], .T),
        Row("a = --5", ["a": "5"], .T),  // no line end after --: two minus signs, as Apache lexes it
    ]

    /// ComparisonExpression.__compare with string conversion on: a property's text is read as the type of
    /// the literal it meets (Integer.valueOf, Long.valueOf, Double.valueOf, Boolean.valueOf).
    static let typeRules: [Row] = [
        Row("a = 5", ["a": "5"], .T),
        Row("a = 5", ["a": "05"], .T),
        Row("a = 5", ["a": "+5"], .T),
        Row("a = 5", ["a": "\u{0665}"], .T),  // Java reads any Unicode decimal digit (Arabic-Indic five)
        Row("a = 5", ["a": " 5"], .E),  // Integer.valueOf refuses spaces...
        Row("a = 5", ["a": "5.0"], .E),  // ...and decimals...
        Row("a = 5", ["a": "abc"], .E),  // ...and words: the evaluation fails, the message is not delivered
        Row("a = 5", ["a": "3000000000"], .E),  // ...and what does not fit an int
        Row("a = 3000000000", ["a": "3000000000"], .T),  // a long literal reads a long
        Row("a = 5.0", ["a": "5"], .T),  // a decimal literal reads a double
        Row("a = 5.0", ["a": " 5.0 "], .T),  // Double.valueOf ignores spaces around
        Row("a = 5.0", ["a": "5f"], .T),  // and takes a type suffix
        Row("a = 5.0", ["a": "0x1.4p2"], .T),  // and hexadecimal
        Row("a = 5.0", ["a": "five"], .E),
        Row("a = '5'", ["a": "5.0"], .F),  // string against string: exact text
        Row("a = b", ["a": "5", "b": "5.0"], .F),  // two properties: exact text for =
        Row("a > b", ["a": "10", "b": "9"], .T),  // ... but numbers (doubles) for >, not text order
        Row("a > b", ["a": "x", "b": "9"], .E),
        Row("a = TRUE", ["a": "true"], .T),
        Row("a = TRUE", ["a": "TRUE"], .T),
        Row("a = FALSE", ["a": "yes"], .T),  // Boolean.valueOf: all but "true" is false
        Row("TRUE = a", ["a": "true"], .E),  // Apache casts the wrong operand (ClassCastException)
        Row("5 = TRUE", [:], .F),  // a number and a boolean are unequal
        Row("'5' = 5", [:], .T),  // conversion applies to literals too
        Row("a = 5 OR a = 'x'", ["a": "x"], .E),  // a failure ends the whole evaluation...
        Row("a = 'x' OR a = 5", ["a": "x"], .T),  // ...unless OR was decided before it
        Row("a = 'y' AND a = 5", ["a": "x"], .F),  // (or AND)
    ]

    static let orderingAndNumbers: [Row] = [
        Row("a > 5", ["a": "7"], .T),
        Row("a > 5", ["a": "5"], .F),
        Row("a >= 5", ["a": "5"], .T),
        Row("a < 5", ["a": "-7"], .T),
        Row("a <= 5", ["a": "5"], .T),
        Row("a > 5", ["a": "7.2"], .E),  // an int literal reads an int
        Row("a > 5.0", ["a": "7.2"], .T),
        Row("a > 5", ["a": "\u{0661}\u{0660}"], .T),  // Arabic-Indic "10"
        Row("a > 1.5", ["a": "NaN"], .T),  // Double.compare puts NaN above everything
        Row("a > 1.5", ["a": "Infinity"], .T),
        Row("a < 1.5", ["a": "-Infinity"], .T),
        Row("a > 5", [:], .N),
        Row("a > -5", ["a": "-3"], .T),  // unary minus on a literal
        Row("a > - -5", ["a": "6"], .T),
        Row("a > +5", ["a": "6"], .T),
        Row("-a < 5", ["a": "1"], .N),  // minus on a string is NULL
        Row("a > 2147483648", ["a": "3000000000"], .T),  // a long literal reads a long
        Row("a > 5", ["a": "2147483648"], .E),  // an int literal cannot read it
    ]

    /// ComparisonExpression.doCreateEqual, UnaryExpression.createNOT, LogicExpression: NULL rules.
    static let nullRules: [Row] = [
        Row("a <> 'x'", ["a": "y"], .T),
        Row("a <> 'x'", [:], .N),  // NOT of unknown is unknown
        Row("'x' = a", [:], .F),  // Apache's asymmetry: NULL on the right of = is FALSE...
        Row("'x' <> a", [:], .T),  // ...so its NOT is TRUE
        Row("a = b", [:], .T),  // both NULL: equal
        Row("a IS NULL", [:], .T),
        Row("a IS NULL", ["a": ""], .F),  // an empty value is present
        Row("a IS NOT NULL", [:], .F),
        Row("a IS NOT NULL", ["a": ""], .T),
        Row("(a > 5) IS NULL", [:], .T),  // IS NULL takes any operand
        Row("a = '1' AND b = '1'", ["a": "1", "b": "1"], .T),
        Row("a = '1' AND b = '1'", ["a": "1"], .N),  // TRUE AND NULL
        Row("a = '1' AND b = '1'", ["a": "2"], .F),  // FALSE AND NULL
        Row("a = '1' OR b = '1'", ["a": "1"], .T),  // TRUE OR NULL
        Row("a = '1' OR b = '1'", ["a": "2"], .N),  // FALSE OR NULL
        Row("a = '1' OR b = '1'", ["a": "2", "b": "2"], .F),
        Row("NOT (a = '1')", [:], .N),
        Row("NOT (a = '1')", ["a": "2"], .T),
        Row("a", ["a": "true"], .F),  // a bare property is a condition only if it is a Boolean: never
        Row("a", [:], .N),
        Row("NOT a", ["a": "x"], .T),
        Row("NOT NULL", [:], .N),
    ]

    static let setsRangesAndText: [Row] = [
        Row("a BETWEEN 5 AND 10", ["a": "5"], .T),
        Row("a BETWEEN 5 AND 10", ["a": "10"], .T),
        Row("a BETWEEN 5 AND 10", ["a": "11"], .F),
        Row("a BETWEEN 5 AND 10", [:], .N),
        Row("a BETWEEN 5 AND 10", ["a": "7.5"], .E),  // int bounds read ints
        Row("a BETWEEN 5.0 AND 10.0", ["a": "7.5"], .T),
        Row("a BETWEEN 5.0 AND 10", ["a": "7.5"], .E),  // each bound reads the value its own way
        Row("a NOT BETWEEN 5 AND 10", ["a": "4"], .T),
        Row("a NOT BETWEEN 5 AND 10", ["a": "7"], .F),
        Row("a NOT BETWEEN 5 AND 10", [:], .N),
        Row("a BETWEEN -10 AND -20", ["a": "-15"], .F),  // bounds are checked only when both are literals
        Row("a BETWEEN b AND 10", ["a": "5", "b": "1"], .T),
        Row("a IN ('x', 'y')", ["a": "y"], .T),
        Row("a IN ('x', 'y')", ["a": "z"], .F),
        Row("a IN ('x', 'y')", [:], .N),
        Row("a IN ('5')", ["a": "05"], .F),  // IN compares text
        Row("a NOT IN ('x')", ["a": "y"], .T),
        Row("a NOT IN ('x')", ["a": "x"], .F),
        Row("a NOT IN ('x')", [:], .N),
        Row("(a) IN ('x')", ["a": "x"], .T),
        Row("a CONTAINS 'x'", ["a": "axb"], .T),
        Row("a CONTAINS 'x'", ["a": "abc"], .F),
        Row("a CONTAINS 'x'", [:], .F),  // the text tests answer FALSE, not NULL, for a missing property...
        Row("a NOT CONTAINS 'x'", [:], .F),  // ...in their NOT forms too
        Row("NOT (a CONTAINS 'x')", [:], .T),  // so this is TRUE
        Row("a NOT CONTAINS 'x'", ["a": "abc"], .T),
        Row("a CONTAINS ''", ["a": "abc"], .F),  // an empty search is FALSE...
        Row("a NOT CONTAINS ''", ["a": "abc"], .F),  // ...both ways
        Row("a STARTSWITH 'ab'", ["a": "abc"], .T),
        Row("a NOT STARTSWITH 'x'", ["a": "abc"], .T),
        Row("a ENDSWITH 'bc'", ["a": "abc"], .T),
        Row("a NOT ENDSWITH 'c'", ["a": "abc"], .F),
        Row("a CONTAINS 'aab'", ["a": "aaab"], .T),
        Row("'axb' CONTAINS 'x'", [:], .T),
        Row("5 CONTAINS '5'", [:], .F),  // not a string
    ]

    /// SelectorParser.jj: OR < AND < = <> IS < > >= < <= BETWEEN IN CONTAINS < unary (NOT, -, +).
    static let precedence: [Row] = [
        Row("a = '1' OR b = '1' AND c = '1'", ["a": "1"], .T),
        Row("(a = '1' OR b = '1') AND c = '1'", ["a": "1"], .N),
        Row("NOT a = 'x'", ["a": "y"], .E),  // (NOT a) = 'x': a boolean on the left of a string
        Row("NOT a = FALSE", [:], .N),
        Row("a > 1 = TRUE", ["a": "2"], .T),  // (a > 1) = TRUE
        Row("a = '1' AND NOT (b = '1')", ["a": "1", "b": "2"], .T),
        Row("NOT NOT (a = '1')", ["a": "1"], .T),
    ]

    @Test(arguments: literalsAndQuoting + keywordCaseCommentsAndSpace)
    func literalsKeywordsAndLayout(_ row: Row) throws {
        try check(row)
    }

    @Test(arguments: typeRules + orderingAndNumbers)
    func javaTypeRules(_ row: Row) throws {
        try check(row)
    }

    @Test(arguments: nullRules + setsRangesAndText + precedence)
    func nullsSetsTextAndPrecedence(_ row: Row) throws {
        try check(row)
    }

    private func check(_ row: Row) throws {
        let filter = try FilterExpression.parse(row.expr)
        #expect(Self.answer(filter.evaluate(row.properties)) == row.answer)
        #expect(filter.matches(row.properties) == (row.answer == .T))
        #expect(filter.matches(property: { row.properties[$0] }) == (row.answer == .T))
    }

    /// The acceptance example: of a set of messages, exactly the matching ones are delivered.
    @Test func acceptanceExampleDeliversExactlyTheMatchingMessages() throws {
        let filter = try FilterExpression.parse("a > 5 AND region = 'eu'")
        let messages: [(id: String, properties: [String: String])] = [
            ("m1", ["a": "6", "region": "eu"]),
            ("m2", ["a": "5", "region": "eu"]),
            ("m3", ["a": "100", "region": "eu", "TAGS": "TagA"]),
            ("m4", ["a": "7", "region": "us"]),
            ("m5", ["region": "eu"]),
            ("m6", ["a": "9"]),
            ("m7", ["a": "ten", "region": "eu"]),
            ("m8", ["a": "-6", "region": "eu"]),
            ("m9", ["a": "2147483647", "region": "eu"]),
            ("m10", ["a": "6", "region": "EU"]),
            ("m11", [:]),
        ]
        let delivered = messages.filter { filter.matches($0.properties) }.map(\.id)
        #expect(delivered == ["m1", "m3", "m9"])
        #expect(filter.text == "a > 5 AND region = 'eu'" && "\(filter)" == filter.text)
        #expect(filter.evaluate(["a": "ten", "region": "eu"]) == .failed("'ten' is not a Java int"))
    }
}
