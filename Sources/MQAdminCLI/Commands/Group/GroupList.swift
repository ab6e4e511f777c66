import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin group list`: every group configured on the masters, with its online member count.
struct GroupList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List consumer groups (from every master broker) with their online members.",
        discussion: "Groups brokers create for themselves (TOOLS_CONSUMER, ...) are shown with --system."
    )

    @Flag(help: "Include the brokers' own groups.") var system = false
    @Option(name: [.customShort("c"), .customLong("cluster")], help: "Only the brokers of this cluster.") var cluster: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let (view, failed) = try await Session.with(connection) { session in
            let brokers = try await GroupTargets.resolve(session.client, cluster: cluster, broker: nil)
            let (groups, failed) = try await session.client.groupOverviews(on: brokers)
            return (GroupListView(groups.filter { system || !$0.isSystem }, failed: failed), failed)
        }
        Emit.output(view, format: output.output) { view.table }
        if let f = failed.first {
            throw CLIError(
                "could not read the groups of \(failed.map(\.broker.name).joined(separator: ", ")) (\(f.error)); "
                    + "the list is incomplete",
                exit: .failed)
        }
    }
}

/// `group list` output (docs/json/groups.md).
struct GroupListView: Encodable {
    struct Group: Encodable {
        var group: String
        var members: OrNull<Int>
        var membersReason: OrNull<String>
        var brokers: [String]
        var type: String
        var system: Bool
        var config: GroupConfigView
    }

    struct Failure: Encodable {
        var broker: String
        var address: String
        var error: String
    }

    var groups: [Group]
    /// Masters whose groups could not be read (the list is then incomplete).
    var failures: [Failure]

    init(_ overviews: [GroupOverview], failed: [(broker: BrokerRef, error: String)]) {
        groups = overviews.map {
            Group(
                group: $0.name, members: OrNull($0.members),
                membersReason: OrNull($0.members == nil ? "the connection list could not be read" : nil),
                brokers: $0.brokers.sorted(), type: Self.type($0), system: $0.isSystem,
                config: GroupConfigView($0.config))
        }
        failures = failed.map { Failure(broker: $0.broker.name, address: $0.broker.address, error: $0.error) }
    }

    /// The dashboard's sub-group types.
    static func type(_ g: GroupOverview) -> String {
        g.isSystem ? "SYSTEM" : g.config.consumeMessageOrderly ? "FIFO" : "NORMAL"
    }

    var table: String {
        var t = TextTable([
            .init("GROUP"), .init("MEMBERS", .right), .init("TYPE"), .init("BROKERS"), .init("RETRY-MAX", .right),
            .init("CONSUME"),
        ])
        for g in groups {
            t.add(
                g.group, g.members.value.map(String.init) ?? "?", g.type, g.brokers.joined(separator: ","),
                String(g.config.retryMaxTimes), g.config.consumeEnable ? "enabled" : "disabled")
        }
        return t.render()
    }
}
