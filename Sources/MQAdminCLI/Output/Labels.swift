/// A label/value list for people: `Label:  value`, values aligned.
enum Labels {
    static func render(_ pairs: [(String, String)]) -> String {
        let width = (pairs.map(\.0.count).max() ?? 0) + 2
        return pairs.map { Printf.left($0.0 + ":", width) + " " + $0.1 + "\n" }.joined()
    }
}
