import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin group doctor GROUP [--interval 6s] [--fail-if-lag-over N] [--fail-if-age-over D]`
struct GroupDoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Diagnose a consumer group: each verdict with the evidence it rests on, or why it is unknown.",
        discussion: """
            Samples the group twice, --interval apart (default 6s, just over the 5 s in which Apache clients \
            commit offsets; 0 = one sample, and the rate-based verdicts are UNKNOWN), and checks: members \
            online, subscriptions that differ between members, members not consuming, consumption slower than \
            production (with the time to drain), committed offsets below the min offset, messages that keep \
            failing, and retry/DLQ growth with the client that sends the messages back. docs/doctor.md lists \
            each verdict, its evidence and its thresholds. --fail-if-* exit 6 as in `backlog report`.
            """
    )

    @Argument(help: "Consumer group.", completion: .custom(LiveNames.groups)) var group: String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("Time between the two samples (e.g. 6s; 0 for one sample).", valueName: "duration"))
    var interval = "6s"
    @Option(
        name: .customLong("fail-if-lag-over"),
        help: ArgumentHelp("Exit 6 if the group lags more messages on a topic.", valueName: "n"))
    var lagOver: Int64?
    @Option(
        name: .customLong("fail-if-age-over"),
        help: ArgumentHelp("Exit 6 if an oldest unconsumed message is older (e.g. 10m).", valueName: "duration"))
    var ageOver: String?

    func validate() throws {
        try GroupTargets.validateName(group)
        _ = try Self.millis(interval, "--interval")
        if let ageOver { _ = try Self.millis(ageOver, "--fail-if-age-over") }
        if let lagOver, lagOver < 0 { throw ValidationError("--fail-if-lag-over must be 0 or more") }
    }

    static func millis(_ text: String, _ option: String) throws -> Int64 {
        if text == "0" { return 0 }
        guard let d = Duration.parse(text) else {
            throw ValidationError("\(option) \"\(text)\" is not a duration; use e.g. 5s, 10m or 2h")
        }
        return d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
    }

    func run() async throws {
        let thresholds = BacklogThresholds(
            lagOver: lagOver, ageOverMillis: try ageOver.map { try Self.millis($0, "--fail-if-age-over") })
        let window = try Self.millis(interval, "--interval")
        let evidence = try await Session.with(connection) { session in
            let e = try await session.client.doctorEvidence(group: group, windowMillis: window)
            if e.failures.count == e.latest.retentionHours.count, let f = e.failures.first {
                throw CLIError(
                    "no broker answered; \(f.broker) (\(f.address)): \(f.error)",
                    exit: f.unreachable ? .unreachable : .failed)
            }
            guard e.failures.isEmpty ? e.latest.knownGroups.contains(group) || !e.members.isEmpty : true else {
                throw GroupTargets.notFound(group)
            }
            return e
        }
        let view = DoctorView(evidence, verdicts: GroupDoctor.diagnose(evidence), thresholds: thresholds)
        Emit.output(view, format: output.output) { view.table }
        let exceeded = view.thresholds.exceeded
        if !exceeded.isEmpty {
            for line in exceeded.dropLast() { Emit.note("mqadmin: threshold exceeded: \(line)") }
            throw CLIError("threshold exceeded: \(exceeded.last!)", exit: .thresholdExceeded)
        }
        try LookupFailures.finish(evidence.failures, what: "group doctor")
    }
}
