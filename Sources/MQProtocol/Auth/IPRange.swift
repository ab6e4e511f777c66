#if canImport(Glibc)
    import Glibc
#endif

/// Source-IP conditions of ACL entries: an exact IP or a CIDR block, IPv4 or IPv6
/// (Apache's `IPAddressUtils`).
public enum IPRange {
    /// True for a valid IP address or CIDR block (`10.0.0.0/8`, `::1`, `fd00::/8`).
    public static func isValid(_ text: String) -> Bool {
        if let slash = text.firstIndex(of: "/") {
            guard let address = bytes(String(text[..<slash])), let prefix = Int(text[text.index(after: slash)...])
            else { return false }
            return (0...(address.count * 8)).contains(prefix)
        }
        return bytes(text) != nil
    }

    /// Whether `ip` is `range` (an exact IP compares as text, as Apache's does) or lies inside the CIDR `range`.
    public static func contains(_ range: String, _ ip: String) -> Bool {
        guard let slash = range.firstIndex(of: "/") else { return range == ip }
        guard let network = bytes(String(range[..<slash])), let prefix = Int(range[range.index(after: slash)...]),
            let address = bytes(ip), address.count == network.count, (0...(network.count * 8)).contains(prefix)
        else { return false }
        var remaining = prefix
        for i in 0..<network.count where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if network[i] & mask != address[i] & mask { return false }
            remaining -= bits
        }
        return true
    }

    /// True for an IPv4 or IPv6 address (no CIDR suffix).
    public static func isAddress(_ text: String) -> Bool { bytes(text) != nil }

    /// The address bytes (4 or 16) of an IPv4 or IPv6 literal.
    static func bytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }

    /// The client IP of a peer address: `1.2.3.4:5678` → `1.2.3.4`, `[::1]:5678` → `::1`
    /// (Apache takes the text before the last colon).
    public static func sourceIp(ofPeer address: String) -> String {
        guard let colon = address.lastIndex(of: ":") else { return address }
        var host = String(address[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host
    }
}
