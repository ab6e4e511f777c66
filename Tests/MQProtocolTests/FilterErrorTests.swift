import Foundation
import Synchronization
import Testing

@testable import MQProtocol

/// Issue 14: a malformed expression is refused with a message naming the problem and where it is (the
/// broker's remark at subscribe time), never a crash; hostile input is bounded.
@Suite struct FilterErrorTests {
    struct Malformed: CustomTestStringConvertible {
        let expr: String
        let position: Int
        let message: String
        init(_ expr: String, _ position: Int, _ message: String) {
            (self.expr, self.position, self.message) = (expr, position, message)
        }
        var testDescription: String { expr.debugDescription }
    }

    static let lexical: [Malformed] = [
        Malformed("", 1, "empty expression"),
        Malformed(" \n ", 1, "empty expression"),
        Malformed("a = 'x", 5, "unterminated string: a quote (') is missing"),
        Malformed("a = 'it''s", 9, "unterminated string: a quote (') is missing"),  // 'it' then 's
        Malformed("a != 5", 3, "unexpected character '!': not-equal is written '<>'"),
        Malformed("a = \"x\"", 5, "unexpected character '\"': strings take single quotes ('...')"),
        Malformed("a.b = 1", 2, "unexpected character '.': property names cannot contain dots"),
        Malformed("région = 'x'", 2, "unexpected character 'é'"),  // identifiers are ASCII
        Malformed("a\u{A0}= 5", 2, "unexpected character U+A0"),
        Malformed("a = 'x' ; b = 'y'", 9, "unexpected character ';'"),
        Malformed("a = 5 /* open", 7, "unterminated comment '/*'"),
    ]

    static let grammar: [Malformed] = [
        Malformed("a = ", 5, "expected a value, a property name or '(' but found the end of the expression"),
        Malformed("a == 5", 4, "expected a value, a property name or '(' but found '='"),
        Malformed("AND a = 1", 1, "expected a value, a property name or '(' but found AND"),
        Malformed("a = 1 OR", 9, "expected a value, a property name or '(' but found the end of the expression"),
        Malformed("()", 2, "expected a value, a property name or '(' but found ')'"),
        Malformed("(a = 5", 7, "expected ')' to close the '(' at position 1, found the end of the expression"),
        Malformed("a = 5)", 6, "unexpected ')' after a complete expression (a missing AND or OR?)"),
        Malformed("a = 5 AN b = 6", 7, "unexpected 'AN' after a complete expression (a missing AND or OR?)"),
        Malformed("a = 0x10", 6, "unexpected 'x10' after a complete expression (a missing AND or OR?)"),  // no hex
        Malformed("a = 012", 6, "unexpected '12' after a complete expression (a missing AND or OR?)"),  // no octal
        Malformed("a IS 5", 6, "IS must be followed by NULL or NOT NULL, not '5'"),
        Malformed("a BETWEEN 5 OR 6", 13, "BETWEEN needs AND between its bounds, not OR"),
        Malformed("a IN 'x'", 6, "IN takes quoted strings in parentheses, like IN ('a', 'b'), not 'x'"),
        Malformed("a IN (5)", 7, "an IN list takes a quoted string ('...'), not '5'"),
        Malformed("a IN ()", 7, "an IN list takes a quoted string ('...'), not ')'"),
        Malformed("a IN ('x' 'y')", 11, "expected ',' or ')' in the IN list, found 'y'"),
        Malformed("a CONTAINS b", 12, "CONTAINS takes a quoted string ('...'), not 'b'"),
        Malformed(
            "a NOT 5", 3,
            "NOT here must be followed by CONTAINS, STARTSWITH, ENDSWITH, BETWEEN or IN, not '5' "
                + "(to negate a condition, write NOT (...))"),
    ]

    /// The checks Apache's expression factories make while parsing.
    static let apacheChecks: [Malformed] = [
        Malformed("a = NULL", 5, "NULL cannot be compared with '='; write IS NULL or IS NOT NULL"),
        Malformed("NULL <> a", 1, "NULL cannot be compared with '<>'; write IS NULL or IS NOT NULL"),
        Malformed("TRUE = 5", 1, "'TRUE' cannot be compared with '5'"),
        Malformed("a > 'x'", 5, "'x' cannot be compared with '>': only numbers can"),
        Malformed("a > TRUE", 5, "'TRUE' cannot be compared with '>': only numbers can"),
        Malformed("a > (b > 1)", 5, "'(b > 1)' cannot be compared with '>': only numbers can"),
        Malformed("a > 5 > 6", 1, "'a > 5' cannot be compared with '>': only numbers can"),
        Malformed("NOT a > 5", 1, "'NOT a' cannot be compared with '>': only numbers can"),  // NOT binds tighter
        Malformed("a BETWEEN 'a' AND 'b'", 11, "'a' cannot be compared with BETWEEN: only numbers can"),
        Malformed("a BETWEEN 10 AND 5", 11, "BETWEEN needs its low bound '10' at most its high bound '5'"),
        Malformed("a BETWEEN NULL AND 5", 11, "BETWEEN bounds cannot be NULL"),
        Malformed("5 IN ('5')", 1, "IN needs a property name on its left, not '5'"),
        Malformed("5", 1, "'5' is not a condition (TRUE, FALSE or a comparison)"),
        Malformed("a = 5 AND 'x'", 11, "'x' is not a condition (TRUE, FALSE or a comparison)"),
        Malformed("-a", 1, "'-a' is not a condition (TRUE, FALSE or a comparison)"),
        Malformed("a = 0.0", 5, "decimal 0.0 is zero or too small: Apache refuses it (write 0 for zero)"),
        Malformed("a > 1e-400", 5, "decimal 1e-400 is zero or too small: Apache refuses it (write 0 for zero)"),
        Malformed("a > 1e400", 5, "number 1e400 is too large for a double"),
        Malformed(
            "a > 9223372036854775808", 5, "integer 9223372036854775808 is out of range (at most 9223372036854775807)"),
    ]

