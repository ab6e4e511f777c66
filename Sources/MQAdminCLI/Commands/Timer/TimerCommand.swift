import ArgumentParser

/// `mqadmin timer ...`: timer messages (5.x TIMER_DELIVER_MS / TIMER_DELAY_SEC / TIMER_DELAY_MS) waiting on brokers.
struct TimerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timer",
        abstract: "Inspect timer messages waiting on brokers.",
        subcommands: [TimerList.self]
    )
}
