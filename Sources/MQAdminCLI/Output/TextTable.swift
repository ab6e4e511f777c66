/// A plain aligned table for people: a header row, then rows; columns separated by two spaces.
/// No colour, no borders, so it stays readable in logs and greppable. The one table renderer of the CLI.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public struct Column: Sendable {
        public var title: String
        public var alignment: Alignment
        public init(_ title: String, _ alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    public var rows: [[String]] = []

    public init(_ columns: [Column]) {
        self.columns = columns
    }

    public init(_ titles: String...) {
        columns = titles.map { Column($0) }
    }

    public mutating func add(_ cells: [String]) { rows.append(cells) }
    public mutating func add(_ cells: String...) { rows.append(cells) }

    /// The table text; the last column is never padded. With `trimmingTrailingSpaces`, a row whose last
    /// cells are empty ends without the spaces before them (some diff and awk setups trip over them);
    /// the newer commands use that, the older ones keep their layout byte for byte.
    ///
    /// Built in UTF-8 bytes, widths counted in bytes for ASCII cells and in characters only for the others,
    /// so the thousands of rows of a big cluster's backlog report render fast.
    public func render(trimmingTrailingSpaces: Bool = false) -> String {
        let all = [columns.map(\.title)] + rows
        let n = columns.count
        var widths = [Int](repeating: 0, count: n)
        for row in all {
            for i in 0..<min(n, row.count) { widths[i] = max(widths[i], Self.width(row[i])) }
        }
        var out: [UInt8] = []
        out.reserveCapacity(all.count * (widths.reduce(0, +) + 2 * n + 1))
        for row in all {
            let start = out.count
            for i in 0..<n {
                let cell = i < row.count ? row[i] : ""
                let pad = widths[i] - Self.width(cell)
                if i > 0 { out += [0x20, 0x20] }
                if columns[i].alignment == .right { out += repeatElement(0x20, count: pad) }
                out += cell.utf8
                if columns[i].alignment == .left && i < n - 1 { out += repeatElement(0x20, count: pad) }
            }
            if trimmingTrailingSpaces {
                while out.count > start && out.last == 0x20 { out.removeLast() }
            }
            out.append(0x0A)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Characters, as people see the column; "\r\n" is one character, so only other ASCII counts in bytes.
    private static func width(_ s: String) -> Int {
        s.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } ? s.utf8.count : s.count
    }
}
