import Logging
import MQProtocol
import NIOCore
import NIOPosix
import Synchronization

/// Client side of the remoting protocol over TCP: one connection per address, created on first use and
/// dropped when it closes, so the next call reconnects.
///
/// Concurrent first calls to an address share one connect. Requests on a connection that closes fail with
/// `RemotingError.connectionClosed`; requests without a response in time fail with `.timeout`, and their
/// late responses are dropped.
public final class RemotingClient: RemotingInvoker {
    private enum Slot {
        case connecting(EventLoopFuture<RemotingConnection>)
        /// Kept apart from `connecting` so the common path returns without touching a future
        /// (`get()` on a completed future still hops to its event loop and back).
        case connected(RemotingConnection)
    }

    private struct State {
        /// The connection per address string as callers wrote it.
        var connections: [String: Slot] = [:]
        var closed = false
        var signer: (any RequestSigner)?
    }

    private let group: any EventLoopGroup
    private let logger: Logger
    private let connectTimeout: Duration
    private let serverRequestHandler: ServerRequestHandler?
    private let state: Mutex<State>

    /// - Parameters:
    ///   - connectTimeout: how long one connect may take before calls fail with `connectFailed`.
    ///   - signer: applied to every request before sending (ACL); may also be set later.
    ///   - serverRequestHandler: answers requests the server sends (NOTIFY_CONSUMER_IDS_CHANGED, ...); without
    ///     one, such requests are answered REQUEST_CODE_NOT_SUPPORTED.
    public init(
        group: any EventLoopGroup, logger: Logger, connectTimeout: Duration = .seconds(3),
        signer: (any RequestSigner)? = nil, serverRequestHandler: ServerRequestHandler? = nil
    ) {
        self.group = group
        self.logger = logger
        self.connectTimeout = connectTimeout
        self.serverRequestHandler = serverRequestHandler
        self.state = Mutex(State(signer: signer))
    }

    /// Applied to every request before sending (ACL, later).
    public var signer: (any RequestSigner)? {
        get { state.withLock { $0.signer } }
        set { state.withLock { $0.signer = newValue } }
    }

    /// Sends `request` and returns the response that carries its opaque.
    ///
    /// `timeout` covers the whole call, waiting for a connect included (the connect itself carries on for
    /// other callers until `connectTimeout`). Cancelling the calling task fails the call with `CancellationError`.
    public func invoke(
        _ address: String, _ request: RemotingCommand, timeout: Duration
    ) async throws -> RemotingCommand {
        let start = ContinuousClock.now
        let connection = try await connection(to: address, waitingAtMost: timeout)
        let remaining = timeout - (ContinuousClock.now - start)
        guard remaining > .zero else { throw RemotingError.timeout(address: address, millis: timeout.milliseconds) }
        let (opaque, response) = connection.startRequest(
            request.signed(by: signer), timeout: remaining.timeAmount, reportedMillis: timeout.milliseconds)
        return try await withTaskCancellationHandler {
            try await response.get()
        } onCancel: {
            connection.cancel(opaque)
        }
    }

    /// Sends `request` with the oneway flag; returns once it is written to the socket.
    public func invokeOneway(_ address: String, _ request: RemotingCommand) async throws {
        let connection = try await connection(to: address)
        let written = connection.eventLoop.makePromise(of: Void.self)
        connection.writeOneway(request.signed(by: signer), promise: written)
        do {
            try await written.futureResult.get()
        } catch let error as RemotingError {
            throw error
        } catch let error as ChannelError where error == .ioOnClosedChannel || error == .alreadyClosed {
            throw RemotingError.connectionClosed(address: address)
        } catch {
            throw RemotingError.sendFailed(address: address, reason: SystemErrorText.describe(error))
        }
    }

    public func reply(_ response: RemotingCommand, to request: RemotingCommand, at address: String) {
        let slot = state.withLock { $0.connections[address] }
        guard case .connected(let connection) = slot, connection.isActive else { return }
        let shaped = response.shapedAsResponse(to: request)
        connection.eventLoop.execute { connection.writeResponse(shaped) }
    }

    /// Closes every connection and refuses further calls with `RemotingError.closed`.
    public func close() async {
        let slots = state.withLock { state in
            state.closed = true
            defer { state.connections = [:] }
            return Array(state.connections.values)
        }
        for slot in slots {
            let connection: RemotingConnection
            switch slot {
            case .connected(let live): connection = live
            case .connecting(let future):
                guard let live = try? await future.get() else { continue }
                connection = live
            }
            connection.close()
            try? await connection.channel.closeFuture.get()
        }
    }

    // MARK: - Connections

