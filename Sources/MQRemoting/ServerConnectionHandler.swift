import Logging
import MQProtocol
import NIOCore

/// Asks a server connection to finish its deferred responses and close (sent by `RemotingServer.stop`).
struct DrainEvent: Sendable {}

/// The last handler of a server connection: hands requests to the processor on the loop, writes responses,
/// routes responses to server→client requests back to their callers, and closes the connection on bad input.
final class ServerConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = RemotingCommand

    private let connection: RemotingConnection
    private let processor: any RequestProcessor
    private let registry: ConnectionRegistry
    private let limits: ConnectionLimits
    private let logger: Logger
    /// Deferred responses not yet written; bounded by `limits.maxPendingResponsesPerConnection`.
    private var deferredInFlight = 0
    private var admitted = false
    private var draining = false
    /// Set once the reason for closing has been logged, so a burst of errors logs one line.
    private var closing = false

    init(
        connection: RemotingConnection, processor: any RequestProcessor, registry: ConnectionRegistry,
        limits: ConnectionLimits, logger: Logger
    ) {
        self.connection = connection
        self.processor = processor
        self.registry = registry
        self.limits = limits
        self.logger = logger
    }

    // MARK: - Lifecycle

    func channelActive(context: ChannelHandlerContext) {
        if let refusal = registry.admit(connection) {
            closeConnection(context, level: .warning, "refusing connection: \(refusal)")
        } else {
            admitted = true
            logger.debug("connection accepted", metadata: ["remote": "\(connection.remoteAddress)"])
            processor.peerDidConnect(connection)
        }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        connection.didClose()
        if admitted {
            admitted = false
            registry.remove(connection)
            logger.debug("connection closed", metadata: ["remote": "\(connection.remoteAddress)"])
            processor.peerDidDisconnect(connection)
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Bad frames are the client's fault and worth a line; resets and the like are routine.
        let level: Logger.Level = error is ProtocolError || error is ByteToMessageDecoderError ? .warning : .debug
        closeConnection(context, level: level, "closing connection: \(error)")
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case is IdleStateHandler.IdleStateEvent:
            // A deferred response completed in this same tick may still be unflushed: send it before closing.
            if deferredInFlight == 0 {
                connection.flush()
                closeConnection(context, level: .info, "closing idle connection")
            }
        case is DrainEvent:
            draining = true
            if deferredInFlight == 0 {
                connection.flush()
                context.close(promise: nil)
            }
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        // A client that sends requests but does not read responses stops being read until it catches up.
        try? context.channel.syncOptions?.setOption(ChannelOptions.autoRead, value: context.channel.isWritable)
        context.fireChannelWritabilityChanged()
    }

    // MARK: - Traffic

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // A refused connection is being closed; nothing it sent is processed.
        guard admitted else { return }
        let command = unwrapInboundIn(data)
        if command.isResponse {
            connection.didReceiveResponse(command)
            return
        }
        connection.beginReadBatch()
        handle(command, context: context)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        connection.endReadBatch()
        context.fireChannelReadComplete()
    }

    private func handle(_ request: RemotingCommand, context: ChannelHandlerContext) {
        if draining {
            reject(request, "[SHUTDOWN]server is shutting down")
            return
        }
        if deferredInFlight >= limits.maxPendingResponsesPerConnection && !request.isOneway {
            reject(request, "[OVERLOAD]system busy, \(deferredInFlight) responses pending on this connection")
            return
        }
        switch processor.process(request, from: connection) {
        case .response(let response):
            if !request.isOneway { connection.writeResponse(response.shapedAsResponse(to: request)) }
        case .noResponse:
            break
        case .deferred(let future):
            awaitDeferred(future, for: request, context: context)
        }
    }

    private func reject(_ request: RemotingCommand, _ remark: String) {
        guard !request.isOneway else { return }
        connection.writeResponse(request.response(.systemBusy, remark: remark).shapedAsResponse(to: request))
    }

    private func awaitDeferred(
        _ future: EventLoopFuture<RemotingCommand?>, for request: RemotingCommand, context: ChannelHandlerContext
    ) {
        deferredInFlight += 1
        future.hop(to: context.eventLoop).assumeIsolated().whenComplete { result in
            self.deferredInFlight -= 1
            let response: RemotingCommand?
            switch result {
            case .success(let answer):
                response = answer?.shapedAsResponse(to: request)
            case .failure(let error):
                self.logger.debug(
                    "deferred response failed",
                    metadata: [
                        "remote": "\(self.connection.remoteAddress)", "request": "\(request)", "error": "\(error)",
                    ])
                response = .systemError(for: request, error)
            }
            self.finishDeferred(response, for: request)
        }
    }

    /// Writes a deferred response; when the server is stopping and it was the last one, closes the connection
    /// once it is on the wire (closing right away would drop unflushed bytes).
    /// Uses the connection, not the handler context: the channel may have closed while the future was pending.
    private func finishDeferred(_ response: RemotingCommand?, for request: RemotingCommand) {
        let last = draining && deferredInFlight == 0
        guard let response, !request.isOneway else {
            if last {
                connection.flush()
                connection.close()
            }
            return
        }
        guard last else {
            connection.writeResponse(response)
            return
        }
        let written = connection.eventLoop.makePromise(of: Void.self)
        connection.writeResponse(response, promise: written)
        connection.flush()
        written.futureResult.whenComplete { [connection] _ in connection.close() }
    }

    private func closeConnection(_ context: ChannelHandlerContext, level: Logger.Level, _ message: String) {
        if !closing {
            closing = true
            logger.log(level: level, "\(message)", metadata: ["remote": "\(connection.remoteAddress)"])
        }
        context.close(promise: nil)
    }
}
