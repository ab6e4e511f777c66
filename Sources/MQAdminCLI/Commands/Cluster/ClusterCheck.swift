import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin cluster check [-c CLUSTER] [--expect-brokers A,B] [--probe [--probe-topic T] [--probe-warn D]]
/// [-o table|json|prometheus]`
struct ClusterCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a cluster's health once; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (Nagios).",
        discussion: """
            One row per check: every name server answers (CRITICAL if none, WARNING if some); every broker is \
            registered with every name server (WARNING) and the name servers agree on brokers, addresses and \
            write permission (WARNING); every registered broker answers (CRITICAL for a master, WARNING for a \
            slave); with --expect-brokers, each named broker is registered (CRITICAL when missing: a name server \
            forgets a killed broker at once, so only an expectation tells it is gone); every master is \
            writable (WARNING when drained); commit log disk use against the broker's diskMaxUsedSpaceRatio \
            (WARNING) and diskSpaceWarningLevelRatio (CRITICAL; Apache's 75% and 90% when the broker does not \
            report them); dispatch behind over 64 MiB (WARNING). With --probe, \
            one message is sent to queue 0 of the probe topic on each master and pulled back by offset \
            (nothing committed): CRITICAL on failure, WARNING over --probe-warn; the probe topic is the one \
            named after each broker (brokerTopicEnable, as Apache's clusterRT) unless --probe-topic names one; \
            no topic is ever created. The exit code is the most urgent status (CRITICAL, WARNING, UNKNOWN, OK \
            in that order): 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN, printed after the report; a bad command \
            line also exits 2 (with its one-line error), and a -c cluster no name server knows exits 3.
            """)

    @Option(name: [.customShort("c"), .customLong("cluster")], help: "Only this cluster.")
    var cluster: String?

    @Option(
        name: .customLong("expect-brokers"),
        help: ArgumentHelp(
            "Broker names that must be registered (comma-separated); CRITICAL for a missing one.",
            valueName: "names"))
    var expectBrokers: String?

    @Flag(help: "Also send one message to each master and pull it back, reporting the round trip.")
    var probe = false

    @Option(
        name: .customLong("probe-topic"),
        help: ArgumentHelp("The probe's topic (default: the topic named after each broker).", valueName: "topic"))
    var probeTopic: String?

    @Option(
        name: .customLong("probe-warn"),
        help: ArgumentHelp("WARNING when a probe round trip is slower (e.g. 500ms, 2s).", valueName: "duration"))
    var probeWarn = "1s"

    @OptionGroup var connection: ConnectionOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: table, json or prometheus.")
    var output: ClusterCheckFormat = .table

    func validate() throws {
        guard let d = Duration.parse(probeWarn), d > .zero else {
            throw ValidationError("--probe-warn \"\(probeWarn)\" is not a duration; use e.g. 500ms or 2s")
        }
        if let probeTopic, let why = SystemTopics.validate(topic: probeTopic) { throw ValidationError(why) }
        if !probe && (probeTopic != nil || probeWarn != "1s") {
            throw ValidationError("--probe-topic and --probe-warn apply to the probe; add --probe")
        }
    }

    func run() async throws {
        let warn = Duration.parse(probeWarn) ?? .seconds(1)
        let limits = ClusterCheckLimits(
            probe: probe, probeTopic: probeTopic,
            probeWarnMillis: Double(warn.components.seconds) * 1000 + Double(warn.components.attoseconds) / 1e15,
            expectedBrokers: Address.list(expectBrokers))
        let report = try await Session.withClient(connection) {
            try await $0.clusterCheck(cluster: cluster, limits: limits)
        }
        Emit.write(ClusterCheckView.render(report, format: output))
        if report.status != .ok { throw ExitCode(report.status.rawValue) }
    }
}
