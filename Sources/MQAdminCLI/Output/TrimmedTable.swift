/// TextTable's layout (two spaces between columns, the last one unpadded), without trailing spaces
/// when a last cell is empty (some diff and awk setups trip over them), and fast enough for the
/// thousands of rows a backlog report of a big cluster has: widths are counted in UTF-8 bytes for
/// ASCII cells and in characters only for the others.
enum TrimmedTable {
    static func render(_ table: TextTable) -> String {
        let all = [table.columns.map(\.title)] + table.rows
        let n = table.columns.count
        var widths = [Int](repeating: 0, count: n)
        for row in all {
            for i in 0..<min(n, row.count) { widths[i] = max(widths[i], width(row[i])) }
        }
        var out: [UInt8] = []
        out.reserveCapacity(all.count * (widths.reduce(0, +) + 2 * n + 1))
        for row in all {
            let start = out.count
            for i in 0..<n {
                let cell = i < row.count ? row[i] : ""
                let pad = widths[i] - width(cell)
                if i > 0 { out += [0x20, 0x20] }
                if table.columns[i].alignment == .right { out += repeatElement(0x20, count: pad) }
                out += cell.utf8
                if table.columns[i].alignment == .left && i < n - 1 { out += repeatElement(0x20, count: pad) }
            }
            while out.count > start && out.last == 0x20 { out.removeLast() }
            out.append(0x0A)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func width(_ s: String) -> Int {
        s.utf8.allSatisfy { $0 < 0x80 } ? s.utf8.count : s.count
    }
}
