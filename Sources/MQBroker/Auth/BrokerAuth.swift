import Logging
import MQProtocol
import MQRemoting

/// A broker's ACL 2.0: its user/ACL store, the admin codes 3001–3010, and, with auth on, the check every
/// request passes before the broker (or the bundled name server) sees it.
public final class BrokerAuth: Sendable {
    public let store: AuthStore
    public let enforce: Bool
    /// The `Cluster:NAME` resource of cluster-wide codes.
    public let cluster: String
    let logger: Logger

    public init(store: AuthStore, enforce: Bool, cluster: String, logger: Logger) {
        self.store = store
        self.enforce = enforce
        self.cluster = cluster
        self.logger = logger
    }

    /// Opens `config/auth.json` of the data directory and creates the initial super user if it is missing.
    /// With auth on, some super user must exist afterwards, or nobody could administer the broker.
    public static func open(config: BrokerConfig, logger: Logger) throws -> BrokerAuth {
        let store = try AuthStore(path: config.dataDirectory + "/config/auth.json")
        let settings = config.auth
        if let admin = settings.initialAdmin {
            if store.user(admin.username) == nil {
                do {
                    try store.createUser(AuthUser(username: admin.username, password: admin.password, userType: .superUser))
                } catch {
                    throw BrokerError.invalidConfiguration("cannot create the admin user \(admin.username): \(error)")
                }
                logger.info("created super user \(admin.username)")
            } else if !store.isSuperUser(admin.username) {
                logger.warning("admin user \(admin.username) exists and is not a super user; it was left unchanged")
            }
        }
        if settings.enabled && !store.listUsers(filter: nil).contains(where: { $0.userType == .superUser }) {
            throw BrokerError.invalidConfiguration(
                "authentication is on but no super user exists; pass --admin-user NAME with its password in "
                    + "--admin-password-file FILE or MQADMIN_ADMIN_PASSWORD")
        }
        return BrokerAuth(store: store, enforce: settings.enabled, cluster: config.clusterName, logger: logger)
    }

    /// nil when the request may proceed; otherwise the NO_PERMISSION answer naming user, resource and action.
    public func refusal(for request: RemotingCommand, from peerAddress: String) -> RemotingCommand? {
        guard enforce else { return nil }
        let sourceIp = IPRange.sourceIp(ofPeer: peerAddress)
        let what = " (request \(request.requestCode) from \(sourceIp))"
        func refuse(_ remark: String) -> RemotingCommand {
            logger.warning("refused: \(remark)")
            return request.response(.noPermission, remark: remark)
        }
        // Authentication (Apache's DefaultAuthenticationHandler).
        guard let username = request.extFields[AclSignature.accessKeyField], !username.isEmpty else {
            return refuse("username cannot be null." + what)
        }
        guard let user = store.user(username) else { return refuse("User:\(username) is not found." + what) }
        guard user.userStatus == .enable else { return refuse("User:\(username) is disabled." + what) }
        guard AclSignature.verify(request, secret: user.password) else {
            return refuse("check signature failed for User:\(username)." + what)
        }
        // Authorization (Apache's UserAuthorizationHandler + AclAuthorizationHandler).
        if user.userType == .superUser { return nil }
        let checks: [AuthorizationCheck]
        do {
            checks = try RequestAuthorization.checks(for: request, cluster: cluster)
        } catch {
            return refuse("\(error)" + what)
        }
        let acl = store.acl(subject: user.subject)
        for check in checks {
            let result = AclEvaluator.evaluate(
                user: user, acl: acl, resource: check.resource, actions: check.actions, sourceIp: sourceIp)
            if !result.allowed {
                return refuse(
                    AclEvaluator.refusal(
                        result, username: username, resource: check.resource, actions: check.actions,
                        sourceIp: sourceIp))
            }
        }
        return nil
    }
}

/// Wraps the broker's (or the bundled name server's) processor: refuses what auth does not allow and, for the
/// broker, serves the ACL admin codes 3001–3010 itself.
public final class AuthProcessor: RequestProcessor {
    private let inner: any RequestProcessor
    private let auth: BrokerAuth
    private let servesAdmin: Bool

    public init(wrapping inner: any RequestProcessor, auth: BrokerAuth, servesAdmin: Bool) {
        self.inner = inner
        self.auth = auth
        self.servesAdmin = servesAdmin
    }

    public func process(_ request: RemotingCommand, from peer: any RemotingPeer) -> ProcessResult {
        if let refusal = auth.refusal(for: request, from: peer.remoteAddress) { return .response(refusal) }
        if servesAdmin, AuthAdmin.codes.contains(request.code) {
            return .response(AuthAdmin(store: auth.store, logger: auth.logger).handle(request))
        }
        return inner.process(request, from: peer)
    }

    public func peerDidConnect(_ peer: any RemotingPeer) { inner.peerDidConnect(peer) }
    public func peerDidDisconnect(_ peer: any RemotingPeer) { inner.peerDidDisconnect(peer) }
}
