import ArgumentParser
import Foundation
import MQClient

/// `-o/--output` of `cluster check`: a table, JSON, or Prometheus text for a scrape or textfile collector.
enum ClusterCheckFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json, prometheus
}

/// The result of `cluster check` (docs/schemas/cluster.check.json), version `mqadmin.cluster-check/v1`.
struct ClusterCheckView: Encodable, Sendable {
    struct Row: Encodable, Sendable {
        var check: String
        var subject: String
        var status: String
        var detail: String
        var latencyMillis: OrNull<Double>
    }
    struct Counts: Encodable, Sendable {
        var ok: Int
        var warning: Int
        var critical: Int
        var unknown: Int
    }

    var schema = "mqadmin.cluster-check/v1"
    /// The most urgent row's status, and the exit code it gives.
    var status: String
    var exitCode: Int32
    var counts: Counts
    var probeTopic: OrNull<String>
    var checks: [Row]

    init(_ report: ClusterCheckReport) {
        status = report.status.description
        exitCode = report.status.rawValue
        counts = Counts(
            ok: report.count(.ok), warning: report.count(.warning), critical: report.count(.critical),
            unknown: report.count(.unknown))
        probeTopic = OrNull(report.probeTopic)
        checks = report.rows.map {
            Row(
                check: $0.check, subject: $0.subject, status: $0.status.description, detail: $0.detail,
                latencyMillis: OrNull($0.latencyMillis))
        }
    }

    func table() -> String {
        var t = TextTable([.init("CHECK"), .init("SUBJECT"), .init("STATUS"), .init("DETAIL")])
        for r in checks { t.add(r.check, r.subject, r.status, r.detail) }
        return t.render(trimmingTrailingSpaces: true)
            + "\nOverall: \(status) (\(counts.ok) OK, \(counts.warning) WARNING, \(counts.critical) CRITICAL, "
            + "\(counts.unknown) UNKNOWN; exit \(exitCode))\n"
    }

    static func render(_ report: ClusterCheckReport, format: ClusterCheckFormat) -> String {
        let view = ClusterCheckView(report)
        switch format {
        case .table: return Emit.report(table: view.table())
        case .json: return Emit.report(view)
        case .prometheus: return prometheus(report, target: ReportTarget.current)
        }
    }

    /// One gauge per row (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN), the overall status and the probe latencies,
    /// labelled with the target as `backlog report -o prometheus` labels it.
    static func prometheus(_ report: ClusterCheckReport, target: ReportTarget?) -> String {
        let targetPairs = BacklogPrometheus.targetLabels(target)
        var out = ""
        func family(_ name: String, _ help: String, _ samples: [(labels: [(String, String)], value: String)]) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n"
            for s in samples { out += name + BacklogPrometheus.labels(targetPairs + s.labels) + " " + s.value + "\n" }
        }
        family(
            "mqadmin_cluster_check_status", "One check's result: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.",
            report.rows.map { ([("check", $0.check), ("subject", $0.subject)], String($0.status.rawValue)) })
        family(
            "mqadmin_cluster_check_overall_status", "The most urgent check's result (the exit code).",
            [([], String(report.status.rawValue))])
        family(
            "mqadmin_cluster_check_probe_latency_seconds", "Send then pull-back round trip of the probe message.",
            report.rows.compactMap { r in
                r.latencyMillis.map { ([("broker", r.subject)], BacklogPrometheus.number($0 / 1000)) }
            })
        return out
    }
}
