import MQProtocol
import NIOCore
import NIOEmbedded
import Testing

@testable import MQBroker

/// Sync-flush sends waiting for group commit: the sweep answers FLUSH_DISK_TIMEOUT only to overdue sends that no
/// flush answered, exactly once.
@Suite struct FlushWaitsTests {
    private static func waiter(_ loop: EmbeddedEventLoop, _ waits: FlushWaits, deadline: NIODeadline, opaque: Int32)
        -> (ticket: UInt64, answer: CompleteOnce, future: EventLoopFuture<RemotingCommand?>)
    {
        let promise = loop.makePromise(of: RemotingCommand?.self)
        let answer = CompleteOnce(promise)
        var request = RemotingCommand.request(.sendMessage)
        request.opaque = opaque
        let header = SendMessageResponseHeader(msgId: "M\(opaque)", queueId: 1, queueOffset: 7, transactionId: nil)
        let ticket = waits.add(deadline: deadline, answer: answer, request: request, header: header)
        return (ticket, answer, promise.futureResult)
    }

    @Test func onlyOverdueUnansweredSendsTimeOutAndEachIsAnsweredOnce() throws {
        let loop = EmbeddedEventLoop()
        let waits = FlushWaits()
        let now = NIODeadline.now()
        let overdue = Self.waiter(loop, waits, deadline: now - .milliseconds(1), opaque: 1)
        let pending = Self.waiter(loop, waits, deadline: now + .seconds(60), opaque: 2)
        let flushed = Self.waiter(loop, waits, deadline: now - .milliseconds(1), opaque: 3)
        #expect(waits.count == 3)

        // The third one's flush finished before the sweep: its own answer stands.
        waits.remove(flushed.ticket)
        flushed.answer.succeed(RemotingCommand.request(.sendMessage).response(.success))
        waits.expire(now: now)

        let timedOut = try #require(try overdue.future.wait())
        #expect(timedOut.code == ResponseCode.flushDiskTimeout.rawValue)
        #expect(timedOut.opaque == 1 && timedOut.extFields["msgId"] == "M1")
        #expect(try flushed.future.wait()?.code == ResponseCode.success.rawValue)
        #expect(waits.count == 1)

        // A flush that finishes after the sweep answered does not answer again (CompleteOnce), and later sweeps
        // leave the pending send alone until its deadline.
        overdue.answer.succeed(RemotingCommand.request(.sendMessage).response(.success))
        #expect(try overdue.future.wait()?.code == ResponseCode.flushDiskTimeout.rawValue)
        waits.expire(now: now + .seconds(59))
        #expect(waits.count == 1)
        waits.expire(now: now + .seconds(61))
        #expect(waits.count == 0)
        #expect(try pending.future.wait()?.code == ResponseCode.flushDiskTimeout.rawValue)
    }
}
