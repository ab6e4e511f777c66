import ArgumentParser

/// `mqadmin user`: ACL 2.0 users.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage ACL users (each broker keeps its own; writes go to every broker).",
        subcommands: [UserCreate.self, UserUpdate.self, UserDelete.self, UserGet.self, UserList.self, UserCopy.self])
}
