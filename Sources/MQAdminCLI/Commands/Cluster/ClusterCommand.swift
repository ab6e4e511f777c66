import ArgumentParser

/// `mqadmin cluster ...`
struct ClusterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster", abstract: "Inspect clusters.",
        subcommands: [ClusterListCommand.self, ClusterCheckCommand.self])
}
