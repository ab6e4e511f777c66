import MQProtocol
import NIOCore

/// ACL 2.0 admin calls (codes 3001–3010) to one broker, in Apache's shapes (admin-trace-acl.md §7).
extension MQClientInstance {
    public func createUser(_ user: UserInfo, broker: String) async throws {
        try await authCall(.authCreateUser, UsernameHeader(username: user.username), body: user, broker: broker)
    }

    /// Only the non-nil fields change (Apache ignores blank ones).
    public func updateUser(_ user: UserInfo, broker: String) async throws {
        try await authCall(.authUpdateUser, UsernameHeader(username: user.username), body: user, broker: broker)
    }

    /// Also deletes the user's ACL; a missing user is not an error.
    public func deleteUser(_ username: String, broker: String) async throws {
        try await authCall(.authDeleteUser, UsernameHeader(username: username), broker: broker)
    }

    /// The user (password included, as the broker answers it), nil when the broker has none.
    public func user(_ username: String, broker: String) async throws -> UserInfo? {
        let r = try await authCall(.authGetUser, UsernameHeader(username: username), broker: broker)
        return try optionalBody(UserInfo.self, r)
    }

    public func users(filter: String?, broker: String) async throws -> [UserInfo] {
        let r = try await authCall(.authListUser, ListUsersRequestHeader(filter: filter), broker: broker)
        return try optionalBody([UserInfo].self, r) ?? []
    }

    /// Creates the subject's ACL or merges into it (`update` sends AUTH_UPDATE_ACL; the broker treats both alike).
    public func putAcl(_ acl: AclInfo, update: Bool, broker: String) async throws {
        try await authCall(
            update ? .authUpdateAcl : .authCreateAcl, SubjectHeader(subject: acl.subject), body: acl, broker: broker)
    }

    /// Deletes the whole ACL of `subject`, or only `resource`'s entry.
    public func deleteAcl(subject: String, resource: String?, broker: String) async throws {
        try await authCall(.authDeleteAcl, DeleteAclRequestHeader(subject: subject, resource: resource), broker: broker)
    }

    /// The subject's ACL, nil when it has none.
    public func acl(subject: String, broker: String) async throws -> AclInfo? {
        let r = try await authCall(.authGetAcl, SubjectHeader(subject: subject), broker: broker)
        return try optionalBody(AclInfo.self, r)
    }

    public func acls(subjectFilter: String?, resourceFilter: String?, broker: String) async throws -> [AclInfo] {
        let r = try await authCall(
            .authListAcl, ListAclsRequestHeader(subjectFilter: subjectFilter, resourceFilter: resourceFilter),
            broker: broker)
        return try optionalBody([AclInfo].self, r) ?? []
    }

    @discardableResult
    private func authCall(
        _ code: RequestCode, _ header: any CommandHeader, body: (some Encodable)? = nil as Int?, broker: String
    ) async throws -> RemotingCommand {
        var request = RemotingCommand.request(code, header: header)
        if let body { request = request.withJSONBody(body) }
        return try await invoke(broker, request).expect(.success, from: broker)
    }

    /// An empty body means "none" in Apache's answers.
    private func optionalBody<T: Decodable>(_ type: T.Type, _ response: RemotingCommand) throws -> T? {
        guard let body = response.body, body.readableBytes > 0 else { return nil }
        return try decode(T.self, response)
    }
}

extension ClientError {
    /// True when an ACL admin call failed because the user, subject or ACL does not exist (Apache answers
    /// NO_PERMISSION with these texts).
    public var isAuthObjectMissing: Bool {
        guard case .brokerError(let code, let remark, _) = self, code == ResponseCode.noPermission.rawValue else {
            return false
        }
        return ["The user is not exist", "The subject is not exist.", "The acl is not exist."].contains(remark)
            || (remark.hasPrefix("The subject of ") && remark.hasSuffix(" is not exist."))
    }
}
