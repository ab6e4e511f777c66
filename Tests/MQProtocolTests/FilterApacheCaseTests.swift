import Foundation
import Testing

@testable import MQProtocol

/// Apache's own filter module as the oracle: `Fixtures/filter-apache-5.3.3.jsonl` holds what Apache
/// RocketMQ 5.3.3's `SelectorParser` answered for each expression against each set of message properties
/// (answers of Apache's module built by hand outside the repository; only the answers are here). Every answer
/// must be ours, letter for letter, except one deliberate difference: text after a complete expression, which Apache ignores and we refuse; there the
/// expression cut before that text must answer as Apache did.
///
/// `MQADMIN_FILTER_CASES=/path/cases.jsonl` replays another file of the same shape.
@Suite struct FilterApacheCaseTests {
    struct Header: Decodable { var propertySets: [[String: String]] }
    struct Case: Decodable {
        var expr: String
        /// P: refused; else per property set T (TRUE), F (FALSE), N (NULL), E (evaluation threw).
        var apache: String
    }

    static let replayed = ProcessInfo.processInfo.environment["MQADMIN_FILTER_CASES"]

    static func load() throws -> (sets: [[String: String]], cases: [Case]) {
        let path = replayed
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/filter-apache-5.3.3.jsonl").path
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let decoder = JSONDecoder()
        let header = try decoder.decode(Header.self, from: Data(lines[0].utf8))
        let cases = try lines.dropFirst().map { try decoder.decode(Case.self, from: Data($0.utf8)) }
        return (header.propertySets, cases)
    }

    static func letters(_ filter: FilterExpression, _ sets: [[String: String]]) -> String {
        String(sets.map { properties -> Character in
            switch filter.evaluate(properties) {
            case .matched: "T"
            case .notMatched: "F"
            case .unknown: "N"
            case .failed: "E"
            }
        })
    }

    @Test func everyAnswerIsApaches() throws {
        let (sets, cases) = try Self.load()
        #expect(cases.count > 300)
        var trailing = 0
        for testCase in cases {
            let ours: String
            do {
                ours = Self.letters(try FilterExpression.parse(testCase.expr), sets)
            } catch let error where error.message.contains("after a complete expression") && testCase.apache != "P" {
                // Apache reads only the complete expression before the refused text.
                trailing += 1
                let cut = String(String.UnicodeScalarView(testCase.expr.unicodeScalars.prefix(error.position - 1)))
                let prefix = try FilterExpression.parse(cut)
                #expect(Self.letters(prefix, sets) == testCase.apache, "\(testCase.expr.debugDescription) cut")
                continue
            } catch {
                ours = "P"
            }
            #expect(ours == testCase.apache, "\(testCase.expr.debugDescription)")
        }
        if Self.replayed == nil {
            #expect(trailing < cases.count / 20, "the fixture is mostly about what Apache and we both read")
        }
    }
}
