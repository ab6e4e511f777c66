import MQClient

/// The result of classic `wipeWritePerm` / `addWritePerm`: per name server, how many of the broker's topics
/// changed there, or why it failed (docs/schemas/wipeWritePerm.json, addWritePerm.json).
struct WritePermissionView: Encodable, Sendable {
    struct NameServer: Encodable, Sendable {
        var address: String
        @NullEncoded var topicCount: Int?
        @NullEncoded var error: String?
    }

    var brokerName: String
    var writable: Bool
    var nameServers: [NameServer]
    var succeeded: Bool

    init(brokerName: String, writable: Bool, results: [BrokerResult<WritePermissionChange>]) {
        self.brokerName = brokerName
        self.writable = writable
        nameServers = results.map {
            NameServer(address: $0.endpoint.address, topicCount: $0.value?.topicCount, error: $0.error?.description)
        }
        succeeded = results.allSatisfy { $0.error == nil }
        failures = results.compactMap(\.error)
    }

    /// The errors, for the exit code; not part of the JSON.
    private let failures: [ClientError]
    private enum CodingKeys: String, CodingKey { case brokerName, writable, nameServers, succeeded }

    /// Apache's lines, one per name server: `wipe write perm of broker[b] in name server[ns] OK, 3`.
    func classicLines() -> String {
        let verb = writable ? "add" : "wipe"
        return nameServers.map { ns in
            let head = "\(verb) write perm of broker[\(brokerName)] in name server[\(ns.address)]"
            return ns.topicCount.map { "\(head) OK, \($0)\n" } ?? "\(head) Failed\n"
        }.joined()
    }

    /// Throws after output, naming the name servers that were not changed and what to do.
    func failIfPartial() throws {
        guard !succeeded else { return }
        let failed = nameServers.filter { $0.error != nil }.map { "\($0.address): \($0.error!)" }
        let done = nameServers.count - failed.count
        throw CLIError(
            "\(writable ? "adding" : "wiping") write permission of broker \(brokerName) failed on \(failed.count) of "
                + "\(nameServers.count) name servers (\(failed.joined(separator: "; "))); \(done) changed; run it "
                + "again when they answer",
            exit: failures.allSatisfy(\.isConnectivity) ? .unreachable : .failed)
    }
}
