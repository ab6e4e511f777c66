import Foundation

/// Java's `String.valueOf(double)` for the values the classic layouts print (TPS): `0.0`, `12.5`,
/// `1.0E7`.
func javaDouble(_ d: Double) -> String {
    guard d.isFinite else { return d.isNaN ? "NaN" : (d > 0 ? "Infinity" : "-Infinity") }
    let magnitude = abs(d)
    if magnitude == 0 || (magnitude >= 1e-3 && magnitude < 1e7) {
        let s = "\(d)"
        return s.contains(".") || s.contains("e") ? s : s + ".0"
    }
    let exponent = Int(floor(log10(magnitude)))
    var mantissa = "\(d / pow(10, Double(exponent)))"
    if !mantissa.contains(".") { mantissa += ".0" }
    return "\(mantissa)E\(exponent)"
}
