/// Everything the transport can report to its callers.
///
/// Descriptions are one line, name the address involved and, where it helps, what to check.
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

    public var description: String {
        switch self {
        case .connectFailed(let address, let reason):
            return "cannot connect to \(address): \(reason) — is the name server running? check -n/NAMESRV_ADDR"
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
