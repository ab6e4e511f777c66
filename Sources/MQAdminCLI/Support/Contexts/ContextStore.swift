import Foundation

/// Reads and writes `~/.mqadmin/contexts.json` (directory 0700, file 0600, replaced atomically). The one
/// owner of that file: target resolution (`ConnectionOptions`), the `context` commands and shell completion
/// all read contexts through `load(home:)` and `lookup(_:home:)`.
enum ContextStore {
    /// `HOME/.mqadmin/contexts.json`.
    static func path(home: String) -> String { home + "/" + HomeFile.contexts.relativePath }

    /// The contexts under `home`; an absent file is no contexts. A file that is not ours throws one line.
    static func load(home: String) throws -> ContextFile {
        let file = path(home: home)
        guard let data = FileManager.default.contents(atPath: file) else { return .empty }
        do {
            return try JSONDecoder().decode(ContextFile.self, from: data)
        } catch {
            throw CLIError(
                "\(BundledStore.abbreviate(file)) is not a valid contexts file (\(error.localizedDescription)); "
                    + "fix it or delete it and add the contexts again",
                exit: .failed)
        }
    }

    /// The context called `name`, or a usage error (exit 2) listing the known ones.
    static func lookup(_ name: String, home: String) throws -> ConnectionContext {
        let file = try load(home: home)
        if let found = file.context(named: name) { return found }
        throw unknown(name, in: file)
    }

    static func unknown(_ name: String, in file: ContextFile) -> CLIError {
        let known = file.contexts.map(\.name).sorted()
        let list = known.isEmpty
            ? "there are none; add one with `mqadmin context add \(name) -n ADDR`"
            : "known: \(known.joined(separator: ", "))"
        return CLIError("no context named \"\(name)\"; \(list)", exit: .usage)
    }

    /// Replaces the file with `contents`: written to a temporary file (0600) in the same 0700 directory,
    /// then renamed over, so a reader never sees half a file.
    static func save(_ contents: ContextFile, home: String) throws {
        let file = path(home: home)
        let dir = (file as NSString).deletingLastPathComponent
        do {
            try PrivateFiles.makeDirectory(dir)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(contents)
            try PrivateFiles.replace(file, with: data)
        } catch {
            throw CLIError(
                "cannot write \(BundledStore.abbreviate(file)) (\(error.localizedDescription)); nothing changed",
                exit: .failed)
        }
    }
}

/// Files only their owner may read: the contexts file and the audit log.
enum PrivateFiles {
    /// Creates `dir` (and its parents) with mode 0700 if missing; an existing one is tightened to 0700.
    static func makeDirectory(_ dir: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try fm.setAttributes([.posixPermissions: 0o700], ofItemAtPath: dir)
    }

    /// Writes `data` to `file` atomically with mode 0600 (created so, never readable by others meanwhile).
    static func replace(_ file: String, with data: Data) throws {
        let temporary = file + ".tmp-\(getpid())"
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd)
        close(fd)
        guard written == data.count, synced == 0, rename(temporary, file) == 0 else {
            let code = errno
            unlink(temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }
}
