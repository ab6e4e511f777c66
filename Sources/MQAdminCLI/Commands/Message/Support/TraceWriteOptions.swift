import ArgumentParser
import MQClient
import MQProtocol

/// `--trace` / `--trace-topic` of `message send` and `message consume`: write trace records as Apache's
/// Java clients do, so `trace show` (and Apache's tools and dashboard) can show the message's journey.
struct TraceWriteOptions: ParsableArguments {
    @Flag(help: "Write trace records (Apache's format) to the trace topic, for `trace show`.")
    var trace = false
    @Option(
        name: .customLong("trace-topic"),
        help: ArgumentHelp(
            "Trace topic to write to (implies --trace; default RMQ_SYS_TRACE_TOPIC).", valueName: "topic"),
        completion: .custom(LiveNames.topics))
    var traceTopic: String?

    func validate() throws {
        if let traceTopic, let why = SystemTopics.validate(topic: traceTopic) {
            throw ValidationError("--trace-topic: " + why)
        }
    }

    var enabled: Bool { trace || traceTopic != nil }

    /// A dispatcher when tracing was asked for.
    func dispatcher(client: MQClientInstance, group: String, role: TraceDispatcher.Role) -> TraceDispatcher? {
        guard enabled else { return nil }
        return TraceDispatcher(client: client, hostGroup: group, role: role, traceTopic: traceTopic)
    }

    /// A line for the table output: what was written where.
    static func summary(_ report: TraceDispatchReport?, topic: String?) -> String {
        guard let report else { return "" }
        let to = topic ?? SystemTopics.trace
        return "\ntrace: \(report.recordsSent) record(s) written to \(to) in \(report.messagesSent) message(s)\n"
    }

    /// Notes traces skipped on purpose (stderr) and fails (exit 1) when records were not written:
    /// what was sent or consumed stays done, and the output above says so.
    static func finish(_ report: TraceDispatchReport?) throws {
        guard let report else { return }
        for s in report.skipped { Emit.note("mqadmin: \(s)") }
        var problems = report.failures
        if report.recordsDropped > 0 {
            problems.append("\(report.recordsDropped) trace record(s) dropped (queue full)")
        }
        guard let last = problems.last else { return }
        for p in problems.dropLast() { Emit.note("mqadmin: \(p)") }
        throw CLIError("the operation succeeded but its trace is incomplete: \(last)", exit: .failed)
    }
}
