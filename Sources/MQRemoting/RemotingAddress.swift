import NIOCore

/// A `host:port` endpoint as written on command lines and in name server answers.
///
/// IPv6 literals are bracketed (`[::1]:9876`), like Java's `host:port` strings.
public struct RemotingAddress: Sendable, Hashable, CustomStringConvertible {
    /// A name or an IP literal; IPv6 without brackets.
    public var host: String
    /// 0...65535 (0 only makes sense for a server that lets the system choose).
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port` or `[ipv6]:port`; anything else throws `RemotingError.invalidAddress`.
    public init(parsing text: String) throws(RemotingError) {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            // Bracketed IPv6: the host is what is inside the brackets and must look like IPv6.
            guard let close = text.firstIndex(of: "]") else { throw .invalidAddress(text) }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":"), host.contains(":") else { throw .invalidAddress(text) }
            portText = rest.dropFirst()
        } else {
            // One colon only: a bare IPv6 literal is ambiguous and rejected.
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw .invalidAddress(text) }
            host = parts[0]
            portText = parts[1]
        }
        let forbidden: Set<Character> = [" ", "\t", "\n", "\r", "/", "@", "[", "]", ";", ","]
        guard !host.isEmpty, !host.contains(where: { forbidden.contains($0) }),
            (1...5).contains(portText.count), portText.allSatisfy({ $0.isASCII && $0.isNumber }),
            let port = Int(portText), port <= 65535
        else { throw .invalidAddress(text) }
        self.host = String(host)
        self.port = port
    }

    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}

extension SocketAddress {
    /// `ip:port` (`[ip]:port` for IPv6), the form peers and logs use.
    var remotingText: String {
        guard let ip = ipAddress, let port else { return description }
        return RemotingAddress(host: ip, port: port).description
    }
}
