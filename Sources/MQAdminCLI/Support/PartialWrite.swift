/// The end of a multi-broker write's failure message: what was done, where the outcome is unknown, else that nothing
/// was. A write that was sent and not answered (a time-out, a connection closed while waiting) may have been carried
/// out, so "nothing changed" is said only when no broker can have changed anything (`ClientError.outcomeUnknown`).
enum PartialWrite {
    /// `done`: what succeeded ("changed: a, b"), nil when nothing did; `unconfirmed`: brokers that did not answer the
    /// `write`; `nothing`: the phrase for nothing done; `check`: how to see what the brokers have.
    static func tail(
        done: String?, unconfirmed: [String], write: String = "write", nothing: String = "nothing was changed",
        check: String? = nil
    ) -> String {
        var text = done.map { "; " + $0 } ?? ""
        if !unconfirmed.isEmpty {
            text += "; not confirmed on \(unconfirmed.joined(separator: ", ")): the \(write) was sent and not "
                + "answered, so it may have been applied there"
            if let check { text += " (\(check))" }
        } else if done == nil {
            text += "; " + nothing
        }
        return text
    }
}
