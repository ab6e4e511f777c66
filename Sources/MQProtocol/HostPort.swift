/// A `host:port` endpoint as command lines, configuration and name servers write it; an IPv6 host in
/// brackets (`[::1]:9876`), like Java's `host:port` strings. The one parser of such text: the CLI's
/// validation, the servers' listen addresses and the transport's connections all agree on what is valid.
public struct HostPort: Sendable, Hashable, CustomStringConvertible {
    /// A name or an IP literal; IPv6 without brackets.
    public var host: String
    /// 0...65535 (0 only makes sense for a server that lets the system choose).
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port` or `[ipv6]:port`; nil for anything else. A bare IPv6 literal (`::1:9876`) is
    /// ambiguous and refused; so are separators and spaces in the host and ports outside 0...65535.
    public init?(_ text: String) {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            // Bracketed IPv6: the host is what is inside the brackets and must look like IPv6.
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":"), host.contains(":") else { return nil }
            portText = rest.dropFirst()
        } else {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            host = parts[0]
            portText = parts[1]
        }
        let forbidden: Set<Character> = [" ", "\t", "\n", "\r", "/", "@", "[", "]", ";", ","]
        guard !host.isEmpty, !host.contains(where: { forbidden.contains($0) }),
            (1...5).contains(portText.count), portText.allSatisfy({ $0.isASCII && $0.isNumber }),
            let port = Int(portText), port <= 65535
        else { return nil }
        self.host = String(host)
        self.port = port
    }

    /// Parses `text`, or throws naming what it was meant to be (`--listen`, `name server address`) and
    /// an example of a valid one.
    public init(_ text: String, what: String, example: String = "127.0.0.1:9876") throws(Invalid) {
        guard let parsed = HostPort(text) else { throw Invalid(text: text, what: what, example: example) }
        self = parsed
    }

    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Text that is not `host:port`.
    public struct Invalid: Error, Sendable, Equatable, CustomStringConvertible {
        public var text: String
        public var what: String
        public var example: String

        public init(text: String, what: String, example: String) {
            self.text = text
            self.what = what
            self.example = example
        }

        public var description: String { "\(what) \"\(text)\" is not HOST:PORT (e.g. \(example))" }
    }
}
