import MQClient

/// The result of `namesrv kv get|set|delete|list` (docs/schemas/namesrv.kv.*.json): per name server, what it
/// holds (and held before a change), or why it failed.
struct NamesrvKVView: Encodable, Sendable {
    struct NameServer: Encodable, Sendable {
        var address: String
        /// The value it holds now: after set, the new value; after delete, null; null where the key is absent.
        @NullEncoded var value: String?
        /// set and delete: what it held before (null: absent), for undoing by hand.
        @NullEncoded var previous: String?
        /// list only: the namespace's entries there (empty where the namespace is absent).
        @NullEncoded var entries: [String: String]?
        @NullEncoded var error: String?
    }

    var action: String
    var namespace: String
    @NullEncoded var key: String?
    var nameServers: [NameServer]
    var succeeded: Bool

    private let failures: [ClientError]
    private enum CodingKeys: String, CodingKey { case action, namespace, key, nameServers, succeeded }

    private init(action: String, namespace: String, key: String?, rows: [NameServer], failures: [ClientError]) {
        self.action = action
        self.namespace = namespace
        self.key = key
        nameServers = rows
        self.failures = failures
        succeeded = failures.isEmpty
    }

    /// get: each name server's value.
    init(action: String, namespace: String, key: String, values: [BrokerResult<String?>]) {
        let rows = values.map {
            NameServer(address: $0.endpoint.address, value: $0.value ?? nil, error: $0.error?.description)
        }
        self.init(action: action, namespace: namespace, key: key, rows: rows, failures: values.compactMap(\.error))
    }

    /// set (`value` the new one) and delete (`value` nil): what each held before and whether the change took.
    init(
        action: String, namespace: String, key: String, value: String?, before: [BrokerResult<String?>],
        results: [BrokerResult<Void>]
    ) {
        let rows = zip(before, results).map { b, r in
            NameServer(
                address: r.endpoint.address, value: r.error == nil ? value : nil, previous: b.value ?? nil,
                error: r.error?.description)
        }
        self.init(action: action, namespace: namespace, key: key, rows: rows, failures: results.compactMap(\.error))
    }

    /// list: each name server's entries.
    init(namespace: String, lists: [BrokerResult<[String: String]>]) {
        let rows = lists.map {
            NameServer(address: $0.endpoint.address, entries: $0.value, error: $0.error?.description)
        }
        self.init(action: "list", namespace: namespace, key: nil, rows: rows, failures: lists.compactMap(\.error))
    }

    func table() -> String {
        if action == "list" {
            var t = TextTable("NAME SERVER", "KEY", "VALUE", "ERROR")
            for n in nameServers {
                if let error = n.error { t.add(n.address, "-", "-", error) }
                for (k, v) in (n.entries ?? [:]).sorted(by: { $0.key < $1.key }) { t.add(n.address, k, v, "") }
                if n.error == nil, n.entries?.isEmpty ?? true { t.add(n.address, "-", "(namespace is empty)", "") }
            }
            return t.render()
        }
        let changes = action != "get"
        var t =
            changes ? TextTable("NAME SERVER", "BEFORE", "NOW", "ERROR") : TextTable("NAME SERVER", "VALUE", "ERROR")
        for n in nameServers {
            let now = n.error != nil ? "-" : (n.value ?? "(absent)")
            if changes {
                t.add(n.address, n.previous ?? "(absent)", now, n.error ?? "")
            } else {
                t.add(n.address, now, n.error ?? "")
            }
        }
        return t.render()
    }

    /// Throws when no name server that answered has the key (and none failed): exit 3, with how to look.
    func failIfMissing() throws {
        guard succeeded, nameServers.allSatisfy({ $0.value == nil }), let key else { return }
        throw CLIError(
            "no key \(key) in namespace \(namespace) on any of \(nameServers.count) name servers; see its keys with"
                + " `mqadmin namesrv kv list \(namespace)`",
            exit: .notFound)
    }

    /// Throws after output when a name server failed, naming them; exit 4 when none of them could be reached.
    func failIfPartial() throws {
        guard !succeeded else { return }
        let failed = nameServers.filter { $0.error != nil }.map { "\($0.address): \($0.error!)" }
        let what = key.map { "\(action) of \(namespace) \($0)" } ?? "\(action) of \(namespace)"
        throw CLIError(
            "kv \(what) failed on \(failed.count) of \(nameServers.count) name servers"
                + " (\(failed.joined(separator: "; "))); run it again when they answer",
            exit: failures.allSatisfy(\.isConnectivity) ? .unreachable : .failed)
    }
}
