import ArgumentParser
import MQClient

/// The servers a `broker config` / `namesrv config` command reads or changes, and its `KEY=VALUE` words.
enum ConfigTargets {
    /// `KEY=VALUE` words as a dictionary; the split is at the first `=`, so a value may contain one.
    static func changes(_ words: [String]) throws -> [String: String] {
        var out: [String: String] = [:]
        for word in words {
            guard let eq = word.firstIndex(of: "="), eq != word.startIndex else {
                throw ValidationError("expected KEY=VALUE, got \"\(word)\" (e.g. brokerPermission=6)")
            }
            out[String(word[..<eq])] = String(word[word.index(after: eq)...])
        }
        return out
    }

    /// The brokers to talk to: `broker` (a broker name: its master and slaves; or a host:port, registered or not,
    /// as Apache's -b) or every broker of `cluster` (of every cluster without one).
    static func brokers(
        _ client: MQClientInstance, broker: String?, cluster: String?
    ) async throws -> [ConfigServer] {
        let info = try await client.clusterInfo()
        guard let broker else { return try info.endpoints(cluster: cluster).map(ConfigServer.init) }
        let named = info.endpoints.filter { $0.brokerName == broker }
        if !named.isEmpty { return named.map(ConfigServer.init) }
        if let e = info.endpoint(address: broker) { return [ConfigServer(e)] }
        guard broker.contains(":") else {
            let known = Set(info.endpoints.map(\.brokerName)).sorted().joined(separator: ", ")
            throw CLIError("no broker named \(broker); the name servers know: \(known)", exit: .notFound)
        }
        return [ConfigServer(name: broker, address: broker)]
    }

    /// Whether `word` names a broker the name servers know (name or address), so `broker config get WORD` reads it
    /// as the broker rather than as a key.
    static func isBroker(_ word: String, _ client: MQClientInstance) async throws -> Bool {
        // No configuration key has a colon: host:port is a broker, registered or not.
        if word.contains(":") { return true }
        let info = try await client.clusterInfo()
        return info.endpoints.contains { $0.brokerName == word || $0.address == word }
    }

    /// Every name server of the target.
    static func nameServers(_ client: MQClientInstance) -> [ConfigServer] {
        client.nameServers.map { ConfigServer(name: $0, address: $0) }
    }
}

/// One broker or name server a configuration command talks to.
struct ConfigServer: Sendable, Hashable {
    /// The broker name (with `#id` for a slave) or the name server's address.
    var name: String
    var address: String

    init(name: String, address: String) {
        self.name = name
        self.address = address
    }

    init(_ endpoint: BrokerEndpoint) {
        name = endpoint.brokerId == 0 ? endpoint.brokerName : "\(endpoint.brokerName)#\(endpoint.brokerId)"
        address = endpoint.address
    }

    var endpoint: BrokerEndpoint { BrokerEndpoint(cluster: "", brokerName: name, brokerId: 0, address: address) }
}
