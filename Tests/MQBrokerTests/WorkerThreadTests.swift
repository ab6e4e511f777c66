import Foundation
import MQProtocol
import MQRemoting
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Testing

@testable import MQBroker

/// The send, admin and pop threads: jobs run one at a time in arrival order, answers come back on the caller's
/// loop (also when handed over in batches), shutdown finishes what was queued, and a stopped thread refuses.
@Suite struct WorkerThreadTests {
    static func answer(_ i: Int) -> RemotingCommand {
        RemotingCommand(code: 0, remark: "\(i)")
    }

    @Test func burstFromALoopRunsInOrderAndAnswersOnThatLoop() async throws {
        let worker = WorkerThread(name: "test-worker")
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let ran = NIOLockedValueBox<[Int]>([])
        // A burst handed over from the loop, as a read of several requests does.
        let futures = try await loop.submit {
            (0..<100).map { i -> EventLoopFuture<RemotingCommand?> in
                let result = worker.run(on: loop) {
                    ran.withLockedValue { $0.append(i) }
                    return .response(Self.answer(i))
                }
                guard case .deferred(let future) = result else { fatalError("run answers later") }
                return future
            }
        }.get()
        for (i, future) in futures.enumerated() {
            let response = try await future.hop(to: loop).map { answer -> RemotingCommand? in
                loop.preconditionInEventLoop()
                return answer
            }.get()
            #expect(response?.remark == "\(i)")
        }
        #expect(ran.withLockedValue { $0 } == Array(0..<100))
        await worker.shutdown()
        try await group.shutdownGracefully()
    }

    @Test func deferredAndEmptyResultsAreCarriedOver() async throws {
        let worker = WorkerThread(name: "test-worker")
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let later = loop.makePromise(of: RemotingCommand?.self)
        guard case .deferred(let deferred) = worker.run(on: loop, { .deferred(later.futureResult) }),
            case .deferred(let empty) = worker.run(on: loop, { .noResponse })
        else { fatalError("run answers later") }
        #expect(try await empty.get() == nil)
        later.succeed(Self.answer(7))
        #expect(try await deferred.get()?.remark == "7")
        await worker.shutdown()
        try await group.shutdownGracefully()
    }

    @Test func shutdownFinishesQueuedWorkThenRefuses() async throws {
        let worker = WorkerThread(name: "test-worker")
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let gate = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)
        let ran = NIOLockedValueBox(0)
        worker.submit({
            started.signal()
            gate.wait()
        }, stopped: {})
        started.wait()
        // Queued behind the blocked job when the shutdown begins.
        let queued = (0..<10).map { _ -> EventLoopFuture<RemotingCommand?> in
            guard case .deferred(let future) = worker.run(on: loop, {
                ran.withLockedValue { $0 += 1 }
                return .response(Self.answer(0))
            }) else { fatalError("run answers later") }
            return future
        }
        async let stopping: Void = worker.shutdown()
        gate.signal()
        await stopping
        #expect(ran.withLockedValue { $0 } == 10)
        for future in queued { #expect(try await future.get() != nil) }

        let refused = NIOLockedValueBox(false)
        worker.submit({ Issue.record("a stopped thread ran a job") }, stopped: { refused.withLockedValue { $0 = true } })
        #expect(refused.withLockedValue { $0 })
        #expect(worker.runAndWait { 1 } == nil)
        guard case .deferred(let failed) = worker.run(on: loop, { .noResponse }) else { fatalError("deferred") }
        await #expect(throws: WorkerThreadStopped.self) { try await failed.get() }
        try await group.shutdownGracefully()
    }

    @Test func runAndWaitReturnsTheResult() async {
        let worker = WorkerThread(name: "test-worker")
        #expect(worker.runAndWait { 41 + 1 } == 42)
        await worker.shutdown()
    }
}
