import MQClient

/// The result of `topic delete` and classic `deleteTopic` (docs/json/topics.md).
struct TopicDeleteView: Encodable, Sendable {
    struct Broker: Encodable, Sendable {
        var cluster: String
        var broker: String
        var address: String
        var result: TopicWriteResult.Outcome
        @NullEncoded var error: String?
        /// Sent and not answered: the broker may have deleted it; not in the JSON.
        var unconfirmed = false

        enum CodingKeys: String, CodingKey { case cluster, broker, address, result, error }
    }

    struct NameServer: Encodable, Sendable {
        var address: String
        /// deleted, failed, or skipped (a broker deletion failed, so the route must stay).
        var result: String
        @NullEncoded var error: String?
    }

    var topic: String
    @NullEncoded var cluster: String?
    var brokers: [Broker]
    var nameServers: [NameServer]
    var succeeded: Bool

    init(topic: String, cluster: String?, report: TopicDeleteReport, nameServerAddresses: [String]) {
        self.topic = topic
        self.cluster = cluster
        brokers = report.brokers.map {
            Broker(
                cluster: $0.endpoint.cluster, broker: $0.endpoint.brokerName, address: $0.endpoint.address,
                result: $0.outcome, error: $0.error?.description, unconfirmed: $0.error?.outcomeUnknown ?? false)
        }
        if report.nameServers.isEmpty {
            nameServers = nameServerAddresses.map { NameServer(address: $0, result: "skipped", error: nil) }
        } else {
            nameServers = report.nameServers.map {
                NameServer(
                    address: $0.endpoint.address, result: $0.error == nil ? "deleted" : "failed",
                    error: $0.error?.description)
            }
        }
        succeeded = report.succeeded
    }

    func table() -> String {
        var t = TextTable("TARGET", "ADDRESS", "RESULT", "ERROR")
        for b in brokers { t.add("broker \(b.broker)", b.address, b.result.rawValue, b.error ?? "") }
        for n in nameServers { t.add("name server", n.address, n.result, n.error ?? "") }
        return t.render()
    }

    /// Throws (exit 1) naming what was deleted where and what was not, after output.
    func failIfPartial() throws {
        guard !succeeded else { return }
        let deleted = brokers.filter { $0.result == .deleted }.map(\.broker)
        let failed =
            brokers.filter { $0.result == .failed }.map { "\($0.broker) (\($0.address)): \($0.error ?? "")" }
            + nameServers.filter { $0.result == "failed" }.map { "name server \($0.address): \($0.error ?? "")" }
        var message = "deleting topic \(topic) failed on \(failed.joined(separator: "; "))"
        let unconfirmed = brokers.filter(\.unconfirmed).map(\.broker)
        message += PartialWrite.tail(
            done: deleted.isEmpty ? nil : "deleted from brokers \(deleted.joined(separator: ", "))",
            unconfirmed: unconfirmed, write: "deletion", nothing: "nothing was deleted")
        if nameServers.contains(where: { $0.result == "skipped" }) { message += "; the name servers still route it" }
        throw CLIError(message + "; re-run the command once the broker is back", exit: .failed)
    }
}
