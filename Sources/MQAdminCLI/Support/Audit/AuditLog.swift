import Foundation
import NIOConcurrencyHelpers

/// `~/.mqadmin/audit.jsonl`: one JSON line per change, appended with O_APPEND in one write(2), so lines of
/// concurrent runs never interleave. File 0600 in a 0700 directory.
enum AuditLog {
    static func path(home: String) -> String { home + "/" + HomeFile.audit.relativePath }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    /// Appends `entry` as one line.
    static func append(_ entry: AuditEntry, home: String) throws {
        let file = path(home: home)
        try PrivateFiles.makeDirectory((file as NSString).deletingLastPathComponent)
        var line = try encoder.encode(entry)
        line.append(UInt8(ascii: "\n"))
        let fd = open(file, O_WRONLY | O_APPEND | O_CREAT, 0o600)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == line.count else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// Every entry, oldest first; lines that do not parse are skipped and counted.
    static func read(home: String) -> (entries: [AuditEntry], unreadable: Int) {
        guard let data = FileManager.default.contents(atPath: path(home: home)) else { return ([], 0) }
        var entries: [AuditEntry] = []
        var unreadable = 0
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            if let entry = try? JSONDecoder().decode(AuditEntry.self, from: Data(line)) {
                entries.append(entry)
            } else {
                unreadable += 1
            }
        }
        return (entries, unreadable)
    }

    /// Whether this process already said the log could not be written: said once, not after every command
    /// of a REPL session.
    static let warned = NIOLockedValueBox(false)

    /// Appends, and on failure warns once on stderr instead of failing: the change was made (or refused)
    /// whatever the log says, and an operator fixing an outage at 3 a.m. must not be stopped by a full disk
    /// under HOME. The warning names the file and what to fix.
    static func record(_ entry: AuditEntry, home: String) {
        do {
            try append(entry, home: home)
        } catch {
            let first = warned.withLockedValue { already in
                defer { already = true }
                return !already
            }
            if first {
                Emit.note(
                    "warning: could not write the audit log \(BundledStore.abbreviate(path(home: home))) "
                        + "(\(error.localizedDescription)); the command was not affected; check the file's "
                        + "permissions and free space")
            }
        }
    }
}
