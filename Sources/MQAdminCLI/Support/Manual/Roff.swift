import Foundation

/// A man page being written: mdoc macro lines and escaped text lines.
struct Roff {
    private(set) var text = ""

    mutating func comment(_ line: String) {
        text += ".\\\" " + line + "\n"
    }

    /// `.Name arg arg`; `name` nil writes the arguments as the line (they start with a macro themselves).
    mutating func macro(_ name: String?, _ arguments: String?...) {
        let words = ([name] + arguments).compactMap { $0 }
        text += "." + words.joined(separator: " ") + "\n"
    }

    mutating func section(_ name: String) { macro("Sh", name) }

    mutating func subsection(_ name: String) { macro("Ss", name) }

    /// Running text: each line a text line, a blank line a paragraph break.
    mutating func paragraphs(_ body: String) {
        var pendingBreak = false
        var wrote = false
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                pendingBreak = wrote
                continue
            }
            if pendingBreak { macro("Pp") }
            pendingBreak = false
            self.text(trimmed)
            wrote = true
        }
    }

    /// One text line; never read as a request. Dashes are `\-`: an option name (`--fail-if-age-over`) is
    /// neither broken at a line end nor turned into typographic hyphens, so it can be copied.
    mutating func text(_ line: String) {
        let escaped = Self.escape(line).replacingOccurrences(of: "-", with: "\\-")
        text += (escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" : "") + escaped + "\n"
    }

    /// One line of a literal display (`.Bd -literal`).
    mutating func literal(_ line: String) { text(line) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\e")
    }

    /// A macro argument taken as one word, whatever it contains.
    static func quoted(_ text: String) -> String {
        "\"" + escape(text).replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A macro argument: quoted when it has spaces or quotes, and never read as a macro name (`Ar`).
    static func word(_ text: String) -> String {
        if text.isEmpty || text.contains(where: { $0 == " " || $0 == "\"" }) { return quoted(text) }
        let looksLikeMacro = text.count == 2 && text.first!.isUppercase && text.last!.isLowercase
        let isDelimiter = text.count == 1 && ".,;:()[]?!|".contains(text)
        return (looksLikeMacro || isDelimiter ? "\\&" : "") + escape(text)
    }
}
