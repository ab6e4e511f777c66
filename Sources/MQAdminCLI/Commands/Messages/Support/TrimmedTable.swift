/// TextTable pads every column but the last; when the last cell is empty that leaves trailing
/// spaces, which some diff and awk setups trip over. This strips them.
enum TrimmedTable {
    static func render(_ table: TextTable) -> String {
        table.render().split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.reversed().drop { $0 == " " }.reversed()) }
            .joined(separator: "\n")
    }
}
