/// Everything the transport can report to its callers.
///
/// Descriptions are one line and name the address involved. What to check is for whoever knows what
/// is at the address (a name server, a broker): the CLI's error rendering says it, once.
public enum RemotingError: Error, CustomStringConvertible, Equatable, Sendable {
    /// No connection to `address` could be established (refused, unreachable, name not resolved, timed out).
    case connectFailed(address: String, reason: String)
    /// No response arrived from `address` within `millis` milliseconds.
    case timeout(address: String, millis: Int64)
    /// The connection to `address` closed before the response arrived.
    case connectionClosed(address: String)
    /// The server could not listen on `address`.
    case bindFailed(address: String, reason: String)
    /// The text is not `host:port` (IPv6 as `[addr]:port`).
    case invalidAddress(String)
    /// A command does not fit in one frame: it would be `size` bytes, peers accept at most `limit`.
    case frameTooLarge(address: String, size: Int, limit: Int)
    /// The command could not be written to `address`.
    case sendFailed(address: String, reason: String)
    /// The client or invoker was closed and makes no more connections.
    case closed

    /// The request may have reached the peer and been carried out: it was sent and no answer came (a time-out, the
    /// connection closed while waiting). For the other failures nothing was sent, or nothing can have been done.
    public var requestMayHaveArrived: Bool {
        switch self {
        case .timeout, .connectionClosed: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .connectFailed(let address, let reason):
            return "cannot connect to \(address): \(reason)"
        case .timeout(let address, let millis):
            return "no response from \(address) within \(millis) ms (timed out)"
        case .connectionClosed(let address):
            return "connection to \(address) closed before the response arrived"
        case .bindFailed(let address, let reason):
            let hint = reason.contains("in use") ? " — another process is listening there; choose another port" : ""
            return "cannot listen on \(address): \(reason)\(hint)"
        case .invalidAddress(let text):
            return "invalid address \"\(text)\": expected host:port, e.g. 127.0.0.1:9876 or [::1]:9876"
        case .frameTooLarge(let address, let size, let limit):
            return "cannot send \(size) bytes to \(address): a frame holds at most \(limit) bytes"
        case .sendFailed(let address, let reason):
            return "cannot send to \(address): \(reason)"
        case .closed:
            return "the remoting client is closed"
        }
    }
}

extension RemotingError {
    /// What went wrong, without the address, for callers that name the peer themselves
    /// ("cannot reach name server 127.0.0.1:9876: connection refused").
    public var reason: String {
        switch self {
        case .connectFailed(_, let reason), .sendFailed(_, let reason), .bindFailed(_, let reason): return reason
        case .timeout(_, let millis): return "no response within \(millis) ms (timed out)"
        case .connectionClosed: return "the connection closed before the response arrived"
        case .invalidAddress, .frameTooLarge, .closed: return description
        }
    }
}
