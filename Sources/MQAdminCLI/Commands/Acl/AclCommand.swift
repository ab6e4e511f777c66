import ArgumentParser

/// `mqadmin acl`: ACL 2.0 policies.
struct AclCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acl",
        abstract: "Manage ACL policies, and explain why a request is allowed or denied.",
        subcommands: [
            AclCreate.self, AclUpdate.self, AclDelete.self, AclGet.self, AclList.self, AclExplain.self, AclCopy.self,
        ])
}
