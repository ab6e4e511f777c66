import Foundation
import MQProtocol
import MQRemoting
import MQStore
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// One thread of its own for one kind of handler (the registry's `HandlerThread`).
///
/// Sends run on one, as in Apache's broker (its send executor has one thread by default): the
/// connection's event loop keeps decoding and writing frames while this thread does the store work, so
/// one busy connection can use two cores, and one thread keeps a connection's sends in arrival order.
/// Admin handlers that write metadata files (two fsyncs each) run on another, off the event loops.
///
/// Hand-offs are batched both ways, because each one is a thread wake-up (docs/performance.md "Sync sends"):
/// - an event loop that hands over work while it reads a burst of requests wakes this thread once, after the
///   burst (one task on the loop), not once per request;
/// - this thread takes every job waiting at once and hands the answers back to each loop in one task
///   (at most `answersPerTask` at a time), so the loop writes them with one flush.
final class WorkerThread: @unchecked Sendable {
    private enum Job {
        case answer(@Sendable () -> ProcessResult, any EventLoop, EventLoopPromise<RemotingCommand?>)
        case plain(@Sendable (_ active: Bool) -> Void)
    }

    private struct Answer: Sendable {
        let loop: any EventLoop
        let promise: EventLoopPromise<RemotingCommand?>
        let result: ProcessResult
    }

    /// Answers handed back to a loop in one task: bounds how long the first answer of a large batch waits.
    static let answersPerTask = 16

    private let service: ServiceThread
    // Guarded by `service.condition`.
    private var jobs: [Job] = []
    private var sleeping = false
    private var wakeScheduled = false

    init(name: String) {
        service = ServiceThread(name: name)
        service.start { [self] in serve() }
    }

    /// Runs `work` on this thread; its result is answered on `eventLoop`.
    func run(on eventLoop: any EventLoop, _ work: @escaping @Sendable () -> ProcessResult) -> ProcessResult {
        let promise = eventLoop.makePromise(of: RemotingCommand?.self)
        if !enqueue(.answer(work, eventLoop, promise)) { promise.fail(WorkerThreadStopped()) }
        return .deferred(promise.futureResult)
    }

    /// Runs `work` on this thread and waits for its result, for callers on threads of their own (the transaction
    /// check service); never call it from an event loop. Nil when the thread has stopped.
    func runAndWait<T: Sendable>(_ work: @escaping @Sendable () -> T) -> T? {
        let done = DispatchSemaphore(value: 0)
        let result = NIOLockedValueBox<T?>(nil)
        let queued = enqueue(
            .plain { active in
                if active { result.withLockedValue { $0 = work() } }
                done.signal()
            })
        guard queued else { return nil }
        done.wait()
        return result.withLockedValue { $0 }
    }

    /// Runs `work` on this thread, or `stopped` on the caller's when the thread has stopped.
    func submit(_ work: @escaping @Sendable () -> Void, stopped: @escaping @Sendable () -> Void) {
        if !enqueue(.plain { _ in work() }) { stopped() }
    }

    /// Finishes the work already handed over, then stops the thread.
    func shutdown() async {
        // Joining blocks: not on the cooperative pool.
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread { [service] in
                service.stop()
                done.resume()
            }
        }
    }

    // MARK: - Queue

    /// False once the thread is stopping.
    private func enqueue(_ job: Job) -> Bool {
        let condition = service.condition
        condition.lock()
        guard service.phase == .running else {
            condition.unlock()
            return false
        }
        jobs.append(job)
        guard sleeping, !wakeScheduled else {
            condition.unlock()
            return true
        }
        // On an event loop, more requests of the same read burst may follow: wake once, after the burst.
        let loop = MultiThreadedEventLoopGroup.currentEventLoop
        if loop != nil {
            wakeScheduled = true
        } else {
            condition.signal()
        }
        condition.unlock()
        loop?.execute { [self] in wake() }
        return true
    }

    private func wake() {
        service.condition.lock()
        wakeScheduled = false
        if sleeping { service.condition.signal() }
        service.condition.unlock()
    }

    /// The thread's loop: every waiting job at once, until stopping and nothing is left.
    private func serve() {
        let condition = service.condition
        var batch: [Job] = []
        while true {
            condition.lock()
            while jobs.isEmpty && service.phase == .running {
                sleeping = true
                condition.wait()
                sleeping = false
            }
            swap(&batch, &jobs)
            condition.unlock()
            if batch.isEmpty { return }
            runBatch(batch)
            batch.removeAll(keepingCapacity: true)
        }
    }

    private func runBatch(_ batch: [Job]) {
        var answers: [Answer] = []
        for job in batch {
            switch job {
            case .answer(let body, let loop, let promise):
                answers.append(Answer(loop: loop, promise: promise, result: body()))
                if answers.count >= Self.answersPerTask { deliver(&answers) }
            case .plain(let body):
                // Answers already made do not wait for a job that may take long (a transaction check chunk).
                deliver(&answers)
                body(true)
            }
        }
        deliver(&answers)
    }

    /// Hands the answers to their loops: one task per loop.
    private func deliver(_ answers: inout [Answer]) {
        while let first = answers.first {
            let loop = first.loop
            let mine = answers.filter { $0.loop === loop }
            answers.removeAll { $0.loop === loop }
            loop.execute {
                for answer in mine {
                    switch answer.result {
                    case .response(let response): answer.promise.succeed(response)
                    case .deferred(let later): later.cascade(to: answer.promise)
                    case .noResponse: answer.promise.succeed(nil)
                    }
                }
            }
        }
    }
}

/// A job handed to a worker thread after it began stopping (answered SYSTEM_ERROR).
struct WorkerThreadStopped: Error, CustomStringConvertible {
    var description: String { "the broker is shutting down" }
}