    @Test(arguments: lexical + grammar + apacheChecks)
    func malformedExpressionIsRefusedWithProblemAndPosition(_ row: Malformed) {
        #expect(throws: FilterSyntaxError(position: row.position, message: row.message)) {
            try FilterExpression.parse(row.expr)
        }
    }

    @Test func errorDescriptionIsTheBrokersRemark() {
        let error = FilterSyntaxError(position: 5, message: "NULL cannot be compared with '='; write IS NULL")
        #expect("\(error)" == "NULL cannot be compared with '='; write IS NULL at position 5")
    }

    // MARK: - Bounds

    @Test func tooLongAnExpressionIsRefused() throws {
        let long = "a IN ('" + String(repeating: "x", count: 70_000) + "')"
        #expect(throws: FilterSyntaxError(position: 65_537, message: "expression longer than 65536 bytes")) {
            try FilterExpression.parse(long)
        }
        // The limit counts UTF-8 bytes: 21_846 three-byte characters are 65_538 bytes.
        let wide = "a = '" + String(repeating: "€", count: 21_846) + "'"
        #expect(throws: FilterSyntaxError(position: 21_849, message: "expression longer than 65536 bytes")) {
            try FilterExpression.parse(wide)
        }
        let limits = FilterLimits(maxLength: 10, maxDepth: 100)
        #expect(throws: FilterSyntaxError.self) { try FilterExpression.parse("a = 'abcdef'", limits: limits) }
    }

    /// A hostile expression, named by how it was built (the text itself is too long to show).
    struct Hostile: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        Hostile(name: "10k (", text: String(repeating: "(", count: 10_000) + "a = '1'"),
        Hostile(name: "10k NOT", text: String(repeating: "NOT ", count: 10_000) + "a"),
        Hostile(name: "60k -", text: "a > " + String(repeating: "-", count: 60_000) + "5"),
        Hostile(name: "60k +", text: "a > " + String(repeating: "+", count: 60_000) + "5"),
        Hostile(name: "5k =", text: String(repeating: "a = ", count: 5_000) + "a"),
        Hostile(name: "5k IS NULL", text: "a" + String(repeating: " IS NULL", count: 5_000)),
        Hostile(name: "1k CONTAINS", text: "a" + String(repeating: " CONTAINS 'x'", count: 1_000)),
    ])
    func deepNestingIsRefusedNotOverflowed(_ hostile: Hostile) {
        do {
            _ = try FilterExpression.parse(hostile.text)
            Issue.record("accepted an expression deeper than the limit")
        } catch {
            #expect(error.message == "expression nested deeper than 100 levels")
            #expect(error.position > 1 && error.position <= hostile.text.unicodeScalars.count)
        }
    }

    /// The deepest expressions accepted parse and evaluate on a thread with a 1 MiB stack (Linux threads get
    /// 8 MiB) even in a debug build, whose frames are largest: a parenthesis costs about 5 KiB there.
    @Test func deepestAcceptedExpressionsRunOnASmallStack() throws {
        let deepest = [
            String(repeating: "(", count: 99) + "a = '1'" + String(repeating: ")", count: 99),
            String(repeating: "NOT ", count: 99) + "a",
            "a > " + String(repeating: "- ", count: 98) + "5",
            String(repeating: "(a = '1' AND ", count: 49) + "a = '1'" + String(repeating: ")", count: 49),
            String(repeating: "a = ", count: 99) + "a",
        ]
        let outcomes = Mutex<[FilterOutcome]>([])
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            for expr in deepest {
                let outcome: FilterOutcome
                do {
                    outcome = try FilterExpression.parse(expr).evaluate(["a": "1"])
                } catch {
                    outcome = .failed("refused: \(error)")
                }
                outcomes.withLock { $0.append(outcome) }
            }
            done.signal()
        }
        thread.stackSize = 1024 * 1024
        thread.start()
        done.wait()
        let failed = FilterOutcome.failed("a boolean on the left of '=' cannot be compared with a string")
        #expect(outcomes.withLock { $0 } == [.matched, .matched, .notMatched, .matched, failed])
    }

    /// Long flat chains and lists are not nesting: they parse and evaluate within the length limit.
    @Test func longChainsAndListsAreFine() throws {
        let terms = (0..<4_000).map { "a = '\($0)'" }
        let chain = try FilterExpression.parse(terms.joined(separator: " OR "))
        #expect(chain.matches(["a": "3999"]) && !chain.matches(["a": "4000"]))
        let list = try FilterExpression.parse("a IN (" + (0..<6_000).map { "'\($0)'" }.joined(separator: ",") + ")")
        #expect(list.matches(["a": "5999"]) && !list.matches(["a": "6000"]))
        // CONTAINS stays linear on a hostile value.
        let search = String(repeating: "a", count: 2_000) + "b"
        let contains = try FilterExpression.parse("a CONTAINS '\(search)'")
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(!contains.matches(["a": String(repeating: "a", count: 1_000_000)]))
        }
        #expect(elapsed < .seconds(5))
    }
}
