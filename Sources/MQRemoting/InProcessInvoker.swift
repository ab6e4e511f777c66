import MQProtocol
import NIOCore
import Synchronization

/// In-process transport: the same processors, no sockets (the CLI's embedded default and fast tests).
///
/// Behaves like `RemotingClient` where callers can tell: processors run on an event loop with a peer,
/// responses get the request's opaque and flags, oneway requests get none, `.noResponse` and unanswered
/// deferred responses time out, failed ones become SYSTEM_ERROR. Commands are passed as values, not encoded.
public final class InProcessInvoker: RemotingInvoker {
    private struct Endpoint {
        let processor: any RequestProcessor
        var peer: InProcessPeer?
    }

    private struct State {
        var endpoints: [String: Endpoint] = [:]
        var closed = false
        var signer: (any RequestSigner)?
    }

    private let group: any EventLoopGroup
    private let serverRequestHandler: ServerRequestHandler?
    private let state: Mutex<State>

    /// - Parameters:
    ///   - signer: applied to every request before it reaches the processor.
    ///   - serverRequestHandler: answers requests processors send through their peer, as `RemotingClient` does.
    public init(
        group: any EventLoopGroup, signer: (any RequestSigner)? = nil,
        serverRequestHandler: ServerRequestHandler? = nil
    ) {
        self.group = group
        self.serverRequestHandler = serverRequestHandler
        self.state = Mutex(State(signer: signer))
    }

    /// Applied to every request before it reaches the processor.
    public var signer: (any RequestSigner)? {
        get { state.withLock { $0.signer } }
        set { state.withLock { $0.signer = newValue } }
    }

    /// Serves `address` (any `host:port`, e.g. `embedded:9876`) with `processor`, replacing an earlier one.
    public func register(address: String, processor: any RequestProcessor) {
        let replaced = state.withLock { state in
            defer { state.endpoints[address] = Endpoint(processor: processor) }
            return state.endpoints[address]?.peer
        }
        replaced?.close()
    }

    /// Stops serving `address`; its session ends as if the connection closed.
    public func unregister(address: String) {
        let removed = state.withLock { $0.endpoints.removeValue(forKey: address)?.peer }
        removed?.close()
    }

    public func reply(_ response: RemotingCommand, to request: RemotingCommand, at address: String) {
        let peer = state.withLock { $0.endpoints[address]?.peer }
        peer?.answerLater(response, to: request)
    }

    /// Ends every session and refuses further calls with `RemotingError.closed`.
    public func close() {
        let peers = state.withLock { state in
            state.closed = true
            return state.endpoints.values.compactMap(\.peer)
        }
        for peer in peers { peer.close() }
    }

    public func invoke(
        _ address: String, _ request: RemotingCommand, timeout: Duration
    ) async throws -> RemotingCommand {
        let (processor, peer) = try session(address)
        let request = request.signed(by: signer).shapedAsRequest()
        let loop = peer.eventLoop
        let promise = loop.makePromise(of: RemotingCommand.self)
        let timer = loop.scheduleTask(in: timeout.timeAmount) {
            promise.fail(RemotingError.timeout(address: address, millis: timeout.milliseconds))
        }
        promise.futureResult.whenComplete { _ in timer.cancel() }
        peer.track(request.opaque, promise)
        loop.execute { [request] in
            Self.dispatch(request, to: processor, from: peer, promise: promise)
        }
        return try await withTaskCancellationHandler {
            try await promise.futureResult.get()
        } onCancel: {
            promise.fail(CancellationError())
        }
    }

    public func invokeOneway(_ address: String, _ request: RemotingCommand) async throws {
        let (processor, peer) = try session(address)
        let request = request.signed(by: signer).shapedAsOneway()
        peer.eventLoop.execute { [request] in
            // Whatever the processor answers is dropped, as the TCP server drops it.
            _ = processor.process(request, from: peer)
        }
    }

    /// Runs the processor on the peer's loop and completes `promise` the way the TCP server would answer.
    /// A promise completed twice (timeout first, answer later) keeps its first result, so late answers drop.
    private static func dispatch(
        _ request: RemotingCommand, to processor: any RequestProcessor, from peer: InProcessPeer,
        promise: EventLoopPromise<RemotingCommand>
    ) {
        guard peer.isActive else {
            promise.fail(RemotingError.connectionClosed(address: peer.localAddress))
            return
        }
        switch processor.process(request, from: peer) {
        case .response(let response):
            promise.succeed(response.shapedAsResponse(to: request))
        case .noResponse:
            break
        case .deferred(let future):
            future.whenComplete { result in
                switch result {
                case .success(let response?): promise.succeed(response.shapedAsResponse(to: request))
                case .success(nil): break
                case .failure(let error): promise.succeed(.systemError(for: request, error))
                }
            }
        }
    }

    /// The processor and the live session for `address`, opening a session on first use.
    private func session(_ address: String) throws -> (any RequestProcessor, InProcessPeer) {
        _ = try RemotingAddress(parsing: address)
        return try state.withLock { state throws(RemotingError) in
            guard !state.closed else { throw .closed }
            guard var endpoint = state.endpoints[address] else {
                throw .connectFailed(address: address, reason: "nothing is registered at this in-process address")
            }
            let processor = endpoint.processor
            if let peer = endpoint.peer, peer.isActive { return (processor, peer) }
            let peer = InProcessPeer(
                address: address, eventLoop: group.next(), requestHandler: serverRequestHandler,
                onClose: { [weak self] peer in
                    self?.detach(peer, from: address)
                    peer.eventLoop.execute { processor.peerDidDisconnect(peer) }
                })
            endpoint.peer = peer
            state.endpoints[address] = endpoint
            // Enqueued under the lock, so it runs on the loop before any request another caller sends.
            peer.eventLoop.execute { processor.peerDidConnect(peer) }
            return (processor, peer)
        }
    }

    private func detach(_ peer: InProcessPeer, from address: String) {
        state.withLock { state in
            if state.endpoints[address]?.peer === peer { state.endpoints[address]?.peer = nil }
        }
    }
}
