import MQProtocol
import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// One TCP connection driven by blocking calls: a non-blocking socket waited on with `poll`, so every connect,
/// write and read ends by its deadline. Frames go through MQProtocol's codec, as on NIO connections.
///
/// Used by one caller at a time (`BlockingInvoker` checks it out of its idle list and back in), hence
/// `@unchecked Sendable`: the read buffer is never touched by two threads at once.
final class BlockingConnection: @unchecked Sendable {
    enum Failure: Error {
        /// The deadline passed.
        case timedOut
        /// The peer closed the connection, reset it or sent bytes that are not a frame.
        case closed
        /// Connecting failed with this errno.
        case refused(CInt)
        /// The host name did not resolve.
        case unresolved
    }

    private let fd: CInt
    private var inbound = ByteBuffer()
    private var decoder = RemotingFrameDecoder()
    private var isClosed = false

    private init(fd: CInt) {
        self.fd = fd
    }

    deinit { close() }

    func close() {
        guard !isClosed else { return }
        isClosed = true
        _ = Glibc.close(fd)
    }

    /// False when the peer closed it or sent something while it sat idle (it is then dropped, not reused).
    var isReusable: Bool {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return !isClosed && poll(&poller, 1, 0) == 0
    }

    // MARK: - Connecting

    /// Connects to `target`, trying each address it resolves to in turn, before `deadline`.
    static func connect(to target: HostPort, deadline: ContinuousClock.Instant) throws(Failure) -> BlockingConnection {
        let addresses = try resolve(target)
        defer { addresses.forEach { $0.deallocate() } }
        var failure = Failure.unresolved
        for address in addresses {
            do {
                return try connect(address, deadline: deadline)
            } catch .timedOut {
                throw .timedOut
            } catch {
                failure = error
            }
        }
        throw failure
    }

    /// IP literals are converted in place; names go through `getaddrinfo` (which has no timeout of its own).
    private static func resolve(_ target: HostPort) throws(Failure) -> [UnsafeMutableRawBufferPointer] {
        let port = UInt16(truncatingIfNeeded: target.port).bigEndian
        var v4 = in_addr()
        if inet_pton(AF_INET, target.host, &v4) == 1 {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port
            address.sin_addr = v4
            return [copy(&address)]
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, target.host, &v6) == 1 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port
            address.sin6_addr = v6
            return [copy(&address)]
        }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV | AI_ADDRCONFIG
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(target.host, String(target.port), &hints, &list) == 0, let first = list else {
            throw .unresolved
        }
        defer { freeaddrinfo(list) }
        var found: [UnsafeMutableRawBufferPointer] = []
        for entry in sequence(first: first, next: { $0.pointee.ai_next }) {
            guard let raw = entry.pointee.ai_addr else { continue }
            let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: Int(entry.pointee.ai_addrlen), alignment: 8)
            copy.copyMemory(from: UnsafeRawBufferPointer(start: raw, count: Int(entry.pointee.ai_addrlen)))
            found.append(copy)
        }
        guard !found.isEmpty else { throw .unresolved }
        return found
    }

    private static func copy<A>(_ address: inout A) -> UnsafeMutableRawBufferPointer {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: MemoryLayout<A>.size, alignment: 8)
        withUnsafeBytes(of: &address) { copy.copyMemory(from: $0) }
        return copy
    }

    private static func connect(
        _ address: UnsafeMutableRawBufferPointer, deadline: ContinuousClock.Instant
    ) throws(Failure) -> BlockingConnection {
        let sockaddrPointer = address.baseAddress!.assumingMemoryBound(to: sockaddr.self)
        let family = CInt(sockaddrPointer.pointee.sa_family)
        let kind = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
        let fd = socket(family, kind, 0)
        guard fd >= 0 else { throw .refused(errno) }
        let connection = BlockingConnection(fd: fd)
        var on: CInt = 1
        _ = setsockopt(fd, CInt(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<CInt>.size))
        if Glibc.connect(fd, sockaddrPointer, socklen_t(address.count)) != 0 {
            guard errno == EINPROGRESS else { throw .refused(errno) }
            try connection.wait(for: POLLOUT, until: deadline)
            var error: CInt = 0
            var length = socklen_t(MemoryLayout<CInt>.size)
            _ = getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
            guard error == 0 else { throw .refused(error) }
        }
        return connection
    }

    // MARK: - Frames

    /// Writes `command` as one frame.
    func write(_ command: RemotingCommand, until deadline: ContinuousClock.Instant) throws(Failure) {
        guard var frame = try? RemotingFrameEncoder.frame(command) else { throw .closed }
        while frame.readableBytes > 0 {
            let sent = frame.withUnsafeReadableBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent > 0 {
                frame.moveReaderIndex(forwardBy: sent)
            } else if sent < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                try wait(for: POLLOUT, until: deadline)
            } else {
                throw .closed
            }
        }
    }

    /// Reads frames until the response carrying `opaque`. Late responses to requests that timed out are
    /// dropped; requests from the server are handed to `answer` (which may write a reply).
    func readResponse(
        to opaque: Int32, until deadline: ContinuousClock.Instant, answer: (RemotingCommand) throws(Failure) -> Void
    ) throws(Failure) -> RemotingCommand {
        while true {
            let frame: RemotingCommand?
            do {
                frame = try decoder.decode(buffer: &inbound)
            } catch {
                throw .closed
            }
            if let frame {
                if frame.isResponse {
                    if frame.opaque == opaque { return frame }
                } else {
                    try answer(frame)
                }
                continue
            }
            try wait(for: POLLIN, until: deadline)
            var received = 0
            var failure: CInt = 0
            inbound.writeWithUnsafeMutableBytes(minimumWritableBytes: 64 * 1024) { buffer in
                received = recv(fd, buffer.baseAddress, buffer.count, 0)
                failure = errno
                return max(0, received)
            }
            // 0 is the peer's FIN; -1 with EAGAIN is a spurious wake-up.
            if received == 0 { throw .closed }
            if received < 0, failure != EAGAIN, failure != EWOULDBLOCK, failure != EINTR { throw .closed }
            inbound.discardReadBytes()
        }
    }

    /// Waits until the socket is ready for `events` or the deadline passes.
    private func wait(for events: CInt, until deadline: ContinuousClock.Instant) throws(Failure) {
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { throw .timedOut }
            let (seconds, attoseconds) = left.components
            // Rounded up, so a wait never ends just before the deadline and spins.
            let millis = min(
                Int64(Int32.max), seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
            var poller = pollfd(fd: fd, events: Int16(events), revents: 0)
            let ready = poll(&poller, 1, CInt(millis))
            if ready > 0 { return }
            if ready < 0, errno != EINTR { throw .closed }
        }
    }
}
