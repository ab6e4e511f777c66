private import CReadline
import Foundation
import Synchronization

/// Completion candidates for the word being typed, given the whole line up to the cursor.
public typealias Completer = @Sendable (_ lineBeforeCursor: String, _ word: String) -> [String]

/// GNU readline: editing, history with Ctrl-R search, Tab completion.
///
/// readline is not thread-safe and blocks its thread: call `readLine` only from the REPL's own loop.
public final class ReadlineLineReader: LineReader {
    private let historyPath: String
    private let historyLimit: Int32

    /// The completer readline's C callbacks reach through a global (they cannot capture).
    static let completer = Mutex<Completer?>(nil)
    /// Candidates of the completion in progress, consumed by the generator.
    static let pending = Mutex<[String]>([])

    public init(historyPath: String, historyLimit: Int32 = 1000, completer: @escaping Completer) {
        self.historyPath = historyPath
        self.historyLimit = historyLimit
        Self.completer.withLock { $0 = completer }
        mq_rl_no_signal_handlers()
        mq_rl_install("mqadmin", readlineCompletion, " \t\n\"'")
        mq_rl_stifle(historyLimit)
        mq_rl_set_event_hook(readlineEventHook)
        _ = read_history(historyPath)
    }

    public func readLine(prompt: String) -> String? {
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        return String(cString: raw)
    }

    public func addHistory(_ line: String) {
        add_history(line)
    }

    /// Writes the history file (0600) capped at the limit.
    public func saveHistory() {
        let dir = (historyPath as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        _ = write_history(historyPath)
        _ = history_truncate_file(historyPath, historyLimit)
        _ = chmod(historyPath, 0o600)
    }

    /// Clears the line being edited (after Ctrl-C at the prompt).
    public static func abandonLine() {
        mq_rl_reset_line()
    }
}

/// Called while readline waits for input: Ctrl-C abandons the line being typed.
private func readlineEventHook() -> Int32 {
    if Interrupts.shared.consume() {
        FileHandle.standardOutput.write(Data("^C".utf8))
        mq_rl_interrupt_line()
    }
    return 0
}

/// readline's attempted-completion hook: computes the candidates once, then hands them out.
private func readlineCompletion(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    let word = text.map { String(cString: $0) } ?? ""
    let line = mq_rl_line_buffer().map { String(cString: $0) } ?? ""
    let before = String(line.utf8.prefix(Int(start))) ?? ""
    let candidates = ReadlineLineReader.completer.withLock { $0 }?(before, word) ?? []
    ReadlineLineReader.pending.withLock { $0 = candidates }
    return mq_rl_complete(text, completionGenerator)
}

/// readline's generator: state 0 starts a new round; returns strdup'ed candidates (readline frees them).
private func completionGenerator(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    let next: String? = ReadlineLineReader.pending.withLock { list in
        guard !list.isEmpty else { return nil }
        return list.removeFirst()
    }
    guard let next else { return nil }
    return strdup(next)
}