    private func connection(
        to address: String, waitingAtMost limit: Duration? = nil
    ) async throws -> RemotingConnection {
        let cached = try state.withLock { state throws(RemotingError) in
            guard !state.closed else { throw .closed }
            return state.connections[address]
        }
        switch cached {
        case .connected(let connection): return connection
        case .connecting(let future): return try await Self.wait(for: future, atMost: limit, address: address)
        case nil: break
        }
        // Parsed only on a miss: an address string in the table was valid when it was added.
        let target = try RemotingAddress(parsing: address)
        let (slot, promise) = try state.withLock { state throws(RemotingError) in
            guard !state.closed else { throw .closed }
            if let existing = state.connections[address] {
                return (existing, nil as EventLoopPromise<RemotingConnection>?)
            }
            let promise = group.next().makePromise(of: RemotingConnection.self)
            state.connections[address] = .connecting(promise.futureResult)
            return (.connecting(promise.futureResult), promise)
        }
        // Outside the lock: connect callbacks take it.
        if let promise { connect(to: target, as: address, promise: promise) }
        switch slot {
        case .connected(let connection): return connection
        case .connecting(let future): return try await Self.wait(for: future, atMost: limit, address: address)
        }
    }

    /// The connect's result, or `RemotingError.timeout` once `limit` has passed (the connect goes on).
    private static func wait(
        for future: EventLoopFuture<RemotingConnection>, atMost limit: Duration?, address: String
    ) async throws -> RemotingConnection {
        guard let limit else { return try await future.get() }
        let promise = future.eventLoop.makePromise(of: RemotingConnection.self)
        future.cascade(to: promise)
        let timer = future.eventLoop.scheduleTask(in: limit.timeAmount) {
            promise.fail(RemotingError.timeout(address: address, millis: limit.milliseconds))
        }
        future.whenComplete { _ in timer.cancel() }
        return try await promise.futureResult.get()
    }

    private func connect(
        to target: RemotingAddress, as address: String, promise: EventLoopPromise<RemotingConnection>
    ) {
        let future = promise.futureResult
        let (logger, handler) = (self.logger, self.serverRequestHandler)
        let onClose: @Sendable (RemotingConnection) -> Void = { [weak self] connection in
            self?.forget(address, connection)
        }
        let bootstrap = ClientBootstrap(group: future.eventLoop)
            .connectTimeout(connectTimeout.timeAmount)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let connection = RemotingConnection(
                        channel: channel, remoteAddress: address, logger: logger, onClose: onClose)
                    let pipeline = channel.pipeline.syncOperations
                    try pipeline.addHandler(ByteToMessageHandler(RemotingFrameDecoder()))
                    try pipeline.addHandler(MessageToByteHandler(RemotingFrameEncoder()))
                    try pipeline.addHandler(
                        ClientConnectionHandler(
                            connection: connection, requestHandler: handler, logger: logger))
                }
            }
        // IP literals skip the resolver; names go through NIO's happy-eyeballs connect.
        let channel: EventLoopFuture<any Channel>
        if let socketAddress = try? SocketAddress(ipAddress: target.host, port: target.port) {
            channel = bootstrap.connect(to: socketAddress)
        } else {
            channel = bootstrap.connect(host: target.host, port: target.port)
        }
        channel.flatMapThrowing { channel in
            try channel.pipeline.syncOperations.handler(type: ClientConnectionHandler.self).connection
        }.whenComplete { [weak self] result in
            switch result {
            case .success(let connection):
                logger.debug("connected", metadata: ["remote": "\(address)", "local": "\(connection.localAddress)"])
                self?.connected(address, connection, by: future)
                promise.succeed(connection)
            case .failure(let error):
                self?.forget(address, future)
                promise.fail(RemotingError.connectFailed(address: address, reason: SystemErrorText.describe(error)))
            }
        }
    }

    /// Records the connection `future` produced, unless the slot was dropped meanwhile or it already closed.
    private func connected(
        _ address: String, _ connection: RemotingConnection, by future: EventLoopFuture<RemotingConnection>
    ) {
        state.withLock { state in
            guard case .connecting(let pending)? = state.connections[address], pending === future else { return }
            state.connections[address] = connection.isActive ? .connected(connection) : nil
        }
    }

    /// Drops the slot for `address` if it still holds this connect.
    private func forget(_ address: String, _ future: EventLoopFuture<RemotingConnection>) {
        state.withLock { state in
            guard case .connecting(let pending)? = state.connections[address], pending === future else { return }
            state.connections[address] = nil
        }
    }

    /// Drops the slot for `address` if it still holds this connection (it closed). A connection that closes
    /// before its connect callback ran is still `.connecting`; the callback sees it inactive and drops it.
    private func forget(_ address: String, _ connection: RemotingConnection) {
        state.withLock { state in
            guard case .connected(let live)? = state.connections[address], live === connection else { return }
            state.connections[address] = nil
        }
    }
}
