import MQClient
import MQProtocol

/// The result of a user or ACL write on every target broker (docs/json/acl.md).
struct AuthWriteView: Encodable, Sendable {
    struct Broker: Encodable, Sendable {
        var cluster: String
        var broker: String
        var address: String
        /// `ok` or `failed`.
        var result: String
        @NullEncoded var error: String?
        var connectivity = false
        var missing = false
        /// Sent and not answered: the broker may have carried the write out.
        var unconfirmed = false

        enum CodingKeys: String, CodingKey { case cluster, broker, address, result, error }
    }

    /// create, update or delete.
    var action: String
    /// `user` or `acl`.
    var kind: String
    /// The username or the subject.
    var name: String
    var brokers: [Broker]
    var succeeded: Bool

    init(action: String, kind: String, name: String, results: [BrokerResult<Void>]) {
        self.action = action
        self.kind = kind
        self.name = name
        brokers = results.map {
            Broker(
                cluster: $0.endpoint.cluster, broker: $0.endpoint.brokerName, address: $0.endpoint.address,
                result: $0.error == nil ? "ok" : "failed", error: $0.error.map(Self.text),
                connectivity: $0.error?.isConnectivity ?? false, missing: $0.error?.isAuthObjectMissing ?? false,
                unconfirmed: $0.error?.outcomeUnknown ?? false)
        }
        succeeded = !brokers.isEmpty && brokers.allSatisfy { $0.result == "ok" }
    }

    static func text(_ e: ClientError) -> String {
        if case .brokerError(_, let remark, _) = e { return remark }
        return e.description
    }

    func table() -> String {
        var t = TextTable("BROKER", "ADDRESS", "RESULT", "ERROR")
        for b in brokers { t.add([b.broker.isEmpty ? "-" : b.broker, b.address, b.result, b.error ?? ""]) }
        return t.render()
    }

    /// Exit 3 when the object is missing everywhere, 1 naming what changed where on a partial failure.
    func failIfNeeded(missing: String) throws {
        let failed = brokers.filter { $0.result == "failed" }
        guard !failed.isEmpty else { return }
        if failed.count == brokers.count, failed.allSatisfy(\.missing) { throw CLIError(missing, exit: .notFound) }
        let ok = brokers.filter { $0.result == "ok" }.map { "\($0.broker) (\($0.address))" }
        var message = "\(action) of \(kind) \(name) failed on \(failed.count) of \(brokers.count) brokers: "
            + failed.map { "\($0.broker.isEmpty ? $0.address : $0.broker): \($0.error ?? "failed")" }.joined(separator: "; ")
        let unconfirmed = failed.filter(\.unconfirmed).map { $0.broker.isEmpty ? $0.address : $0.broker }
        message += PartialWrite.tail(
            done: ok.isEmpty ? nil : "changed: \(ok.joined(separator: ", "))", unconfirmed: unconfirmed)
        if failed.contains(where: \.connectivity) { message += "; re-run it once the broker is back" }
        let allDenied = failed.allSatisfy { $0.error?.contains("permission") == true || $0.error?.contains("super user") == true }
        throw CLIError(message, exit: failed.count == brokers.count && allDenied ? .permissionDenied : .failed)
    }
}

extension MQClientInstance {
    /// Runs an ACL write on every target, each failure kept with its broker.
    func authWrite(_ targets: [BrokerEndpoint], _ op: @escaping @Sendable (BrokerEndpoint) async throws -> Void) async
        -> [BrokerResult<Void>]
    {
        await fanOut(targets, op)
    }
}
