import Logging
import MQProtocol
import NIOCore

/// One TCP connection: the peer processors see on the server, and the connection a client invokes over.
///
/// It owns the table of requests sent on this connection and still waiting for a response. The table and the
/// write-batching flags are confined to the channel's event loop (`NIOLoopBoundBox`); calls from other threads
/// hop to the loop once, carrying the whole operation (register, arm the timeout, write).
final class RemotingConnection: RemotingPeer {
    let id: UInt64
    let remoteAddress: String
    let remoteHost: HostAddress?
    let channel: any Channel
    private let logger: Logger
    private let state: NIOLoopBoundBox<State>
    /// Called on the loop when the channel goes inactive, before pending requests fail, so a client forgets
    /// this connection before any caller can retry on it.
    private let onClose: (@Sendable (RemotingConnection) -> Void)?

    private struct State {
        struct Pending {
            let promise: EventLoopPromise<RemotingCommand>
            let timeout: NIOScheduledCallback?
        }

        var pending: [Int32: Pending] = [:]
        var closed = false
        /// Inside a read burst, writes wait for `endReadBatch` to share one flush.
        var inReadBatch = false
        var needsFlush = false
        var flushScheduled = false
    }

    init(
        channel: any Channel, remoteAddress: String, logger: Logger,
        onClose: (@Sendable (RemotingConnection) -> Void)? = nil
    ) {
        self.id = ConnectionID.next()
        self.channel = channel
        self.remoteAddress = remoteAddress
        self.remoteHost = HostAddress(remoteAddress)
        self.logger = logger
        self.onClose = onClose
        self.state = .makeBoxSendingValue(State(), as: State.self, eventLoop: channel.eventLoop)
    }

    var localAddress: String { channel.localAddress?.remotingText ?? "" }
    var eventLoop: any EventLoop { channel.eventLoop }
    var isActive: Bool { channel.isActive }

    // MARK: - RemotingPeer

    func sendOneway(_ command: RemotingCommand) {
        writeOneway(command, promise: nil)
    }

    func sendRequest(_ command: RemotingCommand, timeout: TimeAmount) -> EventLoopFuture<RemotingCommand> {
        startRequest(command, timeout: timeout).future
    }

    func close() {
        channel.close(promise: nil)
    }

    // MARK: - Requests

    /// Sends `command` as a request with a fresh opaque; the opaque lets a caller cancel it.
    func startRequest(
        _ command: RemotingCommand, timeout: TimeAmount, reportedMillis: Int64? = nil
    ) -> (opaque: Int32, future: EventLoopFuture<RemotingCommand>) {
        let request = command.shapedAsRequest()
        let promise = eventLoop.makePromise(of: RemotingCommand.self)
        if let size = request.frameLengthIfOver(FrameLimits.maxFrameLength) {
            promise.fail(tooLarge(size))
            return (request.opaque, promise.futureResult)
        }
        let millis = reportedMillis ?? timeout.milliseconds
        onLoop { [request] in self.register(request, timeout: timeout, millis: millis, promise: promise) }
        return (request.opaque, promise.futureResult)
    }

    /// Sends `command` with the oneway flag and a fresh opaque; `promise` completes when it is written.
    func writeOneway(_ command: RemotingCommand, promise: EventLoopPromise<Void>?) {
        let request = command.shapedAsOneway()
        if let size = request.frameLengthIfOver(FrameLimits.maxFrameLength) {
            promise?.fail(tooLarge(size))
            return
        }
        onLoop { [request] in
            guard !self.state.value.closed else {
                promise?.fail(RemotingError.connectionClosed(address: self.remoteAddress))
                return
            }
            self.enqueue(request, promise: promise)
        }
    }

    /// Fails a pending request early (the caller's task was cancelled); a late response is then dropped.
    func cancel(_ opaque: Int32) {
        onLoop {
            guard let entry = self.state.value.pending.removeValue(forKey: opaque) else { return }
            entry.timeout?.cancel()
            entry.promise.fail(CancellationError())
        }
    }

