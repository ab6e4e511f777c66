import ArgumentParser

/// `mqadmin acl create`: entries for a user on every broker (merged into an existing ACL, as Apache does).
struct AclCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Grant or deny actions on resources to a user, on every broker.",
        discussion: """
            One entry per resource. An entry for a resource the user already has is replaced. Normal users are \
            denied by default; the most specific matching entry decides.
            """)

    @OptionGroup var acl: AclWriteOptions
    @OptionGroup var target: ACLTargetOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let info = try acl.info()
        let view = try await AclWrite.run(info, update: false, target: target, connection: connection)
        Emit.output(view, format: output.output) { view.table() }
        try view.failIfNeeded(missing: AclWrite.missing(info.subject ?? ""))
    }
}
