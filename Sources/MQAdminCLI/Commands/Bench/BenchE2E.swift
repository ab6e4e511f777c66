import ArgumentParser
import MQBenchKit
import MQClient

/// `mqadmin bench e2e`: producers and consumers together; send and end-to-end latency, lost and duplicates.
struct BenchE2E: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "e2e",
        abstract: "Produce and consume together and report end-to-end latency, lost and duplicate messages.",
        discussion: """
            The consumers (--consumers members of a new group, deleted afterwards) start first; once they \
            share the topic's queues the producers run as `bench produce` does. Each message carries its \
            send time (a property, this process's monotonic clock): end-to-end latency is receipt minus \
            send. After the last send it waits up to --drain (default 10s) for every acknowledged message; \
            lost = acknowledged - received, duplicates = received more than once. Exit 1 when messages \
            were lost.
            """)

    @OptionGroup var produce: BenchProduceOptions
    @OptionGroup var limits: BenchLimitOptions
    @OptionGroup var topic: BenchTopicOptions

    @Option(help: ArgumentHelp("Concurrent consumers in the group.", valueName: "n"))
    var consumers = 1

    @Option(
        help: ArgumentHelp("How long to wait for acknowledged messages after the last send.", valueName: "duration"))
    var drain = "10s"

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard consumers >= 1 && consumers <= 256 else { throw ValidationError("--consumers must be 1 to 256") }
        guard BenchLimitOptions.parse(drain) != nil else {
            throw ValidationError("--drain \"\(drain)\" is not a duration; use e.g. 10s")
        }
    }

    func run() async throws {
        let (stop, counters) = (BenchStop(), BenchCounters())
        let group = BenchRun.group(nil)
        let view = try await Session.with(connection) { session in
            let (client, makeClient) = (session.client, try session.memberClients(connection))
            let choice = topic.choice
            let (figures, resources) = try await BenchRun.withTopic(choice, client: client, group: group) { name in
                let engine = EndToEndEngine(
                    producer: Producer(group: "mqadmin-bench-producer", client: client), makeClient: makeClient,
                    produce: produce.settings(topic: name, limits: limits),
                    consume: ConsumeSettings(
                        topic: name, group: group.name, consumers: consumers, fromFirst: topic.topic == nil,
                        limit: nil, warmup: .zero),
                    drain: BenchLimitOptions.parse(drain) ?? .seconds(10), counters: counters, stop: stop)
                return try await BenchRun.running(stop: stop, counters: counters, progress: limits.progress) {
                    try await engine.run()
                }
            }
            return BenchE2EView(
                resources: resources, settings: BenchProduceSettingsView(produce.settings(topic: "", limits: limits)),
                consumers: consumers, figures: figures, interrupted: stop.isStopped)
        }
        Emit.output(view, format: output.output) {
            let f = view.figures
            let matched = [
                ("received", "\(f.received)"), ("lost", "\(f.lost)"), ("duplicates", "\(f.duplicates)"),
            ]
            return BenchText.figures(
                BenchText.resources(view.resources) + BenchText.produce(f.produce, mode: produce.mode) + matched
                    + BenchText.throughput(f.throughput)) + "\n"
                + BenchText.latencies([("send", f.produce.latency), ("end-to-end", f.endToEnd)])
        }
        try view.figures.produce.failIfNothingSent()
        if view.figures.lost > 0 && !view.interrupted {
            throw CLIError(
                "\(view.figures.lost) acknowledged message(s) were not received within --drain \(drain)", exit: .failed)
        }
    }
}
