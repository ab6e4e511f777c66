import MQProtocol
import MQRemoting

/// Signs every request with an ACL user's credentials, as Apache's AclClientRPCHook does.
public struct AclSigner: RequestSigner, CustomStringConvertible {
    public let accessKey: String
    private let secretKey: String

    public init(accessKey: String, secretKey: String) {
        self.accessKey = accessKey
        self.secretKey = secretKey
    }

    public func sign(_ request: inout RemotingCommand) {
        AclSignature.sign(&request, accessKey: accessKey, secretKey: secretKey)
    }

    /// Never shows the secret.
    public var description: String { "AclSigner(\(accessKey))" }
}
