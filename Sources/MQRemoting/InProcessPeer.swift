import MQProtocol
import NIOCore
import Synchronization

/// The peer a processor sees when an `InProcessInvoker` calls it: one session per invoker and address,
/// pinned to one event loop like a TCP connection.
final class InProcessPeer: RemotingPeer {
    let id: UInt64
    /// `in-process:<id>`: host:port shaped, so processors that split addresses keep working, and honest.
    let remoteAddress: String
    /// The address the processor was registered under, e.g. `embedded:9876`.
    let localAddress: String
    let eventLoop: any EventLoop
    private let requestHandler: ServerRequestHandler?
    private let onClose: @Sendable (InProcessPeer) -> Void
    private let active = Atomic<Bool>(true)

    init(
        address: String, eventLoop: any EventLoop, requestHandler: ServerRequestHandler?,
        onClose: @escaping @Sendable (InProcessPeer) -> Void
    ) {
        self.id = ConnectionID.next()
        self.remoteAddress = "in-process:\(id)"
        self.localAddress = address
        self.eventLoop = eventLoop
        self.requestHandler = requestHandler
        self.onClose = onClose
    }

    var isActive: Bool { active.load(ordering: .acquiring) }

    func sendOneway(_ command: RemotingCommand) {
        guard isActive, let requestHandler else { return }
        var request = command
        request.opaque = Opaque.next()
        request.flag = (request.flag | RemotingCommand.onewayFlag) & ~RemotingCommand.responseFlag
        eventLoop.execute { [request, localAddress] in _ = requestHandler(request, localAddress) }
    }

    /// Answered by the invoker's `ServerRequestHandler` on this loop, as over TCP: without a handler
    /// REQUEST_CODE_NOT_SUPPORTED, and a handler returning nil lets the request time out.
    func sendRequest(_ command: RemotingCommand, timeout: TimeAmount) -> EventLoopFuture<RemotingCommand> {
        var request = command
        request.opaque = Opaque.next()
        request.flag &= ~RemotingCommand.typeFlags
        guard isActive else {
            return eventLoop.makeFailedFuture(RemotingError.connectionClosed(address: remoteAddress))
        }
        let promise = eventLoop.makePromise(of: RemotingCommand.self)
        eventLoop.execute { [request, requestHandler, localAddress, remoteAddress, eventLoop] in
            guard let requestHandler else {
                let response = request.response(
                    .requestCodeNotSupported, remark: " request type \(request.code) not supported")
                promise.succeed(response.shapedAsResponse(to: request))
                return
            }
            if let response = requestHandler(request, localAddress) {
                promise.succeed(response.shapedAsResponse(to: request))
            } else {
                eventLoop.scheduleTask(in: timeout) {
                    promise.fail(RemotingError.timeout(address: remoteAddress, millis: timeout.milliseconds))
                }
            }
        }
        return promise.futureResult
    }

    /// Ends the session: the processor sees `peerDidDisconnect`, the next call opens a new session.
    func close() {
        if active.exchange(false, ordering: .acquiringAndReleasing) { onClose(self) }
    }
}
