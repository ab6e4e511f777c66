/// The `totals` object of reports whose rows have a `lag` (offset show, group describe; backlog report's
/// totals carry more): sums are in `totals`, named as the field they sum (docs/json-output.md).
struct LagTotals: Encodable, Sendable {
    var lag: Int64
}
