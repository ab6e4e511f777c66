import Crypto
import NIOCore

/// The request signature of RocketMQ's ACL (admin-trace-acl.md §6.2, cpp-client-frames.md §2), shared by
/// the client signer and the broker's verifier so both build the signed content the same way.
///
/// Content = the values of every extField except `Signature`, in ascending key order (Java's TreeMap:
/// UTF-16 code units), concatenated without separators, as UTF-8, then the raw body bytes.
/// Signature = Base64(HMAC-SHA1(key: secret, data: content)).
public enum AclSignature {
    public static let accessKeyField = "AccessKey"
    public static let signatureField = "Signature"
    public static let securityTokenField = "SecurityToken"
    /// Old Java clients (≤ V4_9_3) added this field after signing, so brokers leave it out for them.
    static let uniqueKeyQueryField = "_UNIQUE_KEY_QUERY"
    static let lastVersionSigningWithoutUniqueKeyQuery: Int32 = 399

    /// The bytes a request's signature covers, as Apache's broker rebuilds them.
    public static func content(of request: RemotingCommand) -> [UInt8] {
        let skipUniqueKey = request.version <= lastVersionSigningWithoutUniqueKeyQuery
        return content(fields: request.extFields, body: request.body, skipping: skipUniqueKey ? [uniqueKeyQueryField] : [])
    }

    /// The signed content of `fields` (the `Signature` field and `skipping` left out) and `body`.
    public static func content(fields: [String: String], body: ByteBuffer?, skipping: Set<String> = []) -> [UInt8] {
        let keys = fields.keys.filter { $0 != signatureField && !skipping.contains($0) }.sorted(by: javaOrder)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(keys.reduce(0) { $0 + (fields[$1]?.utf8.count ?? 0) } + (body?.readableBytes ?? 0))
        for key in keys { bytes.append(contentsOf: fields[key]!.utf8) }
        if let body, body.readableBytes > 0 {
            body.withUnsafeReadableBytes { bytes.append(contentsOf: $0) }
        }
        return bytes
    }

    /// Base64 of HMAC-SHA1 over `content` keyed with the UTF-8 bytes of `secret`.
    public static func signature(content: [UInt8], secret: String) -> String {
        let key = SymmetricKey(data: Array(secret.utf8))
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: content, using: key)
        return Base64.encode(Array(mac))
    }

    /// Adds `AccessKey` and `Signature` to `request` the way Apache's AclClientRPCHook does.
    public static func sign(_ request: inout RemotingCommand, accessKey: String, secretKey: String) {
        request.extFields[accessKeyField] = accessKey
        request.extFields.removeValue(forKey: signatureField)
        let content = content(fields: request.extFields, body: request.body)
        request.extFields[signatureField] = signature(content: content, secret: secretKey)
    }

    /// True when `request` carries the signature `secret` gives; compared in constant time.
    public static func verify(_ request: RemotingCommand, secret: String) -> Bool {
        guard let given = request.extFields[signatureField] else { return false }
        let expected = signature(content: content(of: request), secret: secret)
        return constantTimeEqual(Array(expected.utf8), Array(given.utf8))
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<a.count { diff |= a[i] ^ b[i] }
        return diff == 0
    }

    /// Java `String.compareTo`: UTF-16 code units (byte order for ASCII keys).
    static func javaOrder(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }
}
