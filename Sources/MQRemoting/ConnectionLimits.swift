import MQProtocol

/// Bounds a server puts on its connections, so one hostile or broken client cannot exhaust it.
public struct ConnectionLimits: Sendable, Equatable {
    /// The largest inbound frame (bytes after the length prefix); larger ones close the connection.
    public var maxFrameLength: Int
    /// Connections beyond this many are closed as soon as they are accepted.
    public var maxConnections: Int
    /// Connections with no traffic in either direction for this long are closed; `nil` never closes them.
    /// A connection waiting for a deferred response is not idle.
    public var idleTimeout: Duration?
    /// Deferred responses (long polls, group commits) one connection may have outstanding; further
    /// requests are answered SYSTEM_BUSY without reaching the processor.
    public var maxPendingResponsesPerConnection: Int

    public init(
        maxFrameLength: Int = FrameLimits.maxFrameLength, maxConnections: Int = 10_000,
        idleTimeout: Duration? = .seconds(120), maxPendingResponsesPerConnection: Int = 16_384
    ) {
        self.maxFrameLength = maxFrameLength
        self.maxConnections = maxConnections
        self.idleTimeout = idleTimeout
        self.maxPendingResponsesPerConnection = maxPendingResponsesPerConnection
    }
}
