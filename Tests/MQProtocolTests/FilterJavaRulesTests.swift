import Testing

@testable import MQProtocol

/// The Java readings Apache's comparisons apply to a property's text, checked against what Java 17 answers
/// (`Integer.valueOf`, `Long.valueOf`, `Double.valueOf`, `Boolean.valueOf`; nil where Java throws
/// `NumberFormatException`), and Java's orders.
@Suite struct FilterJavaRulesTests {
    @Test(arguments: [
        ("5", 5, 5), ("+5", 5, 5), ("-5", -5, -5), ("05", 5, 5), (" 5", nil, nil), ("5 ", nil, nil), ("", nil, nil),
        ("+", nil, nil), ("-", nil, nil), ("2147483647", 2_147_483_647, 2_147_483_647),
        ("2147483648", nil, 2_147_483_648), ("-2147483648", -2_147_483_648, -2_147_483_648),
        ("-2147483649", nil, -2_147_483_649), ("9223372036854775807", nil, Int64.max),
        ("9223372036854775808", nil, nil), ("-9223372036854775808", nil, Int64.min),
        ("\u{0665}", 5, 5), ("\u{FF15}", 5, 5), ("\u{0661}\u{0660}", 10, 10),  // Unicode decimal digits
        ("\u{1D7D3}", nil, nil),  // a digit outside the BMP is two UTF-16 units, neither a digit
        ("5L", nil, nil), ("5.0", nil, nil), ("0x10", nil, nil), ("1_0", nil, nil),
    ] as [(String, Int32?, Int64?)])
    func integerReadings(_ text: String, _ int: Int32?, _ long: Int64?) {
        #expect(JavaNumberText.int32(text) == int)
        #expect(JavaNumberText.int64(text) == long)
    }

    @Test(arguments: [
        ("5", 5.0), ("5.", 5.0), (".5", 0.5), (".", nil), ("5e", nil), ("5e+", nil), ("5e3", 5000.0), ("5E-3", 0.005),
        (" 5.5 ", 5.5), ("\t5\n", 5.0), ("5f", 5.0), ("5D", 5.0), ("5fd", nil), ("5.5.5", nil),
        ("+Infinity", .infinity), ("-Infinity", -.infinity), ("Infinity ", .infinity), ("infinity", nil),
        ("NaNf", nil), ("0x1p3", 8.0), ("0X1.8P1", 3.0), ("0x.8p1", 1.0), ("0x1", nil), ("0x1p", nil),
        ("0x.p1", nil), ("-0x1p-1f", -0.5), ("0x1.8p1d", 3.0), ("1e400", .infinity), ("1e-400", 0.0),
        ("00012.5", 12.5), ("1e0008", 1e8), ("1__0", nil), ("e5", nil), ("+", nil), ("", nil),
        ("\u{A0}5", nil), ("5\u{A0}", nil), ("\u{0665}", nil),  // only ASCII digits, only ASCII space trimmed
    ] as [(String, Double?)])
    func doubleReadings(_ text: String, _ value: Double?) {
        #expect(JavaNumberText.double(text) == value)
    }

    @Test func notANumberReadings() throws {
        #expect(try #require(JavaNumberText.double("NaN")).isNaN)
        #expect(try #require(JavaNumberText.double("-NaN")).isNaN)
        #expect(try #require(JavaNumberText.double("-0")).sign == .minus)
    }

    @Test(arguments: [
        ("true", true), ("TRUE", true), ("tRuE", true), (" true", false), ("true ", false), ("yes", false),
        ("1", false), ("", false), ("T\u{0}UE", false),
    ])
    func booleanReadings(_ text: String, _ value: Bool) {
        #expect(JavaNumberText.bool(text) == value)
    }

    /// `Double.compare`: -0.0 below 0.0, NaN above everything and equal to itself.
    @Test func doubleOrder() throws {
        #expect(JavaComparison.doubles(-0.0, 0.0) == -1)
        #expect(JavaComparison.doubles(.nan, .infinity) == 1)
        #expect(JavaComparison.doubles(.nan, .nan) == 0)
        #expect(JavaComparison.doubles(-.infinity, .nan) == -1)
        #expect(JavaComparison.doubles(1.5, 1.5) == 0)
        #expect(JavaComparison.equals(.double(.nan), .double(.nan)))
        #expect(!JavaComparison.equals(.double(0.0), .double(-0.0)))
        #expect(!JavaComparison.equals(.int(5), .long(5)))  // Integer.equals(Long) is false...
        #expect(try JavaComparison.compare(.int(5), .long(5)) == 0)  // ...but they compare equal
    }

    /// `String.compareTo` orders UTF-16 units, so a character outside the BMP sorts below U+FFFF.
    @Test func stringOrder() {
        #expect(JavaComparison.strings("a", "b") < 0)
        #expect(JavaComparison.strings("ab", "a") > 0)
        #expect(JavaComparison.strings("\u{1F600}", "\u{FFFF}") < 0)
        #expect(JavaComparison.strings("\u{e9}", "e\u{301}") != 0)
    }
}
