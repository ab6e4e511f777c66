import ArgumentParser
import MQClient

/// `mqadmin broker clean expired-commitlog|expired-cq|unused-topics [BROKER | --cluster C] [--execute]`: the
/// plan (which brokers would be asked, and what each removes), or with --execute the clean-up on each and what it
/// removed. Deleted files cannot be brought back, so there is no journal; the run is audit-logged.
struct BrokerClean: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Free disk now: expired commit log, expired consume queues or unused topics (plan; --execute runs).",
        discussion: "expired-commitlog: DELETE_EXPIRED_COMMITLOG, segments past fileReservedTime."
            + " expired-cq: CLEAN_EXPIRED_CONSUMEQUEUE, consume-queue files below the commit log's first offset."
            + " unused-topics: CLEAN_UNUSED_TOPIC, consume queues of topics the broker's topic table no longer has."
            + " Without BROKER or --cluster: every broker (masters and slaves) of every cluster, as Apache's tools."
            + " No request lists the files beforehand, so the plan names the brokers and leaves the choice of files"
            + " to each; the bundled broker reports what it removed, Apache's brokers only that they succeeded.")

    @Argument(
        help: ArgumentHelp("What to clean: \(BrokerClean.kinds).", valueName: "what"),
        completion: .list(BrokerCleanup.allCases.map(\.rawValue)))
    var what: String

    @Argument(help: "One broker: its name (all its addresses) or host:port.")
    var broker: String?

    @Option(name: [.customShort("c"), .customLong("cluster")], help: "Every broker of this cluster.")
    var cluster: String?

    @OptionGroup var execute: ExecuteOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    static let kinds = BrokerCleanup.allCases.map(\.rawValue).joined(separator: ", ")

    func validate() throws {
        _ = try kind()
        if broker != nil && cluster != nil { throw ValidationError("pass either BROKER or --cluster, not both") }
    }

    func kind() throws -> BrokerCleanup {
        guard let kind = BrokerCleanup(rawValue: what) else {
            throw ValidationError("nothing called \(what) to clean; choose one of \(Self.kinds)")
        }
        return kind
    }

    func run() async throws {
        let what = try kind()
        let view = try await Session.withClient(connection) { client in
            let targets = try await BrokerCleanView.targets(client: client, broker: broker, cluster: cluster)
            guard execute.execute else { return BrokerCleanView(plan: what, targets: targets) }
            try Confirm.destructive(
                "clean \(what.rawValue) on \(targets.count) broker(s)", token: what.rawValue, yes: execute.yes)
            return BrokerCleanView(ran: what, results: await client.runCleanup(what, on: targets))
        }
        Emit.output(view, format: output.output) { view.table() }
        try view.failIfPartial()
    }
}
