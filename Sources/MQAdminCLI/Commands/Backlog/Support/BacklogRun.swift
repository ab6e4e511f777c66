import Foundation
import MQClient
import MQProtocol

/// A parsed `backlog report` invocation: sampling and rendering, shareable with the watch loop.
struct BacklogRun: Sendable {
    var group: String?
    var topic: String?
    var output: BacklogFormat
    var queues: Bool
    var thresholds: BacklogThresholds
    var windowMillis: Int64
    var riskMarginMillis: Int64?

    /// One report: a sample, and a second one `windowMillis` later when a status depends on it. With
    /// `previous` (watch mode) the earlier refresh is the first sample.
    func sample(_ client: MQClientInstance, previous: BacklogSample?) async throws -> (BacklogReport, BacklogSample) {
        if let topic { _ = try await client.route(topic: topic) }
        var latest = try await client.backlogSample(group: group, topic: topic)
        try check(latest)
        var earlier = previous
        if earlier == nil, windowMillis > 0, BacklogReport.needsSecondSample(latest) {
            try await Task.sleep(for: .milliseconds(windowMillis))
            earlier = latest
            latest = try await client.backlogSample(group: group, topic: topic)
        }
        return (BacklogReport.build(latest: latest, previous: earlier, riskMarginMillis: riskMarginMillis), latest)
    }

    private func check(_ s: BacklogSample) throws {
        if let f = s.failures.first, s.failures.count == s.retentionHours.count {
            throw CLIError(
                "no broker answered; \(f.broker) (\(f.address)): \(f.error)",
                exit: f.unreachable ? .unreachable : .failed)
        }
        if let group, s.failures.isEmpty, !s.knownGroups.contains(group) {
            throw CLIError(
                "consumer group \(group) does not exist on any broker (no subscription config, offsets or online "
                    + "consumers); check the name with `mqadmin group list`", exit: .notFound)
        }
    }

    func render(_ r: BacklogReport, refreshing: Bool) {
        switch output {
        case .json:
            let json = BacklogJSON(r, group: group, topic: topic, queues: queues, thresholds: thresholds)
            Emit.write(Emit.report(json))
        case .prometheus: Emit.write(BacklogPrometheus.render(r, queues: queues, target: ReportTarget.current))
        case .table:
            let text = Emit.report(table: BacklogText.render(r, queues: queues))
            if refreshing && Console.current.outputIsTerminal {
                Emit.write(
                    "\u{1B}[H\u{1B}[2J"
                        + "mqadmin backlog report  \(TimeFormat.iso(r.generatedAt))  (Ctrl-C to stop)\n\n" + text)
            } else {
                Emit.write(refreshing ? text + "\n" : text)
            }
        }
    }
}
