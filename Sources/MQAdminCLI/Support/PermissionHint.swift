import MQClient
import MQProtocol

/// The one-line message for a NO_PERMISSION answer: what was refused, and what to do about it.
enum PermissionHint {
    static func message(for error: ClientError) -> String {
        guard case .brokerError(_, let remark, let address) = error else { return error.description }
        let hint: String
        if remark.hasPrefix("username cannot be null") {
            hint = "this cluster requires credentials: pass --access-key USER with MQADMIN_SECRET_KEY, "
                + "--secret-key-file FILE or --secret-key-stdin"
        } else if remark.hasPrefix("check signature failed") {
            hint = "the secret key does not match that user's password"
        } else if remark.contains(" is not found.") || remark.contains(" is disabled.") {
            hint = "ask an administrator to create or enable the user (mqadmin user get NAME)"
        } else if remark.hasPrefix("Can not update config in black list") {
            hint = "the server never changes that key on request (its configBlackList); edit its config file instead"
        } else if remark.contains("has no permission to access") {
            hint = "see why with `mqadmin acl explain --user USER --resource RESOURCE --action ACTION`"
        } else {
            hint = "the user lacks the permission this operation needs"
        }
        return "permission denied by \(address): \(remark); \(hint)"
    }
}
