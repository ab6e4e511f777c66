import MQProtocol
import MQRemoting
import NIOConcurrencyHelpers

/// The bundled name server's check when it runs in the same process as an auth-on broker: every request
/// must be signed by a user of that broker's store and allowed by its ACL. Until the broker has opened its
/// store, requests are answered SYSTEM_BUSY. (Apache's name server checks nothing; a name server started
/// alone, `--role namesrv`, has no store and checks nothing either.)
public final class NameServerAuthGate: RequestProcessor {
    private let inner: any RequestProcessor
    private let auth = NIOLockedValueBox<BrokerAuth?>(nil)

    public init(wrapping inner: any RequestProcessor) {
        self.inner = inner
    }

    /// Starts checking requests against `auth`.
    public func set(_ auth: BrokerAuth) { self.auth.withLockedValue { $0 = auth } }

    public func process(_ request: RemotingCommand, from peer: any RemotingPeer) -> ProcessResult {
        guard let auth = auth.withLockedValue({ $0 }) else {
            return .response(request.response(.systemBusy, remark: "[REJECTREQUEST]system busy, broker is starting"))
        }
        let access = NameServerRequests.table.route(request.code)?.access
        if let refusal = auth.refusal(for: request, access: access, from: peer.remoteAddress) {
            return .response(refusal)
        }
        return inner.process(request, from: peer)
    }

    public func peerDidConnect(_ peer: any RemotingPeer) { inner.peerDidConnect(peer) }
    public func peerDidDisconnect(_ peer: any RemotingPeer) { inner.peerDidDisconnect(peer) }
}

/// Signs the broker's own requests (registration with its bundled name server) as a per-process super user
/// that exists only in memory (Apache's `innerClientAuthenticationCredentials`, without a stored secret).
public struct InternalSigner: RequestSigner {
    let user: AuthUser

    /// A fresh internal user with a random 32-byte secret, registered in `store`.
    public static func register(in store: AuthStore) -> InternalSigner {
        var rng = SystemRandomNumberGenerator()
        let hex = (0..<32).map { _ in String(UInt8.random(in: 0...255, using: &rng), radix: 16) }.joined()
        let user = AuthUser(username: "mqadmin-internal-" + hex.prefix(12), password: hex, userType: .superUser)
        store.setInternalUser(user)
        return InternalSigner(user: user)
    }

    public func sign(_ request: inout RemotingCommand) {
        AclSignature.sign(&request, accessKey: user.username, secretKey: user.password)
    }
}
