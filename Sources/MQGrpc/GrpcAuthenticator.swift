import Logging
import MQBroker
import MQProtocol

/// Authentication and authorization of gRPC calls with the broker's users and ACLs (design pop-grpc.md §4.8).
/// With auth off the `authorization` metadata is ignored (the Python client always sends one).
struct GrpcAuthenticator: Sendable {
    let auth: BrokerAuth
    let logger: Logger

    /// nil when the call may proceed; otherwise the status to answer: UNAUTHORIZED 40100 for no, an unknown or a
    /// disabled user or a bad signature, FORBIDDEN 40300 for a resource the user's ACL does not allow.
    func refusal(_ call: GrpcCall, rpc: String, checks: [AuthorizationCheck]) -> V2Status? {
        guard auth.enforce else { return nil }
        let sourceIp = IPRange.sourceIp(ofPeer: call.remoteAddress)
        let what = " (\(rpc) from \(sourceIp))"
        func refuse(_ code: V2Code, _ text: String) -> V2Status {
            logger.warning("refused: \(text + what)")
            return V2Status(code, text + what)
        }
        guard let header = call.authorization, let credential = GrpcSignature.parse(header),
            !credential.accessKey.isEmpty
        else { return refuse(.unauthorized, "username cannot be null.") }
        let username = credential.accessKey
        guard let user = auth.store.user(username) else {
            return refuse(.unauthorized, "User:\(username) is not found.")
        }
        guard user.userStatus == .enable else { return refuse(.unauthorized, "User:\(username) is disabled.") }
        guard let dateTime = call.dateTime,
            GrpcSignature.verify(credential.signature, dateTime: dateTime, secret: user.password)
        else { return refuse(.unauthorized, "check signature failed for User:\(username).") }
        if user.userType == .superUser { return nil }
        let acl = auth.store.acl(subject: user.subject)
        for check in checks {
            let result = AclEvaluator.evaluate(
                user: user, acl: acl, resource: check.resource, actions: check.actions, sourceIp: sourceIp)
            if !result.allowed {
                let text = AclEvaluator.refusal(
                    result, username: username, resource: check.resource, actions: check.actions, sourceIp: sourceIp)
                return refuse(.forbidden, text)
            }
        }
        return nil
    }
}
