import Foundation
import NIOConcurrencyHelpers

/// The JSON document an error becomes on stdout under `-o json` (classic commands: `--output json`), beside
/// its one stderr line: `{"error": {"message": ..., "exit": N, "code": "usage"}}` (docs/json-output.md).
struct ErrorJSON: Encodable {
    struct Body: Encodable {
        var message: String
        var exit: Int32
        /// The exit code's name (`MQExit`): what scripts branch on without a table of numbers.
        var code: String
    }

    var error: Body

    init(_ report: ErrorReport) {
        error = Body(message: report.message, exit: report.exit.rawValue, code: "\(report.exit)")
    }

    /// Whether the command line asks for JSON, read from the words as typed (parsing may have failed):
    /// `--output json` anywhere before `--`, or `-o json` except in classic commands, whose `-o` is another
    /// option (their JSON is `--output json` only).
    static func requested(_ arguments: [String]) -> Bool {
        let words = Array(CommandRunner.hoistGlobalOptions(arguments).prefix { $0 != "--" })
        let classic = words.first { !$0.hasPrefix("-") }.map { classicNames.contains($0.lowercased()) } ?? false
        let names = classic ? ["--output"] : ["--output", "-o"]
        for (i, word) in words.enumerated() {
            for name in names {
                if word == name + "=json" { return true }
                if word == name, i + 1 < words.count, words[i + 1] == "json" { return true }
            }
        }
        return false
    }

    /// The classic commands' names and aliases, lowercased (command words match ignoring case).
    private static let classicNames: Set<String> = Set(
        ClassicCommands.all.flatMap(CommandNames.names(of:)).map { $0.lowercased() })

    /// Per command run: whether the command wrote to stdout. A command that printed its document before
    /// failing (a partial failure, whose document lists the failures) gets no second document.
    final class Printed: Sendable {
        private let value = NIOLockedValueBox(false)
        func mark() { value.withLockedValue { $0 = true } }
        var any: Bool { value.withLockedValue { $0 } }
    }

    @TaskLocal static var printed: Printed?
}
