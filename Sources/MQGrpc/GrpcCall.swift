import GRPCCore
import MQProtocol

/// What every call of a v5 client carries in its metadata (design pop-grpc.md §1.0), read once per call.
struct GrpcCall: Sendable {
    /// `x-mq-client-id`, e.g. `host@pid@index@time`; empty when missing.
    var clientId: String
    /// `x-mq-language` (PYTHON, JAVA …).
    var language: String
    /// `x-mq-client-version`, e.g. 5.1.2.
    var clientVersion: String
    /// `x-mq-protocol`, e.g. GRPC_V2.
    var protocolName: String
    var dateTime: String?
    var authorization: String?
    /// The client's `ip:port` (`[ip]:port` for IPv6), as the broker's tables name remoting peers.
    var remoteAddress: String
    /// When the client stops waiting for the answer (`grpc-timeout` from when the call was admitted); nil: no
    /// deadline.
    var deadline: ContinuousClock.Instant?

    init(metadata: Metadata, remotePeer: String) {
        func value(_ key: String) -> String? { metadata[stringValues: key].first(where: { _ in true }) }
        clientId = value("x-mq-client-id") ?? ""
        language = value("x-mq-language") ?? ""
        clientVersion = value("x-mq-client-version") ?? ""
        protocolName = value("x-mq-protocol") ?? ""
        dateTime = value(GrpcSignature.dateTimeKey)
        authorization = value("authorization")
        remoteAddress = Self.address(ofPeer: remotePeer)
        deadline = value("grpc-timeout").flatMap(Self.timeout(parsing:)).map { ContinuousClock.now + $0 }
    }

    /// The time left before the deadline (negative once passed); nil without one.
    var remaining: Duration? { deadline.map { $0 - ContinuousClock.now } }

    /// A `grpc-timeout` value: at most 8 digits and a unit (H, M, S, m, u, n), as the gRPC HTTP/2 protocol says.
    static func timeout(parsing text: String) -> Duration? {
        guard let unit = text.last, text.count >= 2, text.count <= 9, let amount = Int64(text.dropLast()), amount >= 0
        else { return nil }
        switch unit {
        case "H": return .seconds(amount * 3600)
        case "M": return .seconds(amount * 60)
        case "S": return .seconds(amount)
        case "m": return .milliseconds(amount)
        case "u": return .microseconds(amount)
        case "n": return .nanoseconds(amount)
        default: return nil
        }
    }

    /// grpc-swift names peers `ipv4:1.2.3.4:5678` / `ipv6:[::1]:5678`; the broker's tables use `1.2.3.4:5678`.
    static func address(ofPeer peer: String) -> String {
        for scheme in ["ipv4:", "ipv6:"] where peer.hasPrefix(scheme) { return String(peer.dropFirst(scheme.count)) }
        return peer
    }

    /// The remoting language code of `x-mq-language` (design §4.9; names without one are OTHER).
    var languageCode: LanguageCode {
        switch language.uppercased() {
        case "GOLANG": return .go
        case "DOT_NET": return LanguageCode(name: "DOTNET")
        default: return LanguageCode(name: language)
        }
    }

    /// The `MQVersion` ordinal of a 5.x release (`5.y.z` → V5_y_z): ordinals step by 20 per minor and 2 per patch
    /// in 5.x (each release has a SNAPSHOT); anything else counts as the current version.
    var versionOrdinal: Int32 {
        let parts = clientVersion.split(separator: ".").map { Int32($0) }
        guard parts.count >= 2, parts[0] == 5, let minor = parts[1], minor >= 0, minor < 10 else {
            return MQVersion.current
        }
        let patch = parts.count > 2 ? (parts[2] ?? 0) : 0
        return 413 + 20 * minor + 2 * min(max(patch, 0), 9)
    }
}
