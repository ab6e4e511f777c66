import ArgumentParser
import MQClient
import MQProtocol

/// `copyUser` / `copyAcl` (and their noun-verb twins): each entry read from the source broker is created on the
/// target, or updated where the target already has it, one at a time, as Apache's tool does.
struct AuthCopyView: Encodable {
    struct Entry: Encodable {
        var name: String
        /// `created`, `updated` or `failed`.
        var result: String
        @NullEncoded var error: String?
    }

    /// "user" or "acl".
    var kind: String
    var from: String
    var to: String
    var entries: [Entry]

    /// Copies `items` (named by `name`) with `exists` / `create` / `update` against the target.
    static func copy<Item: Sendable>(
        kind: String, from: String, to: String, items: [Item], name: (Item) -> String,
        exists: (Item) async throws -> Bool, create: (Item) async throws -> Void, update: (Item) async throws -> Void
    ) async -> AuthCopyView {
        var entries: [Entry] = []
        for item in items {
            do {
                if try await exists(item) {
                    try await update(item)
                    entries.append(Entry(name: name(item), result: "updated"))
                } else {
                    try await create(item)
                    entries.append(Entry(name: name(item), result: "created"))
                }
            } catch {
                entries.append(Entry(name: name(item), result: "failed", error: "\(error)"))
            }
        }
        return AuthCopyView(kind: kind, from: from, to: to, entries: entries)
    }

    /// Apache's line per entry copied.
    var classicLines: String {
        entries.filter { $0.result != "failed" }.map { "copy \(kind) of \($0.name) from \(from) to \(to) success.\n" }
            .joined()
    }

    /// Exit 1 naming what was not copied and what was.
    func failIfNeeded() throws {
        let failed = entries.filter { $0.result == "failed" }
        guard let first = failed.first else { return }
        let done = entries.filter { $0.result != "failed" }.map(\.name)
        throw CLIError(
            "copy \(kind) from \(from) to \(to) failed for \(failed.map(\.name).joined(separator: ", ")): "
                + (first.error ?? "")
                + (done.isEmpty ? "; nothing was copied" : "; copied: \(done.joined(separator: ", "))"),
            exit: .failed)
    }

    /// One row per entry, for the noun-verb `user copy` / `acl copy`.
    var table: String {
        var t = TextTable(kind == "user" ? "USER" : "SUBJECT", "RESULT", "ERROR")
        for e in entries { t.add(e.name, e.result, e.error ?? "") }
        return t.render()
    }

    static func checkBrokers(from: String, to: String, fromOption: String, toOption: String) throws {
        try Address.validate(from, what: fromOption, example: Address.brokerExample)
        try Address.validate(to, what: toOption, example: Address.brokerExample)
        guard from != to else {
            throw ValidationError("\(fromOption) and \(toOption) name the same broker; copy to another broker")
        }
    }

    /// Users of `from` (all, or those of `names` it has) copied to `to`; exit 3 when it has none of `names`.
    static func copyUsers(_ client: MQClientInstance, from: String, to: String, names: [String]) async throws
        -> AuthCopyView
    {
        var users: [UserInfo] = []
        if names.isEmpty {
            users = try await client.users(filter: nil, broker: from)
        } else {
            for name in names { if let u = try await client.user(name, broker: from) { users.append(u) } }
            guard !users.isEmpty else {
                throw CLIError(
                    "broker \(from) has none of the users \(names.joined(separator: ", ")); "
                        + "see `mqadmin user list -b \(from)`",
                    exit: .notFound)
            }
        }
        return await copy(
            kind: "user", from: from, to: to, items: users, name: { $0.username ?? "" },
            exists: { try await client.user($0.username ?? "", broker: to) != nil },
            create: { try await client.createUser($0, broker: to) },
            update: { try await client.updateUser($0, broker: to) })
    }

    /// ACLs of `from` (all, or those of `subjects` it has) copied to `to`; exit 3 when it has none of them.
    static func copyAcls(_ client: MQClientInstance, from: String, to: String, subjects: [String]) async throws
        -> AuthCopyView
    {
        var acls: [AclInfo] = []
        if subjects.isEmpty {
            acls = try await client.acls(subjectFilter: nil, resourceFilter: nil, broker: from)
        } else {
            for subject in subjects {
                do {
                    if let a = try await client.acl(subject: subject, broker: from) { acls.append(a) }
                } catch let error as ClientError where "\(error)".contains("not exist") {
                    continue  // The broker refuses a subject that is not one of its users: it has no ACL.
                }
            }
            guard !acls.isEmpty else {
                throw CLIError(
                    "broker \(from) has no ACL for \(subjects.joined(separator: ", ")); "
                        + "see `mqadmin acl list -b \(from)`",
                    exit: .notFound)
            }
        }
        return await copy(
            kind: "acl", from: from, to: to, items: acls, name: { $0.subject ?? "" },
            exists: { try await client.acl(subject: $0.subject ?? "", broker: to) != nil },
            create: { try await client.putAcl($0, update: false, broker: to) },
            update: { try await client.putAcl($0, update: true, broker: to) })
    }

    /// The names a comma list gives (Apache's StringUtils.split: empty items dropped, each trimmed).
    static func names(_ list: String?) -> [String] {
        (list ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
