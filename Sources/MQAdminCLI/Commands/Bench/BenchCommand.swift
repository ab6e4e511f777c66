import ArgumentParser

/// `mqadmin bench ...`
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure a cluster: produce, consume, or both with end-to-end latency.",
        discussion: """
            Each run creates its own topic (mqadmin-bench-<random>, --queues per master) and deletes it \
            afterwards, also on Ctrl-C or an error, unless --topic names an existing one or --keep-topic \
            keeps it; it says on stderr what it creates before creating it. A read-only context refuses it \
            (exit 5). Figures leave out the warm-up (--warmup). docs/bench.md says what is measured and how.
            """,
        subcommands: [BenchProduce.self, BenchConsume.self, BenchE2E.self])
}
