#if canImport(Glibc)
import Glibc
#endif

/// Crash-safe small-file persistence (checkpoint, config JSON): write a temp file in the same
/// directory, fsync it, move the current version to `<path>.bak`, rename the temp file into place and
/// fsync the directory. A crash at any point leaves either the new file or the `.bak`.
public enum AtomicFile {
    /// Atomically replaces `path` with `data` (mode 0600), keeping the previous version as `<path>.bak`.
    public static func write(_ data: [UInt8], to path: String) throws {
        do {
            try writeOrFail(data, to: path)
        } catch {
            throw StoreError(error)
        }
    }

    /// The contents of `path`, or of `<path>.bak` when `path` is missing or unreadable; nil if neither exists.
    public static func read(_ path: String) throws -> [UInt8]? {
        try read(path, validate: { _ in true })
    }

    /// Like ``read(_:)``, also falling back to the `.bak` when `validate` rejects the main file's bytes.
    static func read(_ path: String, validate: ([UInt8]) -> Bool) throws -> [UInt8]? {
        var lastError: IOFailure?
        for candidate in [path, path + ".bak"] {
            do {
                if let bytes = try readWhole(candidate), validate(bytes) { return bytes }
            } catch {
                lastError = error
            }
        }
        if let lastError { throw StoreError(lastError) }
        return nil
    }

    private static func writeOrFail(_ data: [UInt8], to path: String) throws(IOFailure) {
        let directory = parentDirectory(of: path)
        let temp = path + ".tmp"
        let file = try DataFile.open(temp, create: true)
        try file.truncate(to: 0)
        try file.write(data, at: 0)
        try file.sync()
        if FileSystem.exists(path) {
            guard rename(path, path + ".bak") == 0 else { throw IOFailure("rename", path) }
        }
        guard rename(temp, path) == 0 else { throw IOFailure("rename", temp) }
        try FileSystem.syncDirectory(directory)
    }

    private static func readWhole(_ path: String) throws(IOFailure) -> [UInt8]? {
        guard FileSystem.exists(path) else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IOFailure("open", path) }
        defer { close(fd) }
        var out = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw IOFailure("read", path)
            }
            if n == 0 { break }
            out += chunk[0..<n]
        }
        return out
    }

    static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let parent = String(path[..<slash])
        return parent.isEmpty ? "/" : parent
    }
}
