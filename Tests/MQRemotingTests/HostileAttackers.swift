import Foundation
import MQProtocol
import NIOCore
import Synchronization

/// The attackers of `HostileNetworkTests`: plain blocking sockets on threads of their own, so the
/// attack does not share the event loops that serve (or time) the well-behaved client.
extension HostileNetworkTests {
    /// Connects a blocking TCP socket to `address` (`ip:port`), with 10 s send and receive timeouts (the
    /// machine may be loaded).
    static func connectSocket(_ address: String) -> Int32? {
        let parts = address.split(separator: ":")
        guard parts.count == 2, let port = UInt16(parts[1]) else { return nil }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var tv = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var sin = sockaddr_in()
        sin.sin_family = sa_family_t(AF_INET)
        sin.sin_port = in_port_t(port).bigEndian
        inet_pton(AF_INET, String(parts[0]), &sin.sin_addr)
        let rc = withUnsafePointer(to: &sin) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard rc == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// True when the server closes the connection (EOF or reset) within the receive timeout; whatever
    /// it answered before closing is read and dropped.
    static func closedByServer(_ fd: Int32) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 { continue }
            return n == 0 || errno == ECONNRESET || errno == EPIPE
        }
    }

    /// Opens `count` connections to each target that never send a byte, and holds them until `stop`.
    static func holdIdle(_ targets: [String], count: Int, stats: AttackStats) {
        var fds: [Int32] = []
        for target in targets {
            for _ in 0..<count {
                guard let fd = connectSocket(target) else { continue }
                fds.append(fd)
                stats.idleHeld.add(1, ordering: .relaxed)
            }
        }
        stats.waitForStop()
        fds.forEach { close($0) }
        stats.finished.add(1, ordering: .relaxed)
    }

    /// Sends a valid request one byte at a time on each of `count` connections per target, a byte per
    /// connection every 25 ms, until `stop`.
    static func dripSlowly(_ targets: [String], count: Int, stats: AttackStats) {
        let frame = Array((try! RemotingFrameEncoder.frame(.request(.getBrokerClusterInfo))).readableBytesView)
        var fds: [Int32] = []
        for target in targets {
            for _ in 0..<count { if let fd = connectSocket(target) { fds.append(fd) } }
        }
        var position = 0
        while !stats.stop.load(ordering: .relaxed) {
            for fd in fds { sendAll(fd, [frame[position % frame.count]]) }
            stats.dripped.add(fds.count, ordering: .relaxed)
            position += 1
            // A pause by design: slowloris sends a byte per connection every 25 ms.
            usleep(25_000)
        }
        fds.forEach { close($0) }
        stats.finished.add(1, ordering: .relaxed)
    }

    /// Announces a frame of 16 MiB + 1 and starts sending it: the server must close without buffering it.
    static func sendOversized(_ targets: [String], count: Int, stats: AttackStats) {
        var prefix = ByteBuffer()
        prefix.writeInteger(Int32(FrameLimits.maxFrameLength + 1))
        let bytes = Array(prefix.readableBytesView) + [UInt8](repeating: 0x41, count: 64 * 1024)
        for target in targets {
            for _ in 0..<count {
                guard let fd = connectSocket(target) else { continue }
                sendAll(fd, bytes)
                if closedByServer(fd) { stats.oversizedClosed.add(1, ordering: .relaxed) }
                close(fd)
            }
        }
        stats.finished.add(1, ordering: .relaxed)
    }

    /// Random bytes (a negative length first, so every one is surely a bad frame).
    static func sendGarbage(_ targets: [String], count: Int, stats: AttackStats) {
        for target in targets {
            for _ in 0..<count {
                guard let fd = connectSocket(target) else { continue }
                sendAll(fd, [0xFF] + (0..<4095).map { _ in UInt8.random(in: 0...255) })
                if closedByServer(fd) { stats.garbageClosed.add(1, ordering: .relaxed) }
                close(fd)
            }
        }
        stats.finished.add(1, ordering: .relaxed)
    }

    /// Pipelines requests on one connection per target and never reads a response, up to `megabytes`
    /// (or until the server stops reading: its replies then have nowhere to go, and it must not queue
    /// them without bound).
    static func neverRead(_ targets: [String], megabytes: Int, stats: AttackStats) {
        // A code nobody serves: answered at once (REQUEST_CODE_NOT_SUPPORTED), so what is measured is
        // the queueing of unread answers. (Pipelining an expensive request instead costs the server CPU
        // on the connection's event loop; see docs/reliability.md.)
        let one = Array((try! RemotingFrameEncoder.frame(.request(RequestCode(rawValue: 9999)))).readableBytesView)
        let chunk = [UInt8]((0..<(65536 / one.count)).map { _ in one }.joined())
        var fds: [Int32] = []
        for target in targets {
            guard let fd = connectSocket(target) else { continue }
            var tv = timeval(tv_sec: 1, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
            fds.append(fd)
            var written = 0
            while written < megabytes << 20 && !stats.stop.load(ordering: .relaxed) {
                let n = chunk.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard n > 0 else { break }
                written += n
            }
            stats.unreadBytes.add(written, ordering: .relaxed)
        }
        stats.waitForStop()
        fds.forEach { close($0) }
        stats.finished.add(1, ordering: .relaxed)
    }

    /// Connects and closes at once, `count` times, alternating targets.
    static func flood(_ targets: [String], count: Int, stats: AttackStats) {
        for i in 0..<count {
            guard let fd = connectSocket(targets[i % targets.count]) else { continue }
            stats.floodConnects.add(1, ordering: .relaxed)
            close(fd)
        }
        stats.finished.add(1, ordering: .relaxed)
    }
}
