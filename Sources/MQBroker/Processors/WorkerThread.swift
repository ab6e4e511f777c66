import Dispatch
import MQProtocol
import MQRemoting
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// One thread of its own for one kind of handler (the registry's `HandlerThread`).
///
/// Sends run on one, as in Apache's broker (its send executor has one thread by default): the
/// connection's event loop keeps decoding and writing frames while this thread does the store work, so
/// one busy connection can use two cores, and one thread keeps a connection's sends in arrival order.
/// Admin handlers that write metadata files (two fsyncs each) run on another, off the event loops.
final class WorkerThread: Sendable {
    private let pool = NIOThreadPool(numberOfThreads: 1)

    init() {
        pool.start()
    }

    /// Runs `work` on this thread; its result is answered on `eventLoop`.
    func run(on eventLoop: any EventLoop, _ work: @escaping @Sendable () -> ProcessResult) -> ProcessResult {
        let result = pool.runIfActive(eventLoop: eventLoop, work)
        return .deferred(result.flatMap { outcome -> EventLoopFuture<RemotingCommand?> in
            switch outcome {
            case .response(let response): return eventLoop.makeSucceededFuture(response)
            case .deferred(let later): return later
            case .noResponse: return eventLoop.makeSucceededFuture(nil)
            }
        })
    }

    /// Runs `work` on this thread and waits for its result, for callers on threads of their own (the transaction
    /// check service); never call it from an event loop. Nil when the thread has stopped.
    func runAndWait<T: Sendable>(_ work: @escaping @Sendable () -> T) -> T? {
        let done = DispatchSemaphore(value: 0)
        let result = NIOLockedValueBox<T?>(nil)
        pool.submit { state in
            if case .active = state { result.withLockedValue { $0 = work() } }
            done.signal()
        }
        done.wait()
        return result.withLockedValue { $0 }
    }

    /// Runs `work` on this thread, or `stopped` on the caller's when the thread has stopped.
    func submit(_ work: @escaping @Sendable () -> Void, stopped: @escaping @Sendable () -> Void) {
        pool.submit { state in
            if case .active = state { work() } else { stopped() }
        }
    }

    /// Finishes the work already handed over, then stops the thread.
    func shutdown() async {
        try? await pool.shutdownGracefully()
    }
}
