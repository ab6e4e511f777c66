import MQClient

/// `broker config set` / `namesrv config set` (docs/schemas/broker.config.set.json, namesrv.config.set.json): per
/// server and key the current and the new value; after --execute, each server's result (a server applies its
/// changes all or nothing).
struct ConfigPlanView: Encodable, Sendable {
    struct Change: Encodable, Sendable {
        var server: String
        var address: String
        var key: String
        /// Null when the server does not report the key.
        @NullEncoded var current: String?
        var new: String
    }

    struct Result: Encodable, Sendable {
        var server: String
        var address: String
        var applied: Bool
        @NullEncoded var error: String?
    }

    var executed: Bool
    var changes: [Change]
    /// Null for a plan; one per server after --execute.
    @NullEncoded var results: [Result]?

    private var failures: [ClientError] = []
    private enum CodingKeys: String, CodingKey { case executed, changes, results }

    init(_ readings: [ConfigReading], changes wanted: [String: String]) {
        executed = false
        changes = readings.flatMap { r in
            wanted.sorted { $0.key < $1.key }.map {
                Change(server: r.name, address: r.address, key: $0.key, current: r.config?[$0.key], new: $0.value)
            }
        }
    }

    /// Records what applying did on each server.
    mutating func record(_ applied: [(ConfigServer, BrokerResult<Void>)]) {
        executed = true
        results = applied.map {
            Result(server: $0.name, address: $0.address, applied: $1.error == nil, error: $1.error?.description)
        }
        failures = applied.compactMap { $1.error }
    }

    func table() -> String {
        let titles = ["SERVER", "KEY", "CURRENT", "NEW"] + (executed ? ["RESULT"] : [])
        var t = TextTable(titles.map { TextTable.Column($0) })
        for c in changes {
            var row = [c.server, c.key, c.current ?? "-", c.new]
            if let r = results?.first(where: { $0.server == c.server && $0.address == c.address }) {
                row.append(r.applied ? "applied" : "refused")
            }
            t.add(row)
        }
        var out = t.render(trimmingTrailingSpaces: true)
        for r in results ?? [] where !r.applied { out += "\(r.server) (\(r.address)): \(r.error ?? "")\n" }
        return out
    }

    /// After printing: the first refusal (its exit code) when every server refused, one line naming them otherwise.
    func failIfRefused() throws {
        guard let first = failures.first else { return }
        if failures.count == (results?.count ?? 0) { throw first }
        let refused = (results ?? []).filter { !$0.applied }.map(\.server).joined(separator: ", ")
        throw CLIError("\(failures.count) of \(results?.count ?? 0) servers did not apply the change: \(refused)")
    }
}

extension ConfigPlanView {
    /// Applies `changes` on every server at once (`update` is UPDATE_BROKER_CONFIG or UPDATE_NAMESRV_CONFIG).
    static func apply(
        _ changes: [String: String], to servers: [ConfigServer], client: MQClientInstance,
        update: @escaping @Sendable (MQClientInstance, String, [String: String]) async throws -> Void
    ) async -> [(ConfigServer, BrokerResult<Void>)] {
        let results = await client.fanOut(servers.map(\.endpoint)) { e in try await update(client, e.address, changes) }
        return Array(zip(servers, results))
    }
}
