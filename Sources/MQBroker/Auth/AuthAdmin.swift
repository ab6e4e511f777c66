import Logging
import MQProtocol

/// The ACL 2.0 admin codes 3001–3010 in Apache's header and body shapes and with its answers
/// (AdminBrokerProcessor + the metadata managers, admin-trace-acl.md §7.2–7.4).
struct AuthAdmin {
    static let codes: ClosedRange<Int32> = RequestCode.authCreateUser.rawValue...RequestCode.authListAcl.rawValue

    let store: AuthStore
    let logger: Logger

    func handle(_ request: RemotingCommand) -> RemotingCommand {
        do {
            return try answer(request)
        } catch let failure as AuthFailure {
            return request.response(failure.code, remark: failure.message)
        } catch let error as AuthValidationError {
            return request.response(.noPermission, remark: error.message)
        } catch let error as ProtocolError {
            return request.response(.systemError, remark: error.description)
        } catch {
            return request.response(.systemError, remark: "An system error occurred, please try again later.")
        }
    }

    private func answer(_ request: RemotingCommand) throws -> RemotingCommand {
        switch request.requestCode {
        case .authCreateUser: return try createUser(request)
        case .authUpdateUser: return try updateUser(request)
        case .authDeleteUser:
            let name = try request.decodeHeader(UsernameHeader.self).username ?? ""
            try store.deleteUser(name, allowSuper: callerIsSuperOrAnonymous(request))
            logger.info("user \(name) deleted")
            return request.response()
        case .authGetUser:
            guard let name = try request.decodeHeader(UsernameHeader.self).username, !isBlank(name) else {
                return request.response(.invalidParameter, remark: "The username is blank")
            }
            guard let user = store.storedUser(name) else {
                return request.response()
            }
            return request.response().withJSONBody(user.info)
        case .authListUser:
            let users = store.listUsers(filter: try request.decodeHeader(ListUsersRequestHeader.self).filter)
            return users.isEmpty ? request.response() : request.response().withJSONBody(users.map(\.info))
        case .authCreateAcl, .authUpdateAcl:
            let subject = try request.decodeHeader(SubjectHeader.self).subject
            let info = try bodyIfAny(request, AclInfo.self) ?? AclInfo(subject: nil, policies: nil)
            let acl = try Acl.validated(info, subject: subject)
            try store.putAcl(acl)
            logger.info("ACL of \(acl.subject) updated")
            return request.response()
        case .authDeleteAcl:
            let h = try request.decodeHeader(DeleteAclRequestHeader.self)
            let resource = h.resource.flatMap(Resource.parse)
            try store.deleteAcl(
                subject: h.subject ?? "", policyType: PolicyType.named(h.policyType) ?? .custom, resource: resource)
            let scope = resource.map { " for \($0.key)" } ?? ""
            logger.info("ACL of \(h.subject ?? "") deleted\(scope)")
            return request.response()
        case .authGetAcl:
            let subject = try request.decodeHeader(SubjectHeader.self).subject ?? ""
            guard let name = AuthSubject.username(subject), store.user(name) != nil else {
                throw AuthFailure.denied("The subject is not exist.")
            }
            guard let acl = store.acl(subject: subject) else { return request.response() }
            return request.response().withJSONBody(acl.info)
        default:
            let h = try request.decodeHeader(ListAclsRequestHeader.self)
            let acls = store.listAcls(subjectFilter: h.subjectFilter, resourceFilter: h.resourceFilter)
            return acls.isEmpty ? request.response() : request.response().withJSONBody(acls.map(\.info))
        }
    }

    private func createUser(_ request: RemotingCommand) throws -> RemotingCommand {
        guard let name = try request.decodeHeader(UsernameHeader.self).username, !name.isEmpty else {
            return request.response(.invalidParameter, remark: "The username is blank")
        }
        let info = try bodyIfAny(request, UserInfo.self) ?? UserInfo(username: name)
        let type = UserType.named(info.userType) ?? .normal
        if type == .superUser && !callerIsSuperOrAnonymous(request) {
            return request.response(.systemError, remark: "The super user can only be create by super user")
        }
        let user = AuthUser(
            username: name, password: info.password ?? "", userType: type,
            userStatus: UserStatus.named(info.userStatus) ?? .enable)
        try store.createUser(user)
        logger.info("user \(name) created (\(type.rawValue))")
        return request.response()
    }

    private func updateUser(_ request: RemotingCommand) throws -> RemotingCommand {
        guard let name = try request.decodeHeader(UsernameHeader.self).username, !name.isEmpty else {
            return request.response(.invalidParameter, remark: "The username is blank")
        }
        let info = try bodyIfAny(request, UserInfo.self) ?? UserInfo(username: name)
        let type = UserType.named(info.userType)
        let allowSuper = callerIsSuperOrAnonymous(request)
        if type == .superUser && !allowSuper {
            return request.response(.systemError, remark: "The super user can only be update by super user")
        }
        try store.updateUser(
            name, password: info.password, userType: type, userStatus: UserStatus.named(info.userStatus),
            allowSuper: allowSuper)
        logger.info("user \(name) updated")
        return request.response()
    }

    /// Apache's `isNotSuperUserLogin`, inverted: no AccessKey (auth off) counts as allowed.
    private func callerIsSuperOrAnonymous(_ request: RemotingCommand) -> Bool {
        guard let caller = request.extFields[AclSignature.accessKeyField], !caller.isEmpty else { return true }
        return store.isSuperUser(caller)
    }

    private func bodyIfAny<T: Decodable>(_ request: RemotingCommand, _ type: T.Type) throws -> T? {
        guard let body = request.body, body.readableBytes > 0 else { return nil }
        return try request.decodeBody(T.self)
    }

    private func isBlank(_ s: String) -> Bool { s.allSatisfy(\.isWhitespace) }
}
