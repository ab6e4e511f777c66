import ArgumentParser

/// `mqadmin acl update`: the same merge as `acl create` (Apache treats both alike).
struct AclUpdate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change a user's entries for the given resources, on every broker (same as create).")

    @OptionGroup var acl: AclWriteOptions
    @OptionGroup var target: ACLTargetOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let info = try acl.info()
        let view = try await AclWrite.run(info, update: true, target: target, connection: connection)
        Emit.output(view, format: output.output) { view.table() }
        try view.failIfNeeded(missing: AclWrite.missing(info.subject ?? ""))
    }
}
