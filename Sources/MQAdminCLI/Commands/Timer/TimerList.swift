import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin timer list`: what fires next, per topic and minute, on every master broker.
struct TimerList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show which timer messages fire next, per topic and minute.",
        discussion: """
            Counts the timer messages waiting on each master broker by their topic and the minute they fire in; \
            recalled messages are counted apart (they will not be delivered). Served by mqadmin's bundled broker \
            only: Apache brokers have no such view.
            """
    )

    @Option(name: [.customShort("t"), .customLong("topic")], help: "Only timer messages for this topic.")
    var topic: String?

    @Option(help: ArgumentHelp("Only what fires within this time from now (e.g. 30m, 1h, 2d).", valueName: "duration"))
    var within: String?

    @Option(name: [.customShort("c"), .customLong("cluster")], help: "Only the brokers of this cluster.") var cluster: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let topic, let why = SystemTopics.validate(topic: topic) { throw ValidationError("--topic: " + why) }
        if let within, Duration.parse(within) == nil {
            throw ValidationError("--within \"\(within)\" is not a duration; use e.g. 30m, 1h or 2d")
        }
    }

    func run() async throws {
        let withinMillis = within.flatMap(Duration.parse).map { $0.components.seconds * 1000
            + $0.components.attoseconds / 1_000_000_000_000_000 }
        let (answers, failed) = try await Session.withClient(connection) { client in
            let brokers = try await GroupTargets.resolve(client, cluster: cluster, broker: nil)
            var answers: [(BrokerRef, TimerListBody)] = []
            var failed: [(broker: BrokerRef, error: any Error)] = []
            for broker in brokers {
                do {
                    let body = try await client.timerList(
                        broker: broker.address, topic: topic, withinMillis: withinMillis)
                    answers.append((broker, body))
                } catch {
                    failed.append((broker, error))
                }
            }
            return (answers, failed)
        }
        // No broker answered (an Apache broker says it does not serve the request): its error, as it is.
        if answers.isEmpty, let first = failed.first { throw first.error }
        let view = TimerListView(answers, failed: failed.map { ($0.broker, "\($0.error)") })
        Emit.output(view, format: output.output) { view.table }
        if let first = failed.first {
            throw CLIError(
                "could not read the timer of \(failed.map(\.broker.name).joined(separator: ", ")) (\(first.error)); "
                    + "the list is incomplete", exit: .failed)
        }
    }
}
