import ArgumentParser
import MQClient

/// Apache's required `-c --clusterName` | `-b --brokerAddr` group of the auth commands.
struct ClassicAuthTarget: ParsableArguments {
    @Option(name: [.customShort("c"), .customLong("clusterName")], help: "the cluster (every broker of it)")
    var clusterName: String?

    @Option(name: [.customShort("b"), .customLong("brokerAddr")], help: "one broker")
    var brokerAddr: String?

    func validate() throws {
        try ClassicBrokerOrCluster.validate(broker: brokerAddr, cluster: clusterName, checkAddress: false)
    }

    var options: ACLTargetOptions {
        var o = ACLTargetOptions()
        o.cluster = clusterName?.trimmingCharacters(in: .whitespaces)
        o.broker = brokerAddr?.trimmingCharacters(in: .whitespaces)
        return o
    }
}

enum ClassicAuth {
    /// Apache's `-p PASSWORD`: refused unless the operator accepts that ps shows it.
    static func checkPasswordArg(_ password: String?, connection: ConnectionOptions) throws {
        guard password != nil, !connection.insecurePasswordArg else { return }
        throw ValidationError(
            "-p would show the password to every user in ps; use --password-stdin or --password-file FILE "
                + "(or add --insecure-password-arg to accept the risk)")
    }

    /// One `<verb> <kind> to ADDR success.` line per broker that succeeded (Apache's output).
    static func successLines(_ view: AuthWriteView) -> String {
        view.brokers.filter { $0.result == "ok" }.map { "\(view.action) \(view.kind) to \($0.address) success.\n" }.joined()
    }
}
