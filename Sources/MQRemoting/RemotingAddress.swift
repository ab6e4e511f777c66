import MQProtocol
import NIOCore

/// The transport's endpoints are `HostPort`s (MQProtocol owns the parsing, so the CLI, the servers and
/// the connections agree on what is valid); this spelling keeps the transport's own error.
public typealias RemotingAddress = HostPort

extension HostPort {
    /// Parses `host:port` or `[ipv6]:port`; anything else throws `RemotingError.invalidAddress`.
    public init(parsing text: String) throws(RemotingError) {
        guard let parsed = HostPort(text) else { throw .invalidAddress(text) }
        self = parsed
    }
}

extension SocketAddress {
    /// `ip:port` (`[ip]:port` for IPv6), the form peers and logs use.
    var remotingText: String {
        guard let ip = ipAddress, let port else { return description }
        return HostPort(host: ip, port: port).description
    }
}
