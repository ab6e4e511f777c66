import MQClient
import MQProtocol

/// `group doctor` output, version `mqadmin.doctor/v1` (docs/schemas/group-doctor.json); the table is made from
/// the same value.
struct DoctorView: Encodable {
    struct Verdict: Encodable {
        var check: String
        var severity: String
        var summary: String
        var evidence: [String]
        var unknownBecause: OrNull<String>
    }
    struct Window: Encodable {
        var millis: OrNull<Int64>
        var samples: Int
    }
    struct Thresholds: Encodable {
        var lagOver: OrNull<Int64>
        var ageOverMillis: OrNull<Int64>
        var exceeded: [String]
    }

    var schema = "mqadmin.doctor/v1"
    var group: String
    var generatedAt: Int64
    var generatedAtIso: String
    var window: Window
    var worst: String
    var members: [String]
    var lag: Int64
    var verdicts: [Verdict]
    var failures: [BacklogFailure]
    var thresholds: Thresholds

    init(_ e: DoctorEvidence, verdicts: [DoctorVerdict], thresholds: BacklogThresholds) {
        group = e.group
        generatedAt = e.report.generatedAt
        generatedAtIso = TimeFormat.iso(e.report.generatedAt)
        window = Window(millis: OrNull(e.windowMillis), samples: e.previous == nil ? 1 : 2)
        worst = (verdicts.map(\.severity).max() ?? .ok).rawValue
        members = e.members.map(\.clientId)
        lag = e.report.totalLag
        self.verdicts = verdicts.map {
            Verdict(
                check: $0.check, severity: $0.severity.rawValue, summary: $0.summary, evidence: $0.evidence,
                unknownBecause: OrNull($0.unknownBecause))
        }
        failures = e.failures
        self.thresholds = Thresholds(
            lagOver: OrNull(thresholds.lagOver), ageOverMillis: OrNull(thresholds.ageOverMillis),
            exceeded: thresholds.exceeded(e.report))
    }

    /// One block per verdict: severity, check and summary, then its evidence and what is unknown, indented.
    var table: String {
        var out = "Group \(group): \(members.count) member(s), lag \(lag), worst \(worst)"
        out +=
            window.millis.value.map { " (sampled twice, \(TimeFormat.duration(millis: $0)) apart)\n" }
            ?? " (one sample)\n"
        for v in verdicts {
            out +=
                "\n" + v.severity.padding(toLength: 8, withPad: " ", startingAt: 0) + v.check + ": " + v.summary + "\n"
            for line in v.evidence { out += "         - " + line + "\n" }
            if let why = v.unknownBecause.value { out += "         unknown — because " + why + "\n" }
        }
        return out
    }
}
