import ArgumentParser
import MQBenchKit
import MQClient
import MQProtocol

/// `mqadmin bench consume --topic T`: push consumers on an existing topic; throughput and delivery lag.
struct BenchConsume: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consume",
        abstract: "Consume a topic with push consumers and report throughput and delivery lag.",
        discussion: """
            --consumers members of one group (default: a new group mqadmin-bench-group-<random>, deleted \
            afterwards; -g keeps the given one) consume what is in --topic (--from first) or what arrives \
            (--from last, the default) until --count measured messages or --duration (default 10s); \
            messages received during --warmup are left out. Delivery lag is the broker's store time to \
            receipt, so it includes any clock difference between the broker's machine and this one.
            """)

    @Option(
        name: [.customShort("t"), .long], help: "The topic to consume (required: consume reads what exists).",
        completion: .custom(LiveNames.topics))
    var topic: String

    @Option(name: [.customShort("g"), .long], help: "Consume as this group (kept) instead of a new one.")
    var group: String?

    @Option(help: ArgumentHelp("Concurrent consumers in the group.", valueName: "n"))
    var consumers = 1

    @Option(help: "Where a new group starts: first (the queues' first messages) or last (what arrives).")
    var from: BenchFrom = .last

    @OptionGroup var limits: BenchLimitOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    enum BenchFrom: String, ExpressibleByArgument, CaseIterable, Sendable { case first, last }

    func validate() throws {
        guard consumers >= 1 && consumers <= 256 else { throw ValidationError("--consumers must be 1 to 256") }
        if let why = SystemTopics.validate(topic: topic) { throw ValidationError(why) }
        if let group, let why = SystemTopics.validate(group: group) { throw ValidationError(why) }
    }

    func run() async throws {
        let (stop, counters) = (BenchStop(), BenchCounters())
        let group = BenchRun.group(group)
        // The shared topic handling, on an existing topic: checked to exist, never created or deleted.
        let options = BenchTopicChoice(existing: topic)
        let view = try await Session.with(connection) { session in
            let (client, makeClient) = (session.client, try session.memberClients(connection))
            let (figures, resources) = try await BenchRun.withTopic(options, client: client, group: group) { name in
                let settings = ConsumeSettings(
                    topic: name, group: group.name, consumers: consumers, fromFirst: from == .first,
                    limit: limits.limit, warmup: limits.warmupDuration)
                let engine = ConsumeEngine(
                    client: client, makeClient: makeClient, settings: settings, counters: counters, stop: stop)
                return try await BenchRun.running(stop: stop, counters: counters, progress: limits.progress) {
                    try await engine.run()
                }
            }
            let limit = limits.limit
            return BenchConsumeView(
                resources: resources, consumers: consumers, from: from.rawValue,
                count: { if case .count(let n) = limit { return n } else { return nil } }(),
                durationSeconds: {
                    if case .duration(let d) = limit { return BenchSeconds.of(d) } else { return nil }
                }(),
                warmupSeconds: BenchSeconds.of(limits.warmupDuration), figures: figures, interrupted: stop.isStopped)
        }
        Emit.output(view, format: output.output) {
            let f = view.figures
            return BenchText.figures(
                BenchText.resources(view.resources)
                    + [("received", "\(f.received)"), ("warm-up messages (excluded)", "\(f.warmupMessages)")]
                    + BenchText.throughput(f.throughput)) + "\n"
                + BenchText.latencies([("delivery lag", f.deliveryLag)])
        }
    }
}
