import ArgumentParser
import Foundation
import MQClient
import MQProtocol

/// `mqadmin backlog report [-g GROUP] [-t TOPIC] [--queues] [--watch S] [--fail-if-lag-over N] ...`
struct BacklogReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report every group's backlog per topic: lag in messages and in time, TPS, consumers, status.",
        discussion: """
            Status, worst first: AT_RISK (unconsumed messages were deleted by retention, are next in line \
            for deletion, or are within --risk-margin of the broker's fileReservedTime), NO_CONSUMERS, \
            STALLED (behind and the committed offset did not move over --window), LAGGING (behind), OK. \
            When a group with online consumers is behind, a second sample is taken --window later (default \
            6s, just over the 5 s in which Apache clients commit offsets; 0 = one sample, no STALLED). Rows \
            are sorted by lag, largest first. --fail-if-* exit 6 when exceeded (the report is printed anyway).
            """
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: table, json or prometheus.")
    var output: BacklogFormat = .table
    @OptionGroup var clock: ClockOptions
    @Option(name: [.customShort("g"), .long], help: "Only this consumer group.",
        completion: .custom(LiveNames.groups))
    var group: String?
    @Option(name: [.customShort("t"), .long], help: "Only this topic.",
        completion: .custom(LiveNames.topics))
    var topic: String?
    @Flag(help: "One row per queue (in JSON: add each row's queues).") var queues = false
    @Option(help: ArgumentHelp("Time between the two samples (e.g. 6s; 0 for one sample).", valueName: "duration"))
    var window = "6s"
    @Option(help: ArgumentHelp("Refresh every SECONDS until Ctrl-C.", valueName: "seconds")) var watch: Int?
    @Option(
        name: .customLong("fail-if-lag-over"),
        help: ArgumentHelp("Exit 6 if a group/topic lags more messages.", valueName: "n"))
    var lagOver: Int64?
    @Option(
        name: .customLong("fail-if-age-over"),
        help: ArgumentHelp("Exit 6 if an oldest unconsumed message is older (e.g. 10m).", valueName: "duration"))
    var ageOver: String?
    @Option(
        name: .customLong("risk-margin"),
        help: ArgumentHelp("AT_RISK when this close to the retention age (default: 20% of it).", valueName: "duration"))
    var riskMargin: String?

    func validate() throws {
        if let group, let why = SystemTopics.validate(group: group) { throw ValidationError(why) }
        if let topic, let why = SystemTopics.validate(topic: topic) { throw ValidationError(why) }
        _ = try duration(window, "--window", allowZero: true)
        if let ageOver { _ = try duration(ageOver, "--fail-if-age-over", allowZero: true) }
        if let riskMargin { _ = try duration(riskMargin, "--risk-margin", allowZero: true) }
        if let lagOver, lagOver < 0 { throw ValidationError("--fail-if-lag-over must be 0 or more") }
        if let watch {
            guard watch > 0 else { throw ValidationError("--watch must be at least 1 second") }
            if lagOver != nil || ageOver != nil {
                throw ValidationError(
                    "--watch runs until Ctrl-C; it cannot be combined with --fail-if-lag-over/--fail-if-age-over")
            }
        }
    }

    private func duration(_ text: String, _ option: String, allowZero: Bool) throws -> Int64 {
        if allowZero && text == "0" { return 0 }
        guard let d = Duration.parse(text) else {
            throw ValidationError("\(option) \"\(text)\" is not a duration; use e.g. 5s, 10m or 2h")
        }
        return d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
    }

    func run() async throws {
        let plan = BacklogRun(
            group: group, topic: topic, output: output, queues: queues,
            thresholds: BacklogThresholds(
                lagOver: lagOver,
                ageOverMillis: try ageOver.map { try duration($0, "--fail-if-age-over", allowZero: true) }),
            windowMillis: try duration(window, "--window", allowZero: true),
            riskMarginMillis: try riskMargin.map { try duration($0, "--risk-margin", allowZero: true) })
        let report = try await Session.with(connection) { session in
            if let watch {
                try await BacklogWatch.run(every: watch) { previous in
                    let (report, latest) = try await plan.sample(session.client, previous: previous)
                    plan.render(report, refreshing: true)
                    return latest
                }
                return nil as BacklogReport?
            }
            return try await plan.sample(session.client, previous: nil).0
        }
        guard let report else { return }
        plan.render(report, refreshing: false)
        let exceeded = plan.thresholds.exceeded(report)
        if !exceeded.isEmpty {
            for line in exceeded.dropLast() { Emit.note("mqadmin: threshold exceeded: \(line)") }
            throw CLIError("threshold exceeded: \(exceeded.last!)", exit: .thresholdExceeded)
        }
        try LookupFailures.finish(report.failures, what: "backlog report")
    }
}
