import MQProtocol

/// docs/request-codes.md, rendered from the registries (a test compares it with the committed file).
public enum RequestCodeDocs {
    public static func markdown() -> String {
        var out = """
            # Request codes served by the bundled broker and name server

            Generated from the request-code registries (`Sources/MQBroker/Registry/BrokerRequests.swift` and
            `NameServerRequests.swift`); do not edit by hand. Regenerate with
            `MQADMIN_WRITE_DOCS=1 swift test --skip-build --filter RequestRegistryTests` (the same test fails
            when this file and the registries disagree).

            **Access** is what a user who is not a super user needs when authentication is on
            (`broker start --auth`); super users may send every code. It is deny by default: every row must
            name its rule, and a rule that reads a resource from the request refuses a request that does
            not name it. A code with no row is answered REQUEST_CODE_NOT_SUPPORTED (3) once the caller is
            authenticated (nothing runs for it); so is a row marked not served. `{field}` is the request
            header field the resource is read from. **Runs on** says where the handler runs
            (docs/architecture.md, "Which code runs where").


            """
        out += section("Broker", BrokerRequests.table.rows)
        out += "\n"
        out += section("Name server", NameServerRequests.table.rows)
        return out
    }

    static func section(_ title: String, _ rows: [RequestRow]) -> String {
        var out = "## \(title)\n\n"
        out += "| Code | Name | Kind | Access | Runs on | Served |\n"
        out += "|---:|---|---|---|---|---|\n"
        for row in rows.sorted(by: { $0.code.rawValue < $1.code.rawValue }) {
            let served = row.notServedReason.map { "no: \($0)" } ?? "yes"
            let cells = [
                String(row.code.rawValue), row.code.name ?? "?", row.kind.rawValue, row.access.summary,
                row.thread.rawValue, served,
            ]
            out += "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        return out
    }
}
