import MQClient
import MQProtocol

/// The plan or result of `broker clean` and the classic clean-up commands (docs/schemas/broker.clean.json).
struct BrokerCleanView: Encodable, Sendable {
    struct Broker: Encodable, Sendable {
        var address: String
        var brokerName: String
        var cluster: String
        /// After --execute: what the broker removed; null in a plan, on failure, or from a broker that does not
        /// say (Apache's answer has no body).
        @NullEncoded var removed: CleanupReport?
        @NullEncoded var error: String?
    }

    var what: String
    var executed: Bool
    /// What each broker removes (it decides which files; no request lists them beforehand).
    var brokerDecides: String
    var brokers: [Broker]
    var succeeded: Bool

    private let failures: [ClientError]
    private enum CodingKeys: String, CodingKey { case what, executed, brokerDecides, brokers, succeeded }

    init(plan: BrokerCleanup, targets: [BrokerEndpoint]) {
        what = plan.rawValue
        executed = false
        brokerDecides = plan.whatTheBrokerRemoves
        brokers = targets.map { Broker(address: $0.address, brokerName: $0.brokerName, cluster: $0.cluster) }
        succeeded = true
        failures = []
    }

    init(ran: BrokerCleanup, results: [BrokerResult<CleanupReport?>]) {
        what = ran.rawValue
        executed = true
        brokerDecides = ran.whatTheBrokerRemoves
        brokers = results.map {
            Broker(
                address: $0.endpoint.address, brokerName: $0.endpoint.brokerName, cluster: $0.endpoint.cluster,
                removed: $0.value ?? nil, error: $0.error?.description)
        }
        failures = results.compactMap(\.error)
        succeeded = failures.isEmpty
    }

    func table() -> String {
        guard executed else {
            var t = TextTable("BROKER", "ADDRESS", "CLUSTER")
            for b in brokers { t.add(b.brokerName, b.address, b.cluster) }
            return "Plan: ask \(brokers.count) broker(s) to delete \(brokerDecides); each broker decides which"
                + " files.\n" + t.render() + "Run it: add --execute.\n"
        }
        var t = TextTable("BROKER", "ADDRESS", "RESULT", "TOPICS", "FILES", "BYTES")
        for b in brokers {
            let unsaid = b.removed == nil ? "done (broker did not say what)" : "done"
            let result = b.error.map { "failed: \($0)" } ?? unsaid
            let topics = b.removed.map { $0.topics.isEmpty ? "-" : $0.topics.joined(separator: ",") } ?? "-"
            t.add(
                b.brokerName, b.address, result, topics, b.removed.map { String($0.files) } ?? "-",
                b.removed.map { String($0.bytes) } ?? "-")
        }
        return t.render()
    }

    /// Apache's one word for the classic commands: `success` when every broker succeeded, else `false`.
    var classicWord: String { succeeded ? "success" : "false" }

    /// Throws after output when a broker failed, naming them; exit 4 when none of them could be reached.
    func failIfPartial() throws {
        guard !succeeded else { return }
        let failed = brokers.filter { $0.error != nil }.map { "\($0.address): \($0.error!)" }
        throw CLIError(
            "cleaning \(what) failed on \(failed.count) of \(brokers.count) brokers"
                + " (\(failed.joined(separator: "; "))); run it again when they answer",
            exit: failures.allSatisfy(\.isConnectivity) ? .unreachable : .failed)
    }

    /// The brokers asked: one address (registered or not, as Apache's `-b`), every address of a broker name,
    /// every broker of a cluster, or every broker the name servers know.
    static func targets(client: MQClientInstance, broker: String?, cluster: String?) async throws
        -> [BrokerEndpoint]
    {
        let info = try await client.clusterInfo()
        guard let broker else { return try info.endpoints(cluster: cluster) }
        if broker.contains(":") {
            let unregistered = BrokerEndpoint(cluster: "", brokerName: "", brokerId: 0, address: broker)
            return [info.endpoint(address: broker) ?? unregistered]
        }
        let named = info.endpoints.filter { $0.brokerName == broker }
        guard !named.isEmpty else {
            let known = info.brokerAddrTable.keys.sorted().joined(separator: ", ")
            throw CLIError("no broker named \(broker); the name servers know: \(known)", exit: .notFound)
        }
        return named
    }
}
