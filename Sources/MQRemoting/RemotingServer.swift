import Logging
import MQProtocol
import NIOCore
import NIOPosix
import Synchronization

/// The TCP side of the name server and the broker: accepts connections and hands every request,
/// synchronously on the connection's event loop, to one `RequestProcessor`.
///
/// Pipeline per connection: idle timer, `RemotingFrameDecoder`, `RemotingFrameEncoder`, `ServerConnectionHandler`.
/// A connection that sends a bad frame is closed; the others are not affected.
public final class RemotingServer: Sendable {
    private enum Phase {
        case idle
        case starting
        case running(any Channel)
        case stopping
    }

    private let host: String
    private let port: Int
    private let group: any EventLoopGroup
    private let processor: any RequestProcessor
    private let logger: Logger
    private let limits: ConnectionLimits
    private let registry: ConnectionRegistry
    private let phase = Mutex(Phase.idle)

    /// - Parameters:
    ///   - host: the address to listen on (`127.0.0.1` keeps it local, `0.0.0.0` serves the network).
    ///   - port: the port; `0` lets the system choose (read it from `localAddress` after `start()`).
    ///   - group: the loops connections are spread over; the caller owns and shuts it down.
    public init(
        host: String, port: Int, group: any EventLoopGroup, processor: any RequestProcessor, logger: Logger,
        limits: ConnectionLimits = .init()
    ) {
        self.host = host
        self.port = port
        self.group = group
        self.processor = processor
        self.logger = logger
        self.limits = limits
        self.registry = ConnectionRegistry(maxConnections: limits.maxConnections)
    }

    /// The address actually bound (port 0 resolved), nil before `start()` and after `stop()`.
    public var localAddress: (host: String, port: Int)? {
        phase.withLock { phase in
            guard case .running(let channel) = phase, let address = channel.localAddress,
                let ip = address.ipAddress, let port = address.port
            else { return nil }
            return (ip, port)
        }
    }

    /// Binds and starts accepting. Throws `RemotingError.bindFailed` when the address cannot be used.
    /// A stopped server may be started again.
    public func start() async throws {
        let address = RemotingAddress(host: host, port: port).description
        try phase.withLock { phase throws(RemotingError) in
            switch phase {
            case .idle: break
            case .stopping: throw .bindFailed(address: address, reason: "the server is still stopping")
            case .starting, .running: throw .bindFailed(address: address, reason: "the server is already started")
            }
            phase = .starting
        }
        registry.reopen()
        do {
            let channel = try await makeBootstrap().bind(host: host, port: port).get()
            phase.withLock { $0 = .running(channel) }
            // Debug: the process says it is listening once all its servers are (MQServer).
            logger.debug("listening", metadata: ["address": "\(channel.localAddress?.remotingText ?? address)"])
        } catch {
            phase.withLock { $0 = .idle }
            throw RemotingError.bindFailed(address: address, reason: SystemErrorText.describe(error))
        }
    }

    /// Stops accepting, then closes every connection once its deferred responses are written, waiting at most
    /// `gracePeriod` before closing the rest. Requests arriving meanwhile are answered SYSTEM_BUSY.
    public func stop(gracePeriod: Duration = .seconds(5)) async {
        let listener: (any Channel)? = phase.withLock { phase in
            guard case .running(let channel) = phase else { return nil }
            phase = .stopping
            return channel
        }
        guard let listener else { return }
        let address = listener.localAddress?.remotingText ?? RemotingAddress(host: host, port: port).description
        try? await listener.close().get()
        let connections = registry.beginStopping()
        for connection in connections {
            connection.eventLoop.execute {
                connection.channel.pipeline.syncOperations.fireUserInboundEventTriggered(DrainEvent())
            }
        }
        let deadline = group.next().scheduleTask(in: gracePeriod.timeAmount) {
            for connection in connections { connection.close() }
        }
        for connection in connections {
            try? await connection.channel.closeFuture.get()
        }
        deadline.cancel()
        phase.withLock { $0 = .idle }
        logger.debug("stopped", metadata: ["address": "\(address)"])
    }

    private func makeBootstrap() -> ServerBootstrap {
        let (processor, limits, registry, logger) = (self.processor, self.limits, self.registry, self.logger)
        return ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 1024)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.writeBufferWaterMark, value: .init(low: 1 << 20, high: 4 << 20))
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let remote = channel.remoteAddress?.remotingText ?? "unknown"
                    let connection = RemotingConnection(channel: channel, remoteAddress: remote, logger: logger)
                    let pipeline = channel.pipeline.syncOperations
                    if let idle = limits.idleTimeout, idle > .zero {
                        try pipeline.addHandler(IdleStateHandler(allTimeout: idle.timeAmount))
                    }
                    let decoder = RemotingFrameDecoder(maxFrameLength: limits.maxFrameLength)
                    try pipeline.addHandler(ByteToMessageHandler(decoder))
                    try pipeline.addHandler(MessageToByteHandler(RemotingFrameEncoder()))
                    try pipeline.addHandler(
                        ServerConnectionHandler(
                            connection: connection, processor: processor, registry: registry, limits: limits,
                            logger: logger))
                }
            }
    }
}
