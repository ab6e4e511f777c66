import MQProtocol
import NIOCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Client side of the remoting protocol over blocking sockets, for one-shot processes whose requests are all
/// request/response (the CLI's admin commands): no event-loop group, no NIO threads, nothing to start.
///
/// Where it runs: each call blocks a thread of its own (`BlockingThread`), never a thread of Swift's
/// cooperative pool, so concurrent calls (a fan-out to every broker) still overlap and an in-process broker on
/// the same pool (tests) is never starved. Connections are kept per address for the process's life: a call
/// takes an idle one or connects, and puts it back after its response; concurrent calls to one address use a
/// connection each. `close()` closes them.
///
/// What callers see matches `RemotingClient`: signing, opaques, the call's timeout covering connect and
/// response, and the same `RemotingError`s (connect refused → `connectFailed`, no response → `timeout`, peer
/// gone → `connectionClosed`). What it cannot do: serve requests the server sends (they are answered
/// REQUEST_CODE_NOT_SUPPORTED, as `RemotingClient` does without a handler), cancel a call in flight (a
/// cancelled task gets its result when the call ends, at the latest at its timeout).
public final class BlockingInvoker: RemotingInvoker {
    private struct State {
        var idle: [String: [BlockingConnection]] = [:]
        var closed = false
        var signer: (any RequestSigner)?
    }

    private let connectTimeout: Duration
    private let state: Mutex<State>

    /// - Parameters:
    ///   - connectTimeout: how long one connect may take before calls fail with `connectFailed`
    ///     (as `RemotingClient`'s).
    ///   - signer: applied to every request before sending (ACL); may also be set later.
    public init(connectTimeout: Duration = .seconds(3), signer: (any RequestSigner)? = nil) {
        self.connectTimeout = connectTimeout
        self.state = Mutex(State(signer: signer))
    }

    public var signer: (any RequestSigner)? {
        get { state.withLock { $0.signer } }
        set { state.withLock { $0.signer = newValue } }
    }

    public func invoke(
        _ address: String, _ request: RemotingCommand, timeout: Duration
    ) async throws -> RemotingCommand {
        let request = request.signed(by: signer)
        return try await BlockingThread.run { () throws(RemotingError) in
            try self.invokeNow(address, request, timeout: timeout)
        }
    }

    public func invokeOneway(_ address: String, _ request: RemotingCommand) async throws {
        let request = request.signed(by: signer)
        try await BlockingThread.run { () throws(RemotingError) in try self.sendOnewayNow(address, request) }
    }

    /// Nothing to answer: requests the server sends are answered while reading (`answer(_:on:)`).
    public func reply(_ response: RemotingCommand, to request: RemotingCommand, at address: String) {}

    /// Closes every connection and refuses further calls with `RemotingError.closed`.
    public func close() {
        let idle = state.withLock { state in
            state.closed = true
            defer { state.idle = [:] }
            return state.idle.values.joined()
        }
        for connection in idle { connection.close() }
    }

    // MARK: - Blocking calls

    /// The whole call, on the calling thread.
    func invokeNow(_ address: String, _ request: RemotingCommand, timeout: Duration) throws(RemotingError)
        -> RemotingCommand
    {
        let deadline = ContinuousClock.now + timeout
        let request = request.shapedAsRequest()
        if let size = request.frameLengthIfOver(FrameLimits.maxFrameLength) {
            throw .frameTooLarge(address: address, size: size, limit: FrameLimits.maxFrameLength)
        }
        let connection = try checkOut(address, timeout: timeout)
        do throws(BlockingConnection.Failure) {
            try connection.write(request, until: deadline)
            let answer = { (frame: RemotingCommand) throws(BlockingConnection.Failure) in
                try Self.answer(frame, on: connection, until: deadline)
            }
            let response = try connection.readResponse(to: request.opaque, until: deadline, answer: answer)
            checkIn(address, connection)
            return response
        } catch {
            // A timed-out connection may still deliver the late response: never reused.
            connection.close()
            switch error {
            case .timedOut: throw .timeout(address: address, millis: timeout.milliseconds)
            default: throw .connectionClosed(address: address)
            }
        }
    }

    func sendOnewayNow(_ address: String, _ request: RemotingCommand) throws(RemotingError) {
        let request = request.shapedAsOneway()
        if let size = request.frameLengthIfOver(FrameLimits.maxFrameLength) {
            throw .frameTooLarge(address: address, size: size, limit: FrameLimits.maxFrameLength)
        }
        let connection = try checkOut(address, timeout: connectTimeout)
        do throws(BlockingConnection.Failure) {
            try connection.write(request, until: ContinuousClock.now + connectTimeout)
            checkIn(address, connection)
        } catch {
            connection.close()
            throw .connectionClosed(address: address)
        }
    }

    /// Like a Java client without a processor for the code: says so rather than let the server wait.
    private static func answer(
        _ request: RemotingCommand, on connection: BlockingConnection, until deadline: ContinuousClock.Instant
    ) throws(BlockingConnection.Failure) {
        guard !request.isOneway else { return }
        try connection.write(request.unsupportedCodeResponse(), until: deadline)
    }

    // MARK: - Connections

    /// An idle connection to `address`, or a new one. The connect may take `connectTimeout`, and no longer than
    /// the call's `timeout`: the errors are `RemotingClient`'s for the same cases.
    private func checkOut(_ address: String, timeout: Duration) throws(RemotingError) -> BlockingConnection {
        let reused = try state.withLock { state throws(RemotingError) -> BlockingConnection? in
            guard !state.closed else { throw .closed }
            while let connection = state.idle[address]?.popLast() {
                if connection.isReusable { return connection }
                connection.close()
            }
            return nil
        }
        if let reused { return reused }
        let target = try RemotingAddress(parsing: address)
        let limit = min(timeout, connectTimeout)
        do throws(BlockingConnection.Failure) {
            return try BlockingConnection.connect(to: target, deadline: ContinuousClock.now + limit)
        } catch {
            switch error {
            case .timedOut where timeout <= connectTimeout:
                throw .timeout(address: address, millis: timeout.milliseconds)
            case .timedOut:
                throw .connectFailed(address: address, reason: "timed out after \(connectTimeout.milliseconds) ms")
            case .refused(let code):
                throw .connectFailed(address: address, reason: SystemErrorText.errnoText(code))
            case .unresolved:
                throw .connectFailed(address: address, reason: "cannot resolve host \(target.host)")
            case .closed:
                throw .connectFailed(address: address, reason: "connection closed")
            }
        }
    }

    private func checkIn(_ address: String, _ connection: BlockingConnection) {
        let kept = state.withLock { state in
            guard !state.closed else { return false }
            state.idle[address, default: []].append(connection)
            return true
        }
        if !kept { connection.close() }
    }
}

/// Runs blocking work on a thread of its own and resumes the caller with its result.
///
/// A thread per call costs one `clone` and a stack mapping (tens of microseconds); in exchange no thread of
/// Swift's cooperative pool (as many as cores) ever waits on a socket.
enum BlockingThread {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws(RemotingError) -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            start {
                do {
                    continuation.resume(returning: try body())
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Starts `body` on a new detached thread; runs it here if no thread can be made.
    private static func start(_ body: @escaping @Sendable () -> Void) {
        let argument = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(
            &thread, nil,
            { argument in
                Unmanaged<Body>.fromOpaque(argument!).takeRetainedValue().run()
                return nil
            }, argument)
        guard created == 0 else {
            Unmanaged<Body>.fromOpaque(argument).takeRetainedValue().run()
            return
        }
        pthread_detach(thread)
    }
}
