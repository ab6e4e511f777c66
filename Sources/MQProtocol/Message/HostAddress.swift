import NIOCore

/// An IPv4 or IPv6 address plus port, as stored in the BORNHOST / STOREHOSTADDRESS fields and in
/// offset message ids (4 or 16 address bytes followed by an `Int32` port).
public struct HostAddress: Sendable, Hashable, CustomStringConvertible {
    // The address is kept inline (no array allocation per decoded record): IPv4 in the low 32 bits
    // of `low`, IPv6 as two big-endian halves.
    private let high: UInt64
    private let low: UInt64
    private let v6: Bool
    /// TCP port.
    public let port: Int32

    /// 4 bytes (IPv4) or 16 bytes (IPv6), network order.
    public var address: [UInt8] {
        var bytes = [UInt8]()
        if v6 {
            withUnsafeBytes(of: high.bigEndian) { bytes.append(contentsOf: $0) }
            withUnsafeBytes(of: low.bigEndian) { bytes.append(contentsOf: $0) }
        } else {
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: low).bigEndian) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }

    /// Creates an address from raw bytes; nil unless `address` has 4 or 16 bytes.
    public init?(address: [UInt8], port: Int32) {
        guard address.count == 4 || address.count == 16 else { return nil }
        func fold(_ bytes: ArraySlice<UInt8>) -> UInt64 { bytes.reduce(0) { $0 << 8 | UInt64($1) } }
        self.v6 = address.count == 16
        self.high = v6 ? fold(address[0..<8]) : 0
        self.low = v6 ? fold(address[8..<16]) : fold(address[0..<4])
        self.port = port
    }

    private init(high: UInt64, low: UInt64, v6: Bool, port: Int32) {
        self.high = high
        self.low = low
        self.v6 = v6
        self.port = port
    }

    /// An IPv4 address `a.b.c.d:port`.
    public init(ipv4 a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, port: Int32) {
        self.init(high: 0, low: UInt64(a) << 24 | UInt64(b) << 16 | UInt64(c) << 8 | UInt64(d), v6: false, port: port)
    }

    /// `127.0.0.1:port`.
    public static func loopback(port: Int32) -> HostAddress {
        HostAddress(ipv4: 127, 0, 0, 1, port: port)
    }

    /// Parses `"1.2.3.4:10911"`, `"[::1]:10911"` or (like Java, splitting at the last colon)
    /// `"::1:10911"`. Nil for anything else, including ports outside 0...65535.
    public init?(_ text: String) {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { return nil }
            portText = rest.dropFirst()
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard !portText.isEmpty, portText.allSatisfy(\.isASCII), let port = Int32(portText),
            (0...65535).contains(port)
        else { return nil }
        guard let bytes = HostAddress.parseIP(host), let parsed = HostAddress(address: bytes, port: port) else {
            return nil
        }
        self = parsed
    }

    /// Parses a bare IPv4 or IPv6 address (no port, no brackets) into 4 or 16 bytes.
    public static func parseIP<S: StringProtocol>(_ text: S) -> [UInt8]? {
        if text.contains(":") { return parseIPv6(text) }
        return parseIPv4(text)
    }

    /// Whether the address is IPv6.
    public var isIPv6: Bool { v6 }

    /// Bytes this address takes in a stored record or message id (8 or 20).
    public var encodedLength: Int { v6 ? 20 : 8 }

    /// The address without port: dotted quad, or RFC 5952 IPv6 text (lowercase, longest zero run as `::`).
    public var hostString: String {
        let address = self.address
        if !isIPv6 { return address.map(String.init).joined(separator: ".") }
        var groups = [UInt16]()
        for i in stride(from: 0, to: 16, by: 2) { groups.append(UInt16(address[i]) << 8 | UInt16(address[i + 1])) }
        // Longest run of zero groups (length >= 2) becomes "::"; the first one wins on ties.
        var bestStart = -1, bestLength = 0, i = 0
        while i < 8 {
            if groups[i] == 0 {
                var j = i
                while j < 8 && groups[j] == 0 { j += 1 }
                if j - i > bestLength && j - i >= 2 { bestStart = i; bestLength = j - i }
                i = j
            } else {
                i += 1
            }
        }
        func hex(_ range: Range<Int>) -> String {
            groups[range].map { String($0, radix: 16) }.joined(separator: ":")
        }
        if bestStart < 0 { return hex(0..<8) }
        return hex(0..<bestStart) + "::" + hex((bestStart + bestLength)..<8)
    }

    /// `host:port`, with the IPv6 host in brackets: `"10.0.0.1:10911"`, `"[::1]:10911"`.
    public var description: String {
        isIPv6 ? "[\(hostString)]:\(port)" : "\(hostString):\(port)"
    }

    /// Appends the address bytes and the `Int32` port (record / message-id layout).
    public func write(to buffer: inout ByteBuffer) {
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: byteCount) { raw in
            var writer = BigEndianWriter(raw)
            write(to: &writer)
            return writer.offset
        }
    }

    /// Bytes of ``write(to:)``: 8 (IPv4) or 20 (IPv6).
    var byteCount: Int { v6 ? 20 : 8 }

    func write(to writer: inout BigEndianWriter) {
        if v6 {
            writer.put(high)
            writer.put(low)
        } else {
            writer.put(UInt32(truncatingIfNeeded: low))
        }
        writer.put(port)
    }

    /// Reads an address written by ``write(to:)``; nil (reader index unchanged) if too few bytes.
    public static func read(from buffer: inout ByteBuffer, ipv6: Bool) -> HostAddress? {
        guard buffer.readableBytes >= (ipv6 ? 20 : 8) else { return nil }
        if ipv6 {
            let high = buffer.readInteger(as: UInt64.self)!
            let low = buffer.readInteger(as: UInt64.self)!
            return HostAddress(high: high, low: low, v6: true, port: buffer.readInteger(as: Int32.self)!)
        }
        let v4 = buffer.readInteger(as: UInt32.self)!
        return HostAddress(high: 0, low: UInt64(v4), v6: false, port: buffer.readInteger(as: Int32.self)!)
    }

    private static func parseIPv4<S: StringProtocol>(_ text: S) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var out = [UInt8]()
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                let v = UInt8(part)
            else { return nil }
            out.append(v)
        }
        return out
    }

    private static func parseIPv6<S: StringProtocol>(_ text: S) -> [UInt8]? {
        // Drop a zone id ("fe80::1%eth0"): it has no place in the 16 stored bytes.
        let body = text.split(separator: "%", maxSplits: 1, omittingEmptySubsequences: false)[0]
        // Split on "::" by hand (no Foundation in this target).
        var halves = [String]()
        var current = ""
        var previous: Character? = nil
        for ch in body {
            if ch == ":" && previous == ":" {
                current.removeLast()
                halves.append(current)
                current = ""
                previous = nil
                continue
            }
            current.append(ch)
            previous = ch
        }
        halves.append(current)
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt8]? {
            if part.isEmpty { return [] }
            var out = [UInt8]()
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (n, piece) in pieces.enumerated() {
                if n == pieces.count - 1, piece.contains(".") {
                    guard let v4 = parseIPv4(piece) else { return nil }
                    out += v4
                    continue
                }
                guard (1...4).contains(piece.count), piece.allSatisfy(\.isHexDigit), let v = UInt16(piece, radix: 16)
                else { return nil }
                out += [UInt8(v >> 8), UInt8(v & 0xFF)]
            }
            return out
        }
        guard let head = groups(halves[0]) else { return nil }
        if halves.count == 1 {
            return head.count == 16 ? head : nil
        }
        guard let tail = groups(halves[1]), head.count + tail.count <= 14 else { return nil }
        return head + [UInt8](repeating: 0, count: 16 - head.count - tail.count) + tail
    }
}
