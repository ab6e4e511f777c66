import Logging
import MQProtocol
import NIOCore

/// Handles server→client requests, such as NOTIFY_CONSUMER_IDS_CHANGED: `(request, serverAddress) -> response`.
/// Called on the connection's event loop; must not block. Returning nil sends nothing.
public typealias ServerRequestHandler = @Sendable (RemotingCommand, _ from: String) -> RemotingCommand?

/// The last handler of a client connection: completes pending requests with their responses and answers
/// server→client requests through the client's `ServerRequestHandler`.
final class ClientConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = RemotingCommand

    let connection: RemotingConnection
    private let requestHandler: ServerRequestHandler?
    private let logger: Logger
    private var closing = false

    init(connection: RemotingConnection, requestHandler: ServerRequestHandler?, logger: Logger) {
        self.connection = connection
        self.requestHandler = requestHandler
        self.logger = logger
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let command = unwrapInboundIn(data)
        if command.isResponse {
            connection.didReceiveResponse(command)
            return
        }
        connection.beginReadBatch()
        guard let requestHandler else {
            // Like a Java client without a processor for the code: say so rather than let the server wait.
            if !command.isOneway {
                connection.writeResponse(command.unsupportedCodeResponse())
            }
            return
        }
        if let response = requestHandler(command, connection.remoteAddress), !command.isOneway {
            connection.writeResponse(response.shapedAsResponse(to: command))
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        connection.endReadBatch()
        context.fireChannelReadComplete()
    }

    func channelInactive(context: ChannelHandlerContext) {
        connection.didClose()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if !closing {
            closing = true
            let level: Logger.Level = error is ProtocolError || error is ByteToMessageDecoderError ? .warning : .debug
            logger.log(
                level: level, "closing connection: \(error)", metadata: ["remote": "\(connection.remoteAddress)"])
        }
        context.close(promise: nil)
    }
}
