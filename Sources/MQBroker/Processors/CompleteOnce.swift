import MQProtocol
import NIOConcurrencyHelpers
import NIOCore

/// Completes a promise from whichever of several racing paths gets there first (e.g. flushed vs timed out).
final class CompleteOnce: Sendable {
    private let promise: EventLoopPromise<RemotingCommand?>
    private let done = NIOLockedValueBox(false)

    init(_ promise: EventLoopPromise<RemotingCommand?>) {
        self.promise = promise
    }

    func succeed(_ value: RemotingCommand?) {
        let first = done.withLockedValue { d -> Bool in
            defer { d = true }
            return !d
        }
        if first { promise.succeed(value) }
    }
}
