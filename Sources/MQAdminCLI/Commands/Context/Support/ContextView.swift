/// One context as `context list` and `context show` print it (docs/json/contexts.md).
struct ContextView: Encodable {
    var name: String
    var nameServers: [String]
    var readOnly: Bool
    @NullEncoded var accessKey: String?
    @NullEncoded var credentialsFile: String?
    /// Whether `context use` made it the current context.
    var current: Bool

    init(_ context: ConnectionContext, current: Bool) {
        name = context.name
        nameServers = context.nameServers
        readOnly = context.readOnly
        accessKey = context.accessKey
        credentialsFile = context.credentialsFile
        self.current = current
    }

    /// `name: prod` lines for `context show`.
    var text: String {
        [
            ("name", name), ("name servers", nameServers.joined(separator: ";")),
            ("read-only", readOnly ? "yes" : "no"),
            ("access key", accessKey ?? "-"), ("credentials file", credentialsFile ?? "-"),
            ("current", current ? "yes" : "no"),
        ].map { "\($0.0): \($0.1)\n" }.joined()
    }
}

/// `context list -o json`.
struct ContextListView: Encodable {
    @NullEncoded var current: String?
    var contexts: [ContextView]

    init(_ file: ContextFile) {
        current = file.current
        contexts = file.contexts.sorted { $0.name < $1.name }.map { ContextView($0, current: $0.name == file.current) }
    }

    var table: String {
        guard !contexts.isEmpty else { return "no contexts; add one with `mqadmin context add NAME -n ADDR`\n" }
        var t = TextTable("CURRENT", "NAME", "NAME SERVERS", "READ-ONLY", "ACCESS KEY")
        for c in contexts {
            t.add(c.current ? "*" : "", c.name, c.nameServers.joined(separator: ";"), c.readOnly ? "yes" : "no",
                c.accessKey ?? "-")
        }
        return t.render(trimmingTrailingSpaces: true)
    }
}
