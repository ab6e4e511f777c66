/// Java's comparisons as Apache's `ComparisonExpression.__compare` makes them, with string conversion on
/// (Apache's parser always turns it on): two values of different types are brought to one type before
/// `compareTo`.
///
/// - A number and a string: the string is read as the number's type (`Integer.valueOf` for an int literal,
///   `Long.valueOf` for a long one, `Double.valueOf` for a decimal one); text that is not such a number fails
///   the evaluation (Java's `NumberFormatException`).
/// - A string and a boolean: the string is read with `Boolean.valueOf`. A boolean on the left and a string on
///   the right fails (Apache casts the wrong operand: a `ClassCastException`).
/// - int and long compare as longs, either with a double as doubles.
/// - Any other pair (a number and a boolean) answers -1, "less".
enum JavaComparison {
    static func compare(_ left: FilterValue, _ right: FilterValue) throws(FilterEvaluationError) -> Int {
        switch (left, right) {
        case let (.string(l), .string(r)): return strings(l, r)
        case let (.int(l), .int(r)): return ordered(l, r)
        case let (.long(l), .long(r)): return ordered(l, r)
        case let (.double(l), .double(r)): return doubles(l, r)
        case let (.bool(l), .bool(r)): return ordered(l ? 1 : 0, r ? 1 : 0)

        case let (.int(l), .long(r)): return ordered(Int64(l), r)
        case let (.long(l), .int(r)): return ordered(l, Int64(r))
        case let (.int(l), .double(r)): return doubles(Double(l), r)
        case let (.long(l), .double(r)): return doubles(Double(l), r)
        case let (.double(l), .int(r)): return doubles(l, Double(r))
        case let (.double(l), .long(r)): return doubles(l, Double(r))

        case let (.int(l), .string(r)): return ordered(l, try read(r, as: "int", with: JavaNumberText.int32))
        case let (.long(l), .string(r)): return ordered(l, try read(r, as: "long", with: JavaNumberText.int64))
        case let (.double(l), .string(r)): return doubles(l, try read(r, as: "double", with: JavaNumberText.double))
        case let (.string(l), .int(r)): return ordered(try read(l, as: "int", with: JavaNumberText.int32), r)
        case let (.string(l), .long(r)): return ordered(try read(l, as: "long", with: JavaNumberText.int64), r)
        case let (.string(l), .double(r)): return doubles(try read(l, as: "double", with: JavaNumberText.double), r)
        case let (.string(l), .bool(r)): return ordered(JavaNumberText.bool(l) ? 1 : 0, r ? 1 : 0)

        case (.bool, .string):
            throw FilterEvaluationError(reason: "a boolean on the left of '=' cannot be compared with a string")
        case (.bool, _), (.int, .bool), (.long, .bool), (.double, .bool):
            return -1
        }
    }

    /// Java's `equals` between two values: the same type and the same value (a double by its bits, so NaN
    /// equals NaN and -0.0 does not equal 0.0; strings code point by code point).
    static func equals(_ left: FilterValue, _ right: FilterValue) -> Bool {
        switch (left, right) {
        case let (.string(l), .string(r)): return l.utf8.elementsEqual(r.utf8)
        case let (.int(l), .int(r)): return l == r
        case let (.long(l), .long(r)): return l == r
        case let (.double(l), .double(r)): return javaBits(l) == javaBits(r)
        case let (.bool(l), .bool(r)): return l == r
        default: return false
        }
    }

    /// `Double.compare`: numeric order, except that -0.0 is below 0.0 and NaN is above everything and equal
    /// to itself.
    static func doubles(_ left: Double, _ right: Double) -> Int {
        if left < right { return -1 }
        if left > right { return 1 }
        return ordered(javaBits(left), javaBits(right))
    }

    /// `String.compareTo`: by UTF-16 code units.
    static func strings(_ left: String, _ right: String) -> Int {
        for (l, r) in zip(left.utf16, right.utf16) where l != r {
            return Int(l) - Int(r)
        }
        return left.utf16.count - right.utf16.count
    }

    /// Reads a double as both operands are strings in `>`, `>=`, `<`, `<=` (Apache tries `Double.valueOf` on
    /// both and fails the evaluation if either is not a number).
    static func orderingDouble(_ text: String) throws(FilterEvaluationError) -> Double {
        try read(text, as: "number", with: JavaNumberText.double)
    }

    private static func read<Number>(
        _ text: String, as type: String, with reader: (String) -> Number?
    ) throws(FilterEvaluationError) -> Number {
        guard let number = reader(text) else {
            throw FilterEvaluationError(reason: "\(quoted(text)) is not a Java \(type)")
        }
        return number
    }

    private static func ordered<T: Comparable>(_ left: T, _ right: T) -> Int {
        left < right ? -1 : (left == right ? 0 : 1)
    }

    /// `Double.doubleToLongBits`: every NaN as the one canonical NaN.
    private static func javaBits(_ value: Double) -> Int64 {
        value.isNaN ? 0x7ff8_0000_0000_0000 : Int64(bitPattern: value.bitPattern)
    }

    /// A property value as a message shows it, shortened.
    static func quoted(_ text: String) -> String {
        guard text.unicodeScalars.count > 40 else { return "'" + text + "'" }
        return "'" + String(String.UnicodeScalarView(text.unicodeScalars.prefix(40))) + "…'"
    }
}
