import Logging
import MQProtocol
import MQRemoting

/// A broker's ACL 2.0: its user/ACL store (served by the codes 3001–3010 of the registry) and, with auth on,
/// the check every request passes before its handler runs, by the rule of the code's registry row.
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
    /// `access` is the rule of the code's registry row; a code without a row is only authenticated here
    /// (nothing runs for it: the processor answers REQUEST_CODE_NOT_SUPPORTED).
    public func refusal(for request: RemotingCommand, access: RequestAccess?, from peerAddress: String)
        -> RemotingCommand?
    {
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
        guard let access else { return nil }
        let checks: [AuthorizationCheck]
        do {
            checks = try access.checks(for: request, cluster: cluster)
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

extension BrokerAuth {
    /// The check of a request to this broker, by the broker registry's rule for its code.
    public func refusal(for request: RemotingCommand, from peerAddress: String) -> RemotingCommand? {
        refusal(for: request, access: BrokerRequests.table.route(request.code)?.access, from: peerAddress)
    }
}
