import MQProtocol
import MQRemoting

extension BrokerCore {
    /// Under sync flush, answers a successful UPDATE_CONSUMER_OFFSET only once the offset journal is
    /// on disk (one fdatasync shared by every commit pending at that moment), so an acknowledged
    /// commit never goes backwards after a crash. Async flush answers at once, as Apache does.
    func afterOffsetCommit(_ request: RemotingCommand, _ response: RemotingCommand, peer: any RemotingPeer)
        -> ProcessResult
    {
        guard config.store.flushMode == .sync, response.code == ResponseCode.success.rawValue else {
            return .response(response)
        }
        let promise = peer.eventLoop.makePromise(of: RemotingCommand?.self)
        let offsets = self.offsets
        offsets.whenCommitsDurable { ok in
            guard ok else {
                let why = offsets.journalFailure ?? "the offset journal is closed"
                let remark = "consumer offset not persisted: \(why); check the disk and restart the broker"
                promise.succeed(request.response(.systemError, remark: remark))
                return
            }
            promise.succeed(response)
        }
        return .deferred(promise.futureResult)
    }
}
