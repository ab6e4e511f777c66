import ArgumentParser

/// Apache's `-f` names a Java charset; bodies here are shown as UTF-8.
enum ClassicCharset {
    static func check(_ charset: String?) throws {
        guard let charset else { return }
        let normalized = charset.uppercased().filter { $0 != "-" && $0 != "_" }
        guard normalized == "UTF8" else {
            throw ValidationError(
                "-f \(charset): only UTF-8 is supported; use `mqadmin message get --body-format hex` for raw bytes")
        }
    }
}
