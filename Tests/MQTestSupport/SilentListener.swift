#if canImport(Glibc)
    import Glibc
#endif

/// A loopback TCP socket on a port the system chose: listening but never accepting (the kernel's backlog
/// completes connections, nothing ever answers: a request's timeout), or only bound (connection refused).
/// Close it with `close()`.
public struct SilentListener: Sendable {
    public let fd: CInt
    public let port: Int
    public var address: String { "127.0.0.1:\(port)" }

    public init(listening: Bool) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && (!listening || listen(fd, 16) == 0) && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else {
            Glibc.close(fd)
            throw SilentListenerError()
        }
        self.fd = fd
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    public func close() { _ = Glibc.close(fd) }
}

public struct SilentListenerError: Error, CustomStringConvertible {
    public var description: String { "cannot bind a loopback socket for a silent listener" }
}
