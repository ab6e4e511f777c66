import ArgumentParser
import MQBenchKit
import MQClient

/// `mqadmin bench produce`: producers against a topic; throughput and send latency.
struct BenchProduce: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "produce",
        abstract: "Send messages as fast as answers come (or at --rate) and report throughput and send latency.",
        discussion: """
            --producers tasks send --size-byte messages (--batch per send) until --count measured messages \
            or --duration (default 10s), after --warmup (default 1s) whose messages are left out. --mode sync \
            waits for each answer, async keeps --inflight sends outstanding per producer, oneway waits for \
            none (then there is no latency, and ok means written). Latency is the send call's duration \
            (percentiles from HdrHistogram, no coordinated-omission correction). Exit 5 when every send was \
            refused for permission, 1 when every send failed otherwise.
            """)

    @OptionGroup var produce: BenchProduceOptions
    @OptionGroup var limits: BenchLimitOptions
    @OptionGroup var topic: BenchTopicOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let (stop, counters) = (BenchStop(), BenchCounters())
        let view = try await Session.withClient(connection) { client in
            let (figures, resources) = try await BenchRun.withTopic(topic.choice, client: client) { name in
                let engine = ProduceEngine(
                    producer: Producer(group: "mqadmin-bench-producer", client: client),
                    settings: produce.settings(topic: name, limits: limits), counters: counters, stop: stop)
                return try await BenchRun.running(stop: stop, counters: counters, progress: limits.progress) {
                    await engine.run()
                }
            }
            return BenchProduceView(
                resources: resources, settings: BenchProduceSettingsView(produce.settings(topic: "", limits: limits)),
                figures: figures, interrupted: stop.isStopped)
        }
        Emit.output(view, format: output.output) {
            let f = view.figures
            return BenchText.figures(
                BenchText.resources(view.resources) + BenchText.produce(f, mode: produce.mode)
                    + BenchText.throughput(f.throughput)) + "\n" + BenchText.latencies([("send", f.latency)])
        }
        try view.figures.failIfNothingSent()
    }
}
