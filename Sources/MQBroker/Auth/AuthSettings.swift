/// Authentication and authorization of a broker (Apache's `authenticationEnabled` + `authorizationEnabled`).
public struct AuthSettings: Sendable, CustomStringConvertible {
    /// With auth on, every request must be signed by an enabled user and be allowed by its ACL.
    public var enabled = false
    /// Created as a super user at start when it does not exist (Apache's `initAuthenticationUser`).
    public var initialAdmin: InitialUser?

    public init(enabled: Bool = false, initialAdmin: InitialUser? = nil) {
        self.enabled = enabled
        self.initialAdmin = initialAdmin
    }

    /// Never shows the password.
    public var description: String {
        "auth \(enabled ? "on" : "off")" + (initialAdmin.map { ", admin user \($0.username)" } ?? "")
    }
}

/// A username with its password; the password never appears in descriptions or logs.
public struct InitialUser: Sendable, CustomStringConvertible {
    public var username: String
    public var password: String

    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    public var description: String { "\(username) (password hidden)" }
}
