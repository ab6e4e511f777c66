/// A plain aligned table for people: a header row, then rows; columns separated by two spaces.
/// No colour, no borders, so it stays readable in logs and greppable.
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

    public func render() -> String {
        var widths = columns.map { $0.title.count }
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, col) in columns.enumerated() {
                let cell = i < cells.count ? cells[i] : ""
                let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                let isLast = i == columns.count - 1
                switch col.alignment {
                case .left: parts.append(isLast ? cell : cell + pad)
                case .right: parts.append(pad + cell)
                }
            }
            return parts.joined(separator: "  ")
        }
        var out = line(columns.map(\.title)) + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }
}
