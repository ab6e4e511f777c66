import Foundation
import Logging
import MQProtocol
import MQRemoting
import MQTestSupport
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Testing

@testable import MQBroker

/// Long polling's hold service. Its periodic check reads each queue's max offset through the caller's closure
/// (the store); it must not hold the held-pulls lock while doing so, or a store path that needs that lock
/// deadlocks. An arriving message wakes only the pulls whose filter it passes.
@Suite struct PullHoldLockTests {
    final class StubPeer: RemotingPeer {
        let id: UInt64 = 42
        let remoteAddress = "stub:1"
        let localAddress = "stub:0"
        let eventLoop: any EventLoop = MultiThreadedEventLoopGroup.singleton.next()
        var isActive: Bool { true }
        func sendOneway(_ command: RemotingCommand) {}
        func sendRequest(_ command: RemotingCommand, timeout: TimeAmount) -> EventLoopFuture<RemotingCommand> {
            eventLoop.makeFailedFuture(RemotingError.closed)
        }
        func close() {}
    }

    @Test func maxOffsetsAreReadOutsideTheLock() {
        let holds = PullRequestHoldService(logger: Logger(label: "holds"))
        let peer = StubPeer()
        let promise = peer.eventLoop.makePromise(of: RemotingCommand?.self)
        holds.hold(
            .init(
                request: RemotingCommand(code: RequestCode.pullMessage.rawValue), peer: peer, offset: 5,
                filter: .tags("*"), deadline: .max, complete: CompleteOnce(promise),
                promise: promise.futureResult),
            topic: "T", queueId: 0)
        let retried = DispatchSemaphore(value: 0)
        let otherThreadGotIn = NIOLockedValueBox(false)
        let checked = returns(within: 10) {
            holds.check(
                now: 0,
                maxOffset: { _, _ in
                    // Another thread needs the service meanwhile (as a store callback could).
                    let done = DispatchSemaphore(value: 0)
                    Thread {
                        _ = holds.count
                        done.signal()
                    }.start()
                    otherThreadGotIn.withLockedValue { $0 = done.wait(timeout: .now() + 2) == .success }
                    return 6
                },
                retry: { _ in retried.signal() })
        }
        #expect(checked)
        #expect(otherThreadGotIn.withLockedValue { $0 }, "check() held its lock while calling maxOffset")
        #expect(retried.wait(timeout: .now() + 5) == .success, "the grown queue's pull was not answered")
        #expect(holds.count == 0)
        promise.succeed(nil)
    }

    /// A SQL92 pull held on a queue is woken by an arriving message only when the expression is TRUE for it.
    @Test func anArrivingMessageWakesOnlyThePullsItMatches() throws {
        let holds = PullRequestHoldService(logger: Logger(label: "holds"))
        let peer = StubPeer()
        let promise = peer.eventLoop.makePromise(of: RemotingCommand?.self)
        let filter = PullMessageFilter.sql92(try FilterExpression.parse("a > 5 AND region = 'eu'"))
        holds.hold(
            .init(
                request: RemotingCommand(code: RequestCode.pullMessage.rawValue), peer: peer, offset: 3,
                filter: filter, deadline: .max, complete: CompleteOnce(promise), promise: promise.futureResult),
            topic: "T", queueId: 0)
        let woken = DispatchSemaphore(value: 0)
        func arrive(_ offset: Int64, _ properties: MessageProperties) {
            holds.messageArrived(topic: "T", queueId: 0, queueOffset: offset, tagsCode: 0, properties: properties) {
                _ in woken.signal()
            }
        }
        arrive(3, ["a": "9", "region": "us"])  // FALSE
        arrive(4, ["region": "eu"])  // NULL: a is missing
        arrive(5, ["a": "x", "region": "eu"])  // the evaluation fails
        arrive(2, ["a": "9", "region": "eu"])  // before the pull's offset
        #expect(holds.count == 1)
        arrive(6, ["a": "9", "region": "eu"])
        #expect(woken.wait(timeout: .now() + 5) == .success)
        #expect(holds.count == 0)
        promise.succeed(nil)
    }
}
