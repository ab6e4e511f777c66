import Logging
import MQProtocol
import MQStore
import NIOConcurrencyHelpers

#if canImport(Glibc)
    import Glibc
#endif

/// A refusal of an ACL admin operation: the response code and Apache's message.
public struct AuthFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: ResponseCode
    public var message: String

    public init(_ code: ResponseCode, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Apache answers NO_PERMISSION (16) for every Authentication/AuthorizationException of the admin codes.
    static func denied(_ message: String) -> AuthFailure { AuthFailure(.noPermission, message) }

    public var description: String { message }
}

/// The file `config/auth.json`: users and ACLs in Apache's admin DTO shapes.
struct AuthFile: Codable, Sendable {
    var users: [UserInfo]
    var acls: [AclInfo]
}

/// Users and ACL policies of one broker, kept in memory and written to `config/auth.json` (atomic replace,
/// mode 0600) on every change. Each broker keeps its own, as in Apache, so the CLI writes to every broker.
public final class AuthStore: Sendable {
    private struct State {
        var users: [String: AuthUser] = [:]
        var acls: [String: Acl] = [:]
    }

    public let path: String
    private let state = NIOLockedValueBox(State())
    /// Serializes writers: each applies its change to the latest state and writes it before the next starts.
    private let writeLock = NIOLock()
    /// The process's own super user for broker→name-server requests; never stored or listed.
    private let inner = NIOLockedValueBox<AuthUser?>(nil)

    /// Opens (or starts) the store at `path`.
    public init(path: String) throws {
        self.path = path
        try load()
    }

    private func load() throws {
        let bytes: [UInt8]?
        do {
            bytes = try AtomicFile.read(path)
        } catch {
            throw BrokerError.corruptMetadata(path: path, reason: "\(error)")
        }
        guard let bytes, !bytes.isEmpty else { return }
        let file: AuthFile
        do {
            file = try FastJSONDecoder().decode(AuthFile.self, from: bytes)
        } catch {
            throw BrokerError.corruptMetadata(path: path, reason: "\(error)")
        }
        var s = State()
        for u in file.users {
            guard let name = u.username, !name.isEmpty, let password = u.password else {
                throw BrokerError.corruptMetadata(path: path, reason: "a user without username or password")
            }
            s.users[name] = AuthUser(
                username: name, password: password, userType: UserType.named(u.userType) ?? .normal,
                userStatus: UserStatus.named(u.userStatus) ?? .enable)
        }
        for a in file.acls {
            do {
                let acl = try Acl.validated(a, subject: nil)
                s.acls[acl.subject] = acl
            } catch {
                throw BrokerError.corruptMetadata(path: path, reason: "ACL of \(a.subject ?? "?"): \(error)")
            }
        }
        state.withLockedValue { $0 = s }
    }

    private func persist(_ s: State) throws {
        let file = AuthFile(
            users: s.users.keys.sorted(by: Self.byteOrder).map { s.users[$0]!.info },
            acls: s.acls.keys.sorted(by: Self.byteOrder).map { s.acls[$0]!.info })
        do {
            try AtomicFile.write(FastJSONEncoder().encode(file), to: path)
        } catch {
            throw AuthFailure(.systemError, "An system error occurred, please try again later.")
        }
        // The file holds passwords: owner-only, whatever mode an older copy had.
        for p in [path, path + ".bak"] { _ = chmod(p, 0o600) }
    }

    /// Applies `change` and persists; the in-memory state changes only when the write succeeded. Writers take
    /// turns on `writeLock`; the file is written (two fsyncs) outside the state lock, which every authenticated
    /// request reads.
    private func modify<T>(_ change: (inout State) throws -> T) throws -> T {
        try writeLock.withLock {
            var copy = state.withLockedValue { $0 }
            let result = try change(&copy)
            try persist(copy)
            state.withLockedValue { $0 = copy }
            return result
        }
    }

