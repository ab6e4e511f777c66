import MQProtocol
import MQRemoting
import NIOCore
import Synchronization

/// A v5 client as the broker's consumer and producer tables see it: one per client id, so the registration its
/// settings and heartbeats make, and its termination, name the same peer (the tables key on `peer.id`).
final class GrpcClientPeer: RemotingPeer {
    let id = ConnectionID.next()
    let remoteAddress: String
    let localAddress: String
    let eventLoop: any EventLoop
    private let active = Atomic<Bool>(true)

    init(remoteAddress: String, localAddress: String, eventLoop: any EventLoop) {
        self.remoteAddress = remoteAddress
        self.localAddress = localAddress
        self.eventLoop = eventLoop
    }

    var isActive: Bool { active.load(ordering: .acquiring) }

    /// Server→client notices of the remoting protocol (NOTIFY_CONSUMER_IDS_CHANGED) mean nothing to a v5 client,
    /// whose queues the broker assigns: dropped. (Orphaned-transaction checks go through Telemetry in step 3.)
    func sendOneway(_ command: RemotingCommand) {}

    /// Server→client requests (GET_CONSUMER_RUNNING_INFO, CONSUME_MESSAGE_DIRECTLY) fail at once rather than time
    /// out: a v5 client has no such calls.
    func sendRequest(_ command: RemotingCommand, timeout: TimeAmount) -> EventLoopFuture<RemotingCommand> {
        let why = "request \(command.code) is not supported for gRPC (RocketMQ 5) clients"
        return eventLoop.makeFailedFuture(RemotingError.sendFailed(address: remoteAddress, reason: why))
    }

    func close() { active.store(false, ordering: .releasing) }
}
