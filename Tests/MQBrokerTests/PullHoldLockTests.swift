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

/// Long polling's periodic check reads each queue's max offset through the caller's closure (the store);
/// it must not hold the held-pulls lock while doing so, or a store path that needs that lock deadlocks.
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
}
