import Foundation

/// Where a command's text goes and where its input and settings come from: the process's standard
/// streams and environment, or, for commands run in-process (tests), buffers and a given environment.
/// Every read of stdin and the environment, and every write to stdout and stderr, goes through it.
struct Console: Sendable {
    /// Standard output: command results.
    var write: @Sendable (String) -> Void
    /// Standard error: error lines, notes for people, prompts.
    var writeError: @Sendable (String) -> Void
    /// All of standard input (message bodies, secrets, offset files).
    var readAll: @Sendable () -> Data
    /// One line of standard input, without its newline (confirmations).
    var readLine: @Sendable () -> String?
    var inputIsTerminal: Bool
    var outputIsTerminal: Bool
    var environment: [String: String]

    /// The console of the command running in this task.
    @TaskLocal static var current = Console.process

    /// The process's own streams and environment.
    static let process = Console(
        write: { writeAll($0, to: STDOUT_FILENO) },
        writeError: { writeAll($0, to: STDERR_FILENO) },
        readAll: { FileHandle.standardInput.readDataToEndOfFile() },
        readLine: { Swift.readLine(strippingNewline: true) },
        inputIsTerminal: isatty(STDIN_FILENO) == 1,
        outputIsTerminal: isatty(STDOUT_FILENO) == 1,
        environment: processEnvironment())

    /// The environment from libc's `environ`, first definition of a name winning as `getenv` does.
    /// Not `ProcessInfo.processInfo.environment`: setting up ProcessInfo cost a one-shot command about
    /// 0.4 ms of CPU at start (docs/performance.md, "CLI start").
    private static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let eq = text.firstIndex(of: "="), result[String(text[..<eq])] == nil {
                result[String(text[..<eq])] = String(text[text.index(after: eq)...])
            }
            entry += 1
        }
        return result
    }

    /// `$HOME`, where mqadmin keeps its history, journal and caches.
    var home: String { environment["HOME"] ?? NSHomeDirectory() }
}

/// `text` written to `descriptor` with `write(2)`, retried after a signal and a partial write; stops at the
/// first error (a closed pipe: the reader is gone). Not `FileHandle.write(Data(text.utf8))`: building `Data`
/// from the UTF-8 view cost a protocol-conformance scan of the whole binary at every start (docs/performance.md,
/// "CLI start").
private func writeAll(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}
