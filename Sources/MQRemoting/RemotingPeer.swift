import MQProtocol
import NIOCore

/// A connection as the server side sees it; also used for server→client requests.
///
/// TCP connections and in-process sessions both conform, so processors never know the transport.
public protocol RemotingPeer: AnyObject, Sendable {
    /// Unique per connection within the process (TCP and in-process peers share one counter).
    var id: UInt64 { get }
    /// The other side, `ip:port` (`[ip]:port` for IPv6).
    var remoteAddress: String { get }
    /// `remoteAddress` parsed (nil for in-process peers): a stored record's born host. TCP connections parse it
    /// once, not per message (the parse was 7 % of the broker's CPU on single sends).
    var remoteHost: HostAddress? { get }
    /// This side, `ip:port`.
    var localAddress: String { get }
    /// The loop the connection lives on; processors are called on it.
    var eventLoop: any EventLoop { get }
    /// False once the connection has closed.
    var isActive: Bool { get }
    /// Sends a request that gets no response: sets the oneway flag and assigns a fresh opaque.
    func sendOneway(_ command: RemotingCommand)
    /// Sends a request and completes with the response that carries its opaque, or fails with
    /// `RemotingError.timeout` / `.connectionClosed`. The opaque is assigned here.
    func sendRequest(_ command: RemotingCommand, timeout: TimeAmount) -> EventLoopFuture<RemotingCommand>
    /// Closes the connection; pending requests fail with `RemotingError.connectionClosed`.
    func close()
}

extension RemotingPeer {
    public var remoteHost: HostAddress? { HostAddress(remoteAddress) }
}

/// What a processor makes of one request.
public enum ProcessResult: Sendable {
    /// Written back now (unless the request was oneway). The transport sets opaque, flag and serialize type.
    case response(RemotingCommand)
    /// Written when the future completes (long polling, group commit); `nil` writes nothing,
    /// a failed future is answered with SYSTEM_ERROR and the error's text.
    case deferred(EventLoopFuture<RemotingCommand?>)
    /// Nothing is written.
    case noResponse
}

/// The broker's request handling; knows nothing about the transport.
///
/// `process` is called synchronously on the peer's event loop for every request in arrival order,
/// so it must not block: hand slow work to another executor and return `.deferred`.
public protocol RequestProcessor: Sendable {
    /// Handles one request. Unknown codes are the processor's to answer (REQUEST_CODE_NOT_SUPPORTED).
    func process(_ request: RemotingCommand, from peer: any RemotingPeer) -> ProcessResult
    /// A connection was accepted (called on its loop before its first request).
    func peerDidConnect(_ peer: any RemotingPeer)
    /// A connection closed (called on its loop after its last request).
    func peerDidDisconnect(_ peer: any RemotingPeer)
}

extension RequestProcessor {
    public func peerDidConnect(_ peer: any RemotingPeer) {}
    public func peerDidDisconnect(_ peer: any RemotingPeer) {}
}

/// Client side: request/response by opaque with timeouts, one connection per address, reconnect on demand.
public protocol RemotingInvoker: Sendable {
    /// Sends `request` to `address` (`host:port`) and returns its response. The opaque is assigned here.
    func invoke(_ address: String, _ request: RemotingCommand, timeout: Duration) async throws -> RemotingCommand
    /// Sends `request` with the oneway flag; returns once it is written.
    func invokeOneway(_ address: String, _ request: RemotingCommand) async throws
    /// Answers a request the server at `address` sent, whose `ServerRequestHandler` returned nil to answer later
    /// (work that may not run on the event loop); dropped when that connection is gone.
    func reply(_ response: RemotingCommand, to request: RemotingCommand, at address: String)
}

/// Adds credentials to outgoing requests (ACL signatures); applied before the opaque is assigned.
public protocol RequestSigner: Sendable {
    /// Adds the credential fields (e.g. `AccessKey`, `Signature`) to `request.extFields`.
    func sign(_ request: inout RemotingCommand)
}
