import Foundation

/// One measured figure, beside the machine limit it is judged against.
struct Figure {
    var name: String
    var value: Double
    var unit: String
    /// The limit measured on this machine in the same run (same unit), if any.
    var limit: Double?
    var limitName: String?
    /// The target from the issue, as text, and whether the figure meets it.
    var target: String
    var pass: Bool
    var note: String = ""

    var ratio: String {
        guard let limit, limit > 0 else { return "" }
        return String(format: "%.2f", value / limit)
    }
}

enum Report {
    static func format(_ v: Double) -> String {
        if v >= 100_000 { return String(format: "%.0f", v) }
        if v >= 100 { return String(format: "%.1f", v) }
        return String(format: "%.3f", v)
    }

    static func print(_ figures: [Figure], machine: [String: String]) {
        Swift.print("\n## Machine")
        for (k, v) in machine.sorted(by: { $0.key < $1.key }) { Swift.print("- \(k): \(v)") }
        Swift.print("\n## Figures\n")
        Swift.print("| figure | value | unit | limit (this machine) | ratio | target | met |")
        Swift.print("| --- | ---: | --- | --- | ---: | --- | --- |")
        for f in figures {
            let limit = f.limit.map { "\(format($0)) (\(f.limitName ?? ""))" } ?? ""
            let met = f.pass ? "yes" : "**no**"
            let note = f.note.isEmpty ? "" : " — \(f.note)"
            Swift.print(
                "| \(f.name) | \(format(f.value)) | \(f.unit) | \(limit) | \(f.ratio) | \(f.target) | \(met)\(note) |")
        }
    }
}

/// Wall-clock seconds of a block.
func measure(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

func log(_ s: String) {
    FileHandle.standardError.write(Data(("[mqbench] " + s + "\n").utf8))
}
