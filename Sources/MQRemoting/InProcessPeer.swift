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
    /// Invokes waiting for this session's processor, failed when the session ends (as a closing TCP
    /// connection fails its pending requests).
    private let pending = Mutex<[Int32: EventLoopPromise<RemotingCommand>]>([:])
    /// Requests sent to the client whose handler chose to answer later, by opaque.
    private let awaitingReply = Mutex<[Int32: EventLoopPromise<RemotingCommand>]>([:])

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
        let request = command.shapedAsOneway()
        eventLoop.execute { [request, localAddress] in _ = requestHandler(request, localAddress) }
    }

    /// Answered by the invoker's `ServerRequestHandler` on this loop, as over TCP: without a handler
    /// REQUEST_CODE_NOT_SUPPORTED, and a handler returning nil lets the request time out.
    func sendRequest(_ command: RemotingCommand, timeout: TimeAmount) -> EventLoopFuture<RemotingCommand> {
        let request = command.shapedAsRequest()
        guard isActive else {
            return eventLoop.makeFailedFuture(RemotingError.connectionClosed(address: remoteAddress))
        }
        let promise = eventLoop.makePromise(of: RemotingCommand.self)
        eventLoop.execute { [self, request, requestHandler, localAddress, remoteAddress, eventLoop] in
            guard let requestHandler else {
                promise.succeed(request.unsupportedCodeResponse())
                return
            }
            // Registered before the handler runs: a handler returning nil may answer through the invoker's
            // `reply` from another thread before it returns (as TCP registers a request before writing it).
            self.awaitingReply.withLock { $0[request.opaque] = promise }
            if let response = requestHandler(request, localAddress) {
                let waiting = self.awaitingReply.withLock { $0.removeValue(forKey: request.opaque) }
                waiting?.succeed(response.shapedAsResponse(to: request))
            } else {
                eventLoop.scheduleTask(in: timeout) { [self] in
                    let waiting = awaitingReply.withLock { $0.removeValue(forKey: request.opaque) }
                    guard let waiting else { return }
                    waiting.fail(RemotingError.timeout(address: remoteAddress, millis: timeout.milliseconds))
                }
            }
        }
        return promise.futureResult
    }

    /// The later answer to a request this peer sent the client; ignored once it timed out.
    func answerLater(_ response: RemotingCommand, to request: RemotingCommand) {
        let waiting = awaitingReply.withLock { $0.removeValue(forKey: request.opaque) }
        waiting?.succeed(response.shapedAsResponse(to: request))
    }

    /// Ends the session: pending invokes fail with `connectionClosed`, the processor sees `peerDidDisconnect`,
    /// the next call opens a new session.
    func close() {
        guard active.exchange(false, ordering: .acquiringAndReleasing) else { return }
        let waiting = pending.withLock { pending in
            defer { pending = [:] }
            return Array(pending.values)
        }
        for promise in waiting { promise.fail(RemotingError.connectionClosed(address: localAddress)) }
        onClose(self)
    }

    /// Registers an invoke's promise until it completes; fails it at once if the session already ended.
    func track(_ opaque: Int32, _ promise: EventLoopPromise<RemotingCommand>) {
        let added = pending.withLock { pending in
            guard isActive else { return false }
            pending[opaque] = promise
            return true
        }
        guard added else {
            promise.fail(RemotingError.connectionClosed(address: localAddress))
            return
        }
        promise.futureResult.whenComplete { _ in _ = self.pending.withLock { $0.removeValue(forKey: opaque) } }
    }
}
