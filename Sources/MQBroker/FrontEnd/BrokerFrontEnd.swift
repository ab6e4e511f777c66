/// A listener beside the broker's remoting port that serves the same broker through another protocol (the
/// RocketMQ v5 gRPC endpoint of MQGrpc). `MQServer` drives it so that MQBroker itself never links that protocol.
public protocol BrokerFrontEnd: AnyObject, Sendable {
    /// What the log line and the lock file call it, e.g. "grpc".
    var name: String { get }
    /// Binds and starts accepting; returns the bound `host:port`. Called in MQServer's bind phase, before the
    /// data directory is locked, so a busy port fails the start with nothing touched. Until `attach`, calls are
    /// answered "broker is starting".
    func bind() async throws -> String
    /// The broker runs: serve it.
    func attach(_ core: BrokerCore)
    /// Stops accepting and ends the open calls; returns once the listener is closed. Called before the broker
    /// shuts down, so no call reaches a stopped broker.
    func stop() async
}