    private func register(
        _ request: RemotingCommand, timeout: TimeAmount, millis: Int64,
        promise: EventLoopPromise<RemotingCommand>
    ) {
        guard !state.value.closed else {
            promise.fail(RemotingError.connectionClosed(address: remoteAddress))
            return
        }
        let opaque = request.opaque
        // A scheduled callback rather than a task: no future per request. It throws only while the loop shuts down.
        let timer = try? eventLoop.assumeIsolated().scheduleCallback(
            in: timeout, handler: RequestTimeout(connection: self, opaque: opaque, millis: millis))
        state.value.pending[opaque] = State.Pending(promise: promise, timeout: timer)
        // No write promise: frames are size-checked above, and any other write failure closes the channel,
        // which fails every pending request in `didClose`.
        enqueue(request, promise: nil)
    }

    fileprivate func expire(_ opaque: Int32, millis: Int64) {
        guard let entry = state.value.pending.removeValue(forKey: opaque) else { return }
        entry.promise.fail(RemotingError.timeout(address: remoteAddress, millis: millis))
    }

    private func tooLarge(_ size: Int) -> RemotingError {
        .frameTooLarge(address: remoteAddress, size: size, limit: FrameLimits.maxFrameLength)
    }

    // MARK: - Called by the channel handlers, on the loop

    /// Completes the request this response answers; responses nobody waits for any more are dropped.
    func didReceiveResponse(_ response: RemotingCommand) {
        guard let entry = state.value.pending.removeValue(forKey: response.opaque) else {
            logger.debug(
                "dropping response nobody waits for",
                metadata: [
                    "remote": "\(remoteAddress)", "opaque": "\(response.opaque)",
                ])
            return
        }
        entry.timeout?.cancel()
        entry.promise.succeed(response)
    }

    /// The channel went inactive: fail everything still pending.
    func didClose() {
        guard !state.value.closed else { return }
        state.value.closed = true
        onClose?(self)
        let pending = state.value.pending
        state.value.pending = [:]
        for entry in pending.values {
            entry.timeout?.cancel()
            entry.promise.fail(RemotingError.connectionClosed(address: remoteAddress))
        }
    }

    /// Writes a response (already shaped by the caller); too-large ones become SYSTEM_ERROR instead.
    /// `promise` completes once the bytes reached the socket.
    func writeResponse(_ response: RemotingCommand, promise: EventLoopPromise<Void>? = nil) {
        if let size = response.frameLengthIfOver(FrameLimits.maxFrameLength) {
            logger.warning(
                "response too large for one frame, answering SYSTEM_ERROR",
                metadata: [
                    "remote": "\(remoteAddress)", "opaque": "\(response.opaque)", "size": "\(size)",
                ])
            var error = response
            error.code = ResponseCode.systemError.rawValue
            error.remark = "response of \(size) bytes exceeds the frame limit of \(FrameLimits.maxFrameLength) bytes"
            error.extFields = [:]
            error.body = nil
            enqueue(error, promise: promise)
            return
        }
        enqueue(response, promise: promise)
    }

    /// Flushes now rather than at the end of the read burst.
    func flush() {
        state.value.needsFlush = false
        channel.flush()
    }

    func beginReadBatch() {
        state.value.inReadBatch = true
    }

    func endReadBatch() {
        state.value.inReadBatch = false
        if state.value.needsFlush {
            state.value.needsFlush = false
            channel.flush()
        }
    }

    // MARK: - Writing

    /// Writes without flushing; the flush happens at the end of the read burst, or in one task for all writes
    /// made from elsewhere during this loop tick (pipelined requests and concurrent invokes share a syscall).
    private func enqueue(_ command: RemotingCommand, promise: EventLoopPromise<Void>?) {
        channel.write(command, promise: promise)
        if state.value.inReadBatch {
            state.value.needsFlush = true
        } else if !state.value.flushScheduled {
            state.value.flushScheduled = true
            eventLoop.assumeIsolated().execute {
                self.state.value.flushScheduled = false
                self.channel.flush()
            }
        }
    }

    private func onLoop(_ body: @escaping @Sendable () -> Void) {
        if eventLoop.inEventLoop {
            body()
        } else {
            eventLoop.execute(body)
        }
    }
}

/// Fails one pending request when its time is up.
private struct RequestTimeout: NIOScheduledCallbackHandler, Sendable {
    let connection: RemotingConnection
    let opaque: Int32
    let millis: Int64

    func handleScheduledCallback(eventLoop: some EventLoop) {
        connection.expire(opaque, millis: millis)
    }
}
