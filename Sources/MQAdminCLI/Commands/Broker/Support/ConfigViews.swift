import MQClient

/// One server's configuration as read (GET_BROKER_CONFIG / GET_NAMESRV_CONFIG), or why it could not be.
struct ConfigReading: Encodable, Sendable {
    var name: String
    var address: String
    @NullEncoded var config: [String: String]?
    @NullEncoded var error: String?

    private let failure: ClientError?
    private enum CodingKeys: String, CodingKey { case name, address, config, error }

    init(_ server: ConfigServer, _ result: Result<[String: String], ClientError>) {
        name = server.name
        address = server.address
        config = try? result.get()
        if case .failure(let e) = result { failure = e } else { failure = nil }
        error = failure?.description
    }

    /// Reads every server at once; `read` is GET_BROKER_CONFIG or GET_NAMESRV_CONFIG.
    static func load(
        _ servers: [ConfigServer], client: MQClientInstance,
        read: @escaping @Sendable (MQClientInstance, String) async throws -> [String: String]
    ) async -> [ConfigReading] {
        let results = await client.fanOut(servers.map(\.endpoint)) { e in try await read(client, e.address) }
        return zip(servers, results).map { ConfigReading($0, $1.result) }
    }

    /// Throws the first server's failure after the report was printed: the whole command failed when every server
    /// did (its exit code), one line naming the failed ones otherwise.
    static func failIfAny(_ readings: [ConfigReading]) throws {
        let failed = readings.filter { $0.failure != nil }
        guard let first = failed.first?.failure else { return }
        if failed.count == readings.count { throw first }
        let names = failed.map { "\($0.name) (\($0.error ?? ""))" }.joined(separator: "; ")
        throw CLIError("could not read \(failed.count) of \(readings.count) servers: \(names)")
    }
}

/// `broker config get` / `namesrv config get` (docs/schemas/broker.config.get.json, namesrv.config.get.json): every
/// server's settings, one table column each.
struct ConfigGetView: Encodable, Sendable {
    var servers: [ConfigReading]

    /// Only `keys` when some are given (a key a server does not have shows as `-`).
    init(_ readings: [ConfigReading], keys: [String]) {
        servers = readings.map { reading in
            var r = reading
            if !keys.isEmpty { r.config = reading.config?.filter { keys.contains($0.key) } }
            return r
        }
        wanted = keys
    }

    private let wanted: [String]
    private enum CodingKeys: String, CodingKey { case servers }

    func table() -> String {
        let keys = wanted.isEmpty ? Set(servers.flatMap { ($0.config ?? [:]).keys }).sorted() : wanted
        var t = TextTable((["KEY"] + servers.map(\.name)).map { TextTable.Column($0) })
        for key in keys { t.add([key] + servers.map { $0.config?[key] ?? "-" }) }
        var out = t.render(trimmingTrailingSpaces: true)
        for s in servers where s.error != nil { out += "\(s.name) (\(s.address)): \(s.error ?? "")\n" }
        return out
    }
}

/// `broker config diff` (docs/schemas/broker.config.diff.json): the keys whose values differ between brokers.
struct ConfigDiffView: Encodable, Sendable {
    struct Difference: Encodable, Sendable {
        var key: String
        /// By server name; null where the server does not have the key.
        var values: [String: String?]

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(key, forKey: .key)
            try c.encode(values.mapValues { NullEncoded(wrappedValue: $0) }, forKey: .values)
        }
        private enum Key: String, CodingKey { case key, values }
    }

    /// Keys that name the server itself, always different between brokers: not configuration drift.
    static let identityKeys: Set<String> = [
        "brokerName", "brokerId", "brokerIP1", "brokerIP2", "listenPort", "haListenPort", "storePathRootDir",
        "storePathCommitLog", "storePathConsumeQueue", "storePathIndex",
    ]

    var servers: [ConfigReading]
    var differences: [Difference]
    var same: Bool

    private enum CodingKeys: String, CodingKey { case servers, differences, same }

    init(_ readings: [ConfigReading]) {
        servers = readings
        let read = readings.filter { $0.config != nil }
        let keys = Set(read.flatMap { ($0.config ?? [:]).keys }).subtracting(Self.identityKeys).sorted()
        differences = keys.compactMap { key in
            let values = read.map { $0.config?[key] }
            guard Set(values).count > 1 else { return nil }
            return Difference(key: key, values: Dictionary(uniqueKeysWithValues: zip(read.map(\.name), values)))
        }
        same = differences.isEmpty
    }

    func table() -> String {
        let read = servers.filter { $0.config != nil }
        var out: String
        if differences.isEmpty {
            out = "All \(read.count) brokers have the same configuration"
                + " (identity keys such as brokerName and listenPort aside).\n"
        } else {
            var t = TextTable((["KEY"] + read.map(\.name)).map { TextTable.Column($0) })
            for d in differences { t.add([d.key] + read.map { (d.values[$0.name] ?? nil) ?? "-" }) }
            out = t.render(trimmingTrailingSpaces: true)
        }
        for s in servers where s.error != nil { out += "\(s.name) (\(s.address)): \(s.error ?? "")\n" }
        return out
    }
}
