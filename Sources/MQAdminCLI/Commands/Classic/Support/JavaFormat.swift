/// The subset of Java's `printf` the classic layouts use, so each layout reads exactly like Apache's format
/// string: `%s`/`%d` with an optional `-` and width (`%-20s`, `%4d`), `%n` and `%%`. Arguments are already text.
enum JavaFormat {
    static func format(_ pattern: String, _ args: [String]) -> String {
        var out = ""
        var next = args.makeIterator()
        var i = pattern.startIndex
        while i < pattern.endIndex {
            let c = pattern[i]
            i = pattern.index(after: i)
            guard c == "%", i < pattern.endIndex else {
                out.append(c)
                continue
            }
            var left = false
            if pattern[i] == "-" {
                left = true
                i = pattern.index(after: i)
            }
            var width = 0
            while i < pattern.endIndex, let d = pattern[i].wholeNumberValue {
                width = width * 10 + d
                i = pattern.index(after: i)
            }
            let conversion = pattern[i]
            i = pattern.index(after: i)
            switch conversion {
            case "n": out.append("\n")
            case "%": out.append("%")
            default:
                let arg = next.next() ?? ""
                let pad = String(repeating: " ", count: max(0, width - arg.count))
                out += left ? arg + pad : pad + arg
            }
        }
        return out
    }
}
