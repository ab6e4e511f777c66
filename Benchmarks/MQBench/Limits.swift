import Foundation
import NIOCore
import NIOPosix

/// What this machine can do at best: the yardsticks every figure is divided by.
enum Limits {
    /// Sequential write bandwidth (MB/s) of the directory's disk: 1 MiB writes, one fsync at the end.
    static func diskWriteMBps(directory: String, megabytes: Int = 1024) throws -> Double {
        let path = directory + "/disk-probe"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw BenchError("cannot write \(path)") }
        defer {
            close(fd)
            unlink(path)
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        for i in stride(from: 0, to: chunk.count, by: 4096) { chunk[i] = UInt8(truncatingIfNeeded: i) }
        let start = ContinuousClock.now
        for _ in 0..<megabytes {
            let n = chunk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard n == chunk.count else { throw BenchError("short write on \(path)") }
        }
        fsync(fd)
        return Double(megabytes) * 1.048576 / seconds(since: start)
    }

    /// Median latency (ms) of a 1 KiB write + fdatasync.
    static func fsyncMillis(directory: String, rounds: Int = 200) -> Double {
        let path = directory + "/fsync-probe"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer {
            close(fd)
            unlink(path)
        }
        let block = [UInt8](repeating: 7, count: 1024)
        var samples: [Double] = []
        for _ in 0..<rounds {
            let start = ContinuousClock.now
            _ = block.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            fdatasync(fd)
            samples.append(seconds(since: start) * 1000)
        }
        return median(samples)
    }

    /// Median round trip (µs) of 64-byte ping-pongs over loopback TCP.
    static func loopbackMicros(rounds: Int = 2000) throws -> Double {
        let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(server, $0, len) }
        }
        listen(server, 1)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(server, $0, &len) }
        }
        let echo = Thread {
            let c = accept(server, nil, nil)
            var buf = [UInt8](repeating: 0, count: 64)
            while true {
                let n = buf.withUnsafeMutableBytes { recv(c, $0.baseAddress, 64, Int32(MSG_WAITALL)) }
                if n <= 0 { break }
                _ = buf.withUnsafeBytes { send(c, $0.baseAddress, n, 0) }
            }
            close(c)
        }
        echo.start()
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer {
            close(client)
            close(server)
        }
        var one: Int32 = 1
        setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        _ = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, len) }
        }
        var buf = [UInt8](repeating: 1, count: 64)
        var samples: [Double] = []
        for _ in 0..<rounds {
            let start = ContinuousClock.now
            _ = buf.withUnsafeBytes { send(client, $0.baseAddress, 64, 0) }
            _ = buf.withUnsafeMutableBytes { recv(client, $0.baseAddress, 64, Int32(MSG_WAITALL)) }
            samples.append(seconds(since: start) * 1e6)
        }
        return median(samples)
    }

    /// Median wall time (ms) to run a program to completion.
    static func startMillis(_ path: String, _ args: [String] = [], rounds: Int = 15) throws -> Double {
        var samples: [Double] = []
        for _ in 0..<rounds {
            let start = ContinuousClock.now
            let status = try spawnAndWait(path, args)
            samples.append(seconds(since: start) * 1000)
            guard status == 0 else { throw BenchError("\(path) \(args.joined(separator: " ")) exited with \(status)") }
        }
        return median(samples)
    }

    /// Runs `path` with output to /dev/null and returns its exit status. posix_spawn directly: Foundation's
    /// Process adds tens of milliseconds per launch here, which would swamp the start times being measured.
    static func spawnAndWait(_ path: String, _ args: [String]) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + args).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard rc == 0 else { throw BenchError("cannot start \(path): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? 0 : s[s.count / 2]
}

func percentile(_ xs: [Double], _ p: Double) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? 0 : s[min(s.count - 1, Int(Double(s.count) * p))]
}
