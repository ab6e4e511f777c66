import ArgumentParser

/// The ACL area's commands: `user` and `acl`, and Apache's classic createUser … listAcl.
enum ACLCommands {
    /// Top-level commands this area adds to `mqadmin`.
    static let topLevel: [any ParsableCommand.Type] = [
        UserCommand.self, AclCommand.self, ClassicCreateUser.self, ClassicUpdateUser.self, ClassicDeleteUser.self,
        ClassicGetUser.self, ClassicListUser.self, ClassicCreateAcl.self, ClassicUpdateAcl.self, ClassicDeleteAcl.self,
        ClassicGetAcl.self, ClassicListAcl.self,
    ]
}

/// `mqadmin user`: ACL 2.0 users.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage ACL users (each broker keeps its own; writes go to every broker).",
        subcommands: [UserCreate.self, UserUpdate.self, UserDelete.self, UserGet.self, UserList.self])
}

/// `mqadmin acl`: ACL 2.0 policies.
struct AclCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acl",
        abstract: "Manage ACL policies, and explain why a request is allowed or denied.",
        subcommands: [AclCreate.self, AclUpdate.self, AclDelete.self, AclGet.self, AclList.self, AclExplain.self])
}
