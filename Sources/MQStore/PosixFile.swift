#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import NIOCore

/// A failed system call, with the path and `errno` text, for logs and ``StoreError``s.
struct IOFailure: Error, CustomStringConvertible {
    let operation: String
    let path: String
    let code: Int32

    init(_ operation: String, _ path: String, code: Int32 = errno) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    var reason: String { String(cString: strerror(code)) }
    var description: String { "\(operation) \(path): \(reason)" }
}

/// An open data file used with positional I/O only (pread/pwrite), so one descriptor can serve
/// concurrent readers and the single writer. The descriptor is closed when the last reference goes,
/// which lets a reader finish with a file that retention has just unlinked.
final class DataFile: @unchecked Sendable {
    let path: String
    let fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    deinit { close(fd) }

    /// Opens `path` read-write, creating it with mode 0600 when `create` is set.
    static func open(_ path: String, create: Bool) throws(IOFailure) -> DataFile {
        let flags = O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0)
        let fd = path.withCString { Glibc.open($0, flags, mode_t(0o600)) }
        guard fd >= 0 else { throw IOFailure("open", path) }
        return DataFile(path: path, fd: fd)
    }

    /// Current size in bytes.
    func size() throws(IOFailure) -> Int64 {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw IOFailure("fstat", path) }
        return Int64(st.st_size)
    }

    /// Writes all of `bytes` at `offset`, retrying short writes and EINTR.
    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int64) throws(IOFailure) {
        guard let base = bytes.baseAddress else { return }
        var done = 0
        while done < bytes.count {
            let n = pwrite(fd, base + done, bytes.count - done, off_t(offset) + off_t(done))
            if n < 0 {
                if errno == EINTR { continue }
                throw IOFailure("write", path)
            }
            if n == 0 { throw IOFailure("write", path, code: EIO) }
            done += n
        }
    }

    /// Writes the readable bytes of `buffer` at `offset`.
    func write(_ buffer: ByteBuffer, at offset: Int64) throws(IOFailure) {
        var failure: IOFailure?
        buffer.withUnsafeReadableBytes { raw in
            do throws(IOFailure) { try write(raw, at: offset) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Writes `bytes` at `offset`.
    func write(_ bytes: [UInt8], at offset: Int64) throws(IOFailure) {
        var failure: IOFailure?
        bytes.withUnsafeBytes { raw in
            do throws(IOFailure) { try write(raw, at: offset) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Reads up to `count` bytes at `offset` into `into`; returns how many were read (fewer at end of file).
    func read(into: UnsafeMutableRawBufferPointer, at offset: Int64) throws(IOFailure) -> Int {
        guard let base = into.baseAddress else { return 0 }
        var done = 0
        while done < into.count {
            let n = pread(fd, base + done, into.count - done, off_t(offset) + off_t(done))
            if n < 0 {
                if errno == EINTR { continue }
                throw IOFailure("read", path)
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// Reads up to `count` bytes at `offset` into a new buffer (shorter at end of file).
    func read(count: Int, at offset: Int64) throws(IOFailure) -> ByteBuffer {
        var buffer = ByteBuffer()
        guard count > 0 else { return buffer }
        buffer.reserveCapacity(count)
        var failure: IOFailure?
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count) { raw in
            do throws(IOFailure) {
                return try read(into: UnsafeMutableRawBufferPointer(rebasing: raw[0..<count]), at: offset)
            } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw failure }
        return buffer
    }

    /// Reads exactly `count` bytes at `offset` into an array; nil if the file is shorter.
    func readBytes(count: Int, at offset: Int64) throws(IOFailure) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var failure: IOFailure?
        let n = bytes.withUnsafeMutableBytes { raw -> Int in
            do throws(IOFailure) { return try read(into: raw, at: offset) } catch { failure = error; return 0 }
        }
        if let failure { throw failure }
        return n == count ? bytes : nil
    }

    /// `fdatasync`: data (and the size, when it changed) durable.
    func sync() throws(IOFailure) {
        while fdatasync(fd) != 0 {
            if errno == EINTR { continue }
            throw IOFailure("fdatasync", path)
        }
    }

    /// Cuts or extends the file to `length` bytes.
    func truncate(to length: Int64) throws(IOFailure) {
        guard ftruncate(fd, off_t(length)) == 0 else { throw IOFailure("ftruncate", path) }
    }
}

/// Directory and path helpers over POSIX calls.
enum FileSystem {
    /// Whether something exists at `path`.
    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// Whether `path` is a directory.
    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates `path` and missing parents with mode 0700.
    static func makeDirectories(_ path: String) throws(IOFailure) {
        if isDirectory(path) { return }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            if !isDirectory(prefix) {
                if mkdir(prefix, 0o700) != 0 && errno != EEXIST { throw IOFailure("mkdir", prefix) }
                if !isDirectory(prefix) { throw IOFailure("mkdir", prefix, code: ENOTDIR) }
            }
            prefix += "/"
        }
    }

    /// Names in `path` (no `.`/`..`); empty if it cannot be listed.
    static func list(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names = [String]()
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Deletes a file; a missing file is not an error.
    static func remove(_ path: String) throws(IOFailure) {
        if unlink(path) != 0 && errno != ENOENT { throw IOFailure("unlink", path) }
    }

    /// Deletes a directory tree.
    static func removeTree(_ path: String) throws(IOFailure) {
        guard isDirectory(path) else { return try remove(path) }
        for name in list(path) { try removeTree(path + "/" + name) }
        if rmdir(path) != 0 && errno != ENOENT { throw IOFailure("rmdir", path) }
    }

    /// fsyncs a directory so renames and new entries in it are durable.
    static func syncDirectory(_ path: String) throws(IOFailure) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw IOFailure("open", path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw IOFailure("fsync", path) }
    }

    /// Modification time in ms since the epoch, nil if the file is missing.
    static func modificationTime(_ path: String) -> Int64? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Int64(st.st_mtim.tv_sec) * 1000 + Int64(st.st_mtim.tv_nsec) / 1_000_000
    }

    /// Whether the process may create files in directory `path` (checked by creating one).
    static func checkWritable(_ path: String) throws(IOFailure) {
        let probe = path + "/.write-probe-\(getpid())"
        let fd = open(probe, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, mode_t(0o600))
        guard fd >= 0 else { throw IOFailure("create a file in", path) }
        close(fd)
        unlink(probe)
    }
}

/// 20-digit zero-padded names of commit-log segments, consume-queue and index files.
enum OffsetName {
    static func format(_ offset: Int64) -> String {
        let digits = String(offset)
        return String(repeating: "0", count: max(0, 20 - digits.count)) + digits
    }

    static func parse(_ name: String) -> Int64? {
        guard name.utf8.count == 20, name.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int64(name)
    }
}

/// Wall-clock milliseconds.
func currentTimeMillis() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
}

/// Monotonic nanoseconds, for measuring durations.
func monotonicNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}
