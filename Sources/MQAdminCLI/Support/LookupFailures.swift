import MQClient

/// Reports brokers a read could not reach, after the results that were found.
enum LookupFailures {
    /// Prints one stderr line per failed broker and throws the exit code to end with (4 when a broker
    /// was unreachable, else 1). Does nothing when every broker answered.
    static func finish(_ failures: [BacklogFailure], what: String) throws {
        guard !failures.isEmpty else { return }
        for f in failures.dropLast() {
            Emit.note("mqadmin: \(what) incomplete: broker \(f.broker) (\(f.address)): \(f.error)")
        }
        let last = failures[failures.count - 1]
        throw CLIError(
            "\(what) incomplete: broker \(last.broker) (\(last.address)): \(last.error)",
            exit: failures.contains(where: \.unreachable) ? .unreachable : .failed)
    }
}
