import Foundation

/// Java-printf-like padding for the classic layouts (`%-20s`, `%4d`...).
enum Printf {
    static func left(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    static func right(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }

    /// Apache's `UtilAll.frontStringAtLeast`: truncates to at most `n` characters.
    static func front(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n)) }
}
