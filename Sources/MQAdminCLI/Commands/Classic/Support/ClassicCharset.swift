import ArgumentParser

/// Apache's `-f` (printMsg: `-c`) names a Java charset; bodies here are shown as UTF-8.
enum ClassicCharset {
    static func check(_ charset: String?, option: String = "-f") throws {
        guard let charset else { return }
        let normalized = charset.uppercased().filter { $0 != "-" && $0 != "_" }
        guard normalized == "UTF8" else {
            throw ValidationError(
                "\(option) \(charset): only UTF-8 is supported; use `mqadmin message get --body-format hex` for raw "
                    + "bytes")
        }
    }
}
