/// Where the REPL's lines come from: readline on a terminal, plain reads from pipes and tests.
/// Readers are used from one thread at a time (the REPL loop, or readline's dedicated queue).
public protocol LineReader: AnyObject, Sendable {
    /// The next line without its newline, or nil at end of input (Ctrl-D).
    func readLine(prompt: String) -> String?
    /// Remembers a line for history navigation (no-op for plain readers).
    func addHistory(_ line: String)
    func saveHistory()
}

/// Reads stdin line by line without echoing a prompt: for scripts (`mqadmin repl < script.txt`).
public final class PlainLineReader: LineReader {
    public init() {}

    public func readLine(prompt: String) -> String? { Swift.readLine(strippingNewline: true) }
    public func addHistory(_ line: String) {}
    public func saveHistory() {}
}

/// Serves a fixed list of lines (tests).
/// Tests drive it from a single task, one line at a time; hence the unchecked Sendable.
public final class ScriptedLineReader: LineReader, @unchecked Sendable {
    private var lines: [String]
    public private(set) var prompts: [String] = []

    public init(_ lines: [String]) {
        self.lines = lines
    }

    public func readLine(prompt: String) -> String? {
        prompts.append(prompt)
        return lines.isEmpty ? nil : lines.removeFirst()
    }

    public func addHistory(_ line: String) {}
    public func saveHistory() {}
}
