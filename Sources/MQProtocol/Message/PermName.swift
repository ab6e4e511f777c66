/// Topic / broker permission bits (Java `PermName`, wire.md §4.1). A topic's default is 6 (`RW-`).
public enum PermName {
    /// Priority bit; values at or above it are not valid permissions.
    public static let priority: Int32 = 0x8
    /// Consumers may read.
    public static let read: Int32 = 0x4
    /// Producers may write.
    public static let write: Int32 = 0x2
    /// The topic is a template other topics inherit from (e.g. TBW102).
    public static let inherit: Int32 = 0x1

    /// Read permission set.
    public static func isReadable(_ perm: Int32) -> Bool { perm & read == read }
    /// Write permission set.
    public static func isWriteable(_ perm: Int32) -> Bool { perm & write == write }
    /// Inherit permission set.
    public static func isInherited(_ perm: Int32) -> Bool { perm & inherit == inherit }
    /// Priority bit set.
    public static func isPriority(_ perm: Int32) -> Bool { perm & priority == priority }
    /// Readable or writeable.
    public static func isAccessible(_ perm: Int32) -> Bool { isReadable(perm) || isWriteable(perm) }
    /// A permission value Java accepts: `0 <= perm < 8`.
    public static func isValid(_ perm: Int32) -> Bool { perm >= 0 && perm < priority }

    /// The three-character display form used by the Java tools: `R`/`-`, `W`/`-`, `X`/`-` (6 → `RW-`).
    public static func string(_ perm: Int32) -> String {
        (isReadable(perm) ? "R" : "-") + (isWriteable(perm) ? "W" : "-") + (isInherited(perm) ? "X" : "-")
    }

    /// Parses the display form back (`"RW-"` → 6); nil unless it is exactly three valid characters.
    public static func parse(_ text: String) -> Int32? {
        let chars = Array(text)
        guard chars.count == 3 else { return nil }
        var perm: Int32 = 0
        switch chars[0] { case "R": perm |= read; case "-": break; default: return nil }
        switch chars[1] { case "W": perm |= write; case "-": break; default: return nil }
        switch chars[2] { case "X": perm |= inherit; case "-": break; default: return nil }
        return perm
    }
}
