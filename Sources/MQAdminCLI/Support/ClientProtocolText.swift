import MQProtocol

/// How the noun-verb listings show a client's protocol (design pop-grpc.md §4.9): a RocketMQ 5 gRPC client's
/// version reads `V5_1_2 (gRPC)`, so the one column tells both at a glance; remoting rows stay as they were.
enum ClientProtocolText {
    /// True when the broker's `protocol` extension names gRPC (`GRPC_V2`).
    static func isGrpc(_ clientProtocol: String?) -> Bool {
        clientProtocol?.uppercased().hasPrefix("GRPC") == true
    }

    /// The VERSION cell: the version name, with ` (gRPC)` for a gRPC client.
    static func version(_ code: Int32, protocol clientProtocol: String?) -> String {
        let name = MQVersion.describe(code)
        return isGrpc(clientProtocol) ? "\(name) (gRPC)" : name
    }
}
