/// Splits a REPL line into arguments like a POSIX shell would for simple cases:
/// whitespace separates, single quotes are literal, double quotes allow `\"`, backslash escapes.
enum Tokenizer {
    enum Failure: Error, CustomStringConvertible, Equatable {
        case unterminatedQuote(Character)
        var description: String {
            switch self {
            case .unterminatedQuote(let q): return "unterminated \(q) quote"
            }
        }
    }

    static func split(_ line: String) throws(Failure) -> [String] {
        var args: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for c in line {
            if escaped {
                current.append(c)
                escaped = false
                continue
            }
            if let q = quote {
                if c == q {
                    quote = nil
                } else if c == "\\" && q == "\"" {
                    escaped = true
                } else {
                    current.append(c)
                }
                continue
            }
            switch c {
            case "\\":
                escaped = true
                inWord = true
            case "'", "\"":
                quote = c
                inWord = true
            case " ", "\t":
                if inWord {
                    args.append(current)
                    current = ""
                    inWord = false
                }
            default:
                current.append(c)
                inWord = true
            }
        }
        if let q = quote { throw .unterminatedQuote(q) }
        if inWord || escaped { args.append(current) }
        return args
    }
}
