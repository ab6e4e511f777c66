import Crypto

/// The credential of RocketMQ 5's gRPC clients (the `authorization` metadata of every call):
/// `MQv2-HMAC-SHA1 Credential=<access key>[/…], SignedHeaders=x-mq-date-time, Signature=<hex>`, where the
/// signature is the lower-case hex of HMAC-SHA1(key: secret key, data: the `x-mq-date-time` value). Pure: the
/// gRPC endpoint (MQGrpc) parses and checks with it; clients and tests sign with it.
public enum GrpcSignature {
    public static let algorithm = "MQv2-HMAC-SHA1"
    public static let dateTimeKey = "x-mq-date-time"

    /// The parts of an `authorization` value.
    public struct Authorization: Sendable, Hashable {
        /// The access key: Credential's part before the first `/` (empty when the client has no credentials).
        public var accessKey: String
        public var signedHeaders: String?
        public var signature: String
    }

    /// Splits at the first space (the algorithm), then at `,` into `key=value` pairs (trimmed). nil when the
    /// algorithm is another one or there is no Credential or Signature pair.
    public static func parse(_ value: String) -> Authorization? {
        let trimmed = value.trimmingSpaces
        guard let space = trimmed.firstIndex(of: " "), trimmed[..<space] == algorithm[...] else { return nil }
        var pairs: [String: String] = [:]
        for part in trimmed[trimmed.index(after: space)...].split(separator: ",") {
            guard let eq = part.firstIndex(of: "=") else { continue }
            pairs[String(part[..<eq]).trimmingSpaces] = String(part[part.index(after: eq)...]).trimmingSpaces
        }
        guard let credential = pairs["Credential"], let signature = pairs["Signature"] else { return nil }
        let accessKey = credential.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first
        return Authorization(
            accessKey: accessKey.map(String.init) ?? "", signedHeaders: pairs["SignedHeaders"], signature: signature)
    }

    /// Lower-case hex of HMAC-SHA1(key: `secret`, data: `dateTime`), both UTF-8.
    public static func signature(dateTime: String, secret: String) -> String {
        let key = SymmetricKey(data: Array(secret.utf8))
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: Array(dateTime.utf8), using: key)
        return mac.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The whole `authorization` value a client with these credentials sends.
    public static func authorization(accessKey: String, secret: String, dateTime: String) -> String {
        "\(algorithm) Credential=\(accessKey), SignedHeaders=\(dateTimeKey), "
            + "Signature=\(signature(dateTime: dateTime, secret: secret))"
    }

    /// True when `given` is the signature `secret` gives over `dateTime`: hex compared ignoring case, in constant
    /// time. No clock-skew check: the Python client sends its local time labelled UTC (design pop-grpc.md §5.6).
    public static func verify(_ given: String, dateTime: String, secret: String) -> Bool {
        let expected = Array(signature(dateTime: dateTime, secret: secret).utf8)
        return AclSignature.constantTimeEqual(expected, Array(given.lowercased().utf8))
    }
}

extension StringProtocol {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
