import ArgumentParser

/// Apache's `-b BROKER_ADDR | -c CLUSTER_NAME` pair, which most of its broker commands take: exactly one of them,
/// and `-b` a host:port (unless the command checks the address later, as the auth and group commands do).
enum ClassicBrokerOrCluster {
    static func validate(broker: String?, cluster: String?, checkAddress: Bool = true) throws {
        guard (broker == nil) != (cluster == nil) else {
            throw ValidationError("pass exactly one of -b BROKER_ADDR or -c CLUSTER_NAME")
        }
        if checkAddress, let broker { try Address.validate(broker, what: "-b", example: Address.brokerExample) }
    }
}

extension String {
    /// Apache trims every option value.
    var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