    /// RocksDB's key order (bytes), which Apache's list answers follow.
    static func byteOrder(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    // MARK: - Reads

    public func user(_ name: String) -> AuthUser? {
        if let i = inner.withLockedValue({ $0 }), i.username == name { return i }
        return state.withLockedValue { $0.users[name] }
    }

    /// A stored user (never the internal one).
    public func storedUser(_ name: String) -> AuthUser? { state.withLockedValue { $0.users[name] } }

    public func acl(subject: String) -> Acl? { state.withLockedValue { $0.acls[subject] } }

    public func isSuperUser(_ name: String) -> Bool { user(name)?.userType == .superUser }

    /// Users whose name contains `filter` (all when blank), in key order.
    public func listUsers(filter: String?) -> [AuthUser] {
        state.withLockedValue { s in
            s.users.keys.sorted(by: Self.byteOrder).filter { Self.passes($0, filter) }.map { s.users[$0]! }
        }
    }

    /// Apache's listAcl: subjects containing `subjectFilter`; within them, entries whose resource contains
    /// `resourceFilter` unless the subject itself contains it; subjects left without entries are omitted.
    public func listAcls(subjectFilter: String?, resourceFilter: String?) -> [Acl] {
        state.withLockedValue { s in
            s.acls.keys.sorted(by: Self.byteOrder).compactMap { key -> Acl? in
                guard Self.passes(key, subjectFilter), var acl = s.acls[key] else { return nil }
                if let rf = resourceFilter, !rf.allSatisfy(\.isWhitespace), !key.contains(rf) {
                    for i in acl.policies.indices { acl.policies[i].entries.removeAll { !$0.resource.key.contains(rf) } }
                    acl.policies.removeAll { $0.entries.isEmpty }
                }
                return acl.policies.isEmpty ? nil : acl
            }
        }
    }

    private static func passes(_ key: String, _ filter: String?) -> Bool {
        guard let filter, !filter.allSatisfy(\.isWhitespace) else { return true }
        return key.contains(filter)
    }

    // MARK: - Writes (Apache's AuthenticationMetadataManager / AuthorizationMetadataManager semantics)

    /// Creates a user; fails when it exists or has no password.
    public func createUser(_ user: AuthUser) throws {
        guard !user.username.allSatisfy(\.isWhitespace) else { throw AuthFailure.denied("username can not be blank") }
        guard !user.password.allSatisfy(\.isWhitespace) else { throw AuthFailure.denied("password can not be blank") }
        try requireNotReserved(user.username)
        try modify { (s: inout State) in
            guard s.users[user.username] == nil else { throw AuthFailure.denied("The user is existed") }
            s.users[user.username] = user
        }
    }

    /// Changes the given fields of an existing user (a blank password is ignored); `allowSuper` false refuses
    /// changes to a super user.
    public func updateUser(
        _ name: String, password: String?, userType: UserType?, userStatus: UserStatus?, allowSuper: Bool
    ) throws {
        try requireNotReserved(name)
        try modify { (s: inout State) in
            guard var old = s.users[name] else { throw AuthFailure.denied("The user is not exist") }
            if old.userType == .superUser && !allowSuper {
                throw AuthFailure.denied("The super user can only be update by super user")
            }
            if let password, !password.allSatisfy(\.isWhitespace) { old.password = password }
            if let userType { old.userType = userType }
            if let userStatus { old.userStatus = userStatus }
            s.users[name] = old
        }
    }

    /// Deletes a user and its ACL; a missing user is not an error.
    public func deleteUser(_ name: String, allowSuper: Bool) throws {
        guard !name.allSatisfy(\.isWhitespace) else { throw AuthFailure.denied("username can not be blank") }
        try modify { (s: inout State) in
            guard let old = s.users[name] else { return }
            if old.userType == .superUser && !allowSuper {
                throw AuthFailure.denied("The super user can only be update by super user")
            }
            s.users[name] = nil
            s.acls[AuthSubject.user(name)] = nil
        }
    }

    /// Creates the subject's ACL or merges `acl`'s policies into it (createAcl and updateAcl are the same).
    public func putAcl(_ acl: Acl) throws {
        try modify { (s: inout State) in
            guard let name = AuthSubject.username(acl.subject), s.users[name] != nil else {
                throw AuthFailure.denied("The subject of \(acl.subject) is not exist.")
            }
            if var old = s.acls[acl.subject] {
                old.merge(acl.policies)
                s.acls[acl.subject] = old
            } else {
                s.acls[acl.subject] = acl
            }
        }
    }

    /// Deletes the subject's whole ACL, or only `resource`'s entry in `policyType`'s policy.
    public func deleteAcl(subject: String, policyType: PolicyType, resource: Resource?) throws {
        try modify { (s: inout State) in
            guard let name = AuthSubject.username(subject) else { throw AuthFailure.denied("The subject is null.") }
            guard s.users[name] != nil else { throw AuthFailure.denied("The subject is not exist.") }
            guard var acl = s.acls[subject] else { throw AuthFailure.denied("The acl is not exist.") }
            if let resource { acl.remove(resource: resource, from: policyType) }
            s.acls[subject] = resource == nil || acl.policies.isEmpty ? nil : acl
        }
    }

    /// Sets the in-memory internal super user (replacing any earlier one).
    public func setInternalUser(_ user: AuthUser) {
        inner.withLockedValue { $0 = user }
    }

    private func requireNotReserved(_ name: String) throws(AuthFailure) {
        if let i = inner.withLockedValue({ $0 }), i.username == name {
            throw AuthFailure.denied("The user name \(name) is reserved")
        }
    }
}
