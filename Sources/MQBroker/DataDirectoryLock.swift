#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import MQProtocol

/// What a running broker writes into its data directory's lock file, so `mqadmin` commands can find it.
public struct RunningBrokerInfo: Codable, Sendable, Equatable {
    public var pid: Int32
    public var nameServer: String?
    public var broker: String?
    public var startedAt: Int64
    /// The gRPC endpoint's bound address (`--grpc-listen`), when it runs.
    public var grpc: String?

    public init(pid: Int32, nameServer: String?, broker: String?, startedAt: Int64, grpc: String? = nil) {
        self.pid = pid
        self.nameServer = nameServer
        self.broker = broker
        self.startedAt = startedAt
        self.grpc = grpc
    }
}

/// An exclusive, non-blocking `flock` on `<data>/lock`, held for the broker's lifetime.
/// The kernel drops it when the process dies, so a crashed broker never leaves a stale lock.
public final class DataDirectoryLock: Sendable {
    public let path: String
    private let fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    public static func lockPath(dataDirectory: String) -> String { dataDirectory + "/lock" }

    /// Creates the directory (0700) if needed and takes the lock, or says who holds it.
    public static func acquire(dataDirectory: String) throws -> DataDirectoryLock {
        try prepareDirectory(dataDirectory)
        let path = lockPath(dataDirectory: dataDirectory)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw BrokerError.dataDirectoryUnusable(path: dataDirectory, reason: String(cString: strerror(errno)))
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let holder = readInfo(dataDirectory: dataDirectory).map { "pid \($0.pid)" } ?? "unknown process"
            close(fd)
            throw BrokerError.dataDirectoryLocked(path: dataDirectory, holder: holder)
        }
        return DataDirectoryLock(path: path, fd: fd)
    }

    /// Checks that the data directory is usable without creating anything, so problems are reported
    /// before a port is bound or a file written.
    public static func checkDirectory(_ dir: String) throws {
        var st = stat()
        if stat(dir, &st) == 0 {
            guard st.st_mode & S_IFMT == S_IFDIR else {
                throw BrokerError.dataDirectoryUnusable(path: dir, reason: "it is not a directory")
            }
            guard access(dir, R_OK | W_OK | X_OK) == 0 else {
                throw BrokerError.dataDirectoryUnusable(path: dir, reason: "it is not readable and writable")
            }
            return
        }
        // Missing: the nearest existing ancestor must let us create it.
        var parent = (dir as NSString).deletingLastPathComponent
        while !parent.isEmpty, stat(parent, &st) != 0 { parent = (parent as NSString).deletingLastPathComponent }
        guard !parent.isEmpty, st.st_mode & S_IFMT == S_IFDIR, access(parent, W_OK | X_OK) == 0 else {
            throw BrokerError.dataDirectoryUnusable(path: dir, reason: "it does not exist and cannot be created")
        }
    }

    /// Refuses, creating nothing, when the directory cannot be used or another broker holds it: what a start
    /// reports before binding a port (`acquire` still decides, after the binds).
    public static func check(dataDirectory: String) throws {
        try checkDirectory(dataDirectory)
        if isHeld(dataDirectory: dataDirectory) {
            let holder = readInfo(dataDirectory: dataDirectory).map { "pid \($0.pid)" } ?? "unknown process"
            throw BrokerError.dataDirectoryLocked(path: dataDirectory, holder: holder)
        }
    }

    /// Checks, then creates the data directory (and missing parents) private to the user.
    public static func prepareDirectory(_ dir: String) throws {
        try checkDirectory(dir)
        do {
            try FileManager.default.createDirectory(
                atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw BrokerError.dataDirectoryUnusable(path: dir, reason: "cannot create it (\(error.localizedDescription))")
        }
    }

    /// Records how to reach this broker (written after the ports are bound).
    public func publish(_ info: RunningBrokerInfo) {
        guard let bytes = try? FastJSONEncoder().encode(info) else { return }
        _ = ftruncate(fd, 0)
        _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        _ = fsync(fd)
    }

    /// Who holds the directory, if a broker is running there.
    public static func readInfo(dataDirectory: String) -> RunningBrokerInfo? {
        let fd = open(lockPath(dataDirectory: dataDirectory), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buf = [UInt8](repeating: 0, count: 4096)
        let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { return nil }
        return try? FastJSONDecoder().decode(RunningBrokerInfo.self, from: Array(buf[0..<n]))
    }

    /// True when a live process holds the lock (the file alone proves nothing after a crash).
    public static func isHeld(dataDirectory: String) -> Bool {
        let fd = open(lockPath(dataDirectory: dataDirectory), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return false
        }
        return true
    }

    public func release() {
        _ = ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
    }
}
