import MQBroker
import MQProtocol
import MQRemoting
import NIOCore
import Synchronization

/// A v5 client as the broker's consumer and producer tables see it: one per client id, so the registration its
/// settings and heartbeats make, and its termination, name the same peer (the tables key on `peer.id`).
final class GrpcClientPeer: ForeignClientPeer {
    let id = ConnectionID.next()
    let remoteAddress: String
    let localAddress: String
    let eventLoop: any EventLoop
    /// What the connection listings report for the client (design §4.9): `x-mq-protocol` and
    /// `x-mq-client-version` of the call that made the peer.
    let clientProtocol: String
    let clientVersion: String
    private let active = Atomic<Bool>(true)
    /// The client's open Telemetry stream (its id and outbound half): where orphaned-transaction checks go.
    private let telemetry = Mutex<(id: UInt64, out: AsyncStream<V2Telemetry>.Continuation)?>(nil)

    init(call: GrpcCall, localAddress: String, eventLoop: any EventLoop) {
        self.remoteAddress = call.remoteAddress
        self.localAddress = localAddress
        self.eventLoop = eventLoop
        self.clientProtocol = call.protocolName
        self.clientVersion = call.clientVersion
    }

    var isActive: Bool { active.load(ordering: .acquiring) }

    /// The Telemetry stream `id` now carries what the broker sends this client.
    func attach(stream id: UInt64, _ out: AsyncStream<V2Telemetry>.Continuation) {
        telemetry.withLock { $0 = (id, out) }
    }

    /// Stream `id` ended: nothing goes to it any more (a newer stream of the client stays). True when it was the
    /// client's stream (no newer one replaced it).
    @discardableResult
    func detach(stream id: UInt64) -> Bool {
        telemetry.withLock { current in
            guard current?.id == id else { return false }
            current = nil
            return true
        }
    }

    /// The broker's transaction check (CHECK_TRANSACTION_STATE) becomes a RecoverOrphanedTransactionCommand on the
    /// client's Telemetry stream (design pop-grpc.md §2.3); without a stream it is dropped and the next check round
    /// asks again. Other notices of the remoting protocol (NOTIFY_CONSUMER_IDS_CHANGED) mean nothing to a v5
    /// client, whose queues the broker assigns: dropped.
    func sendOneway(_ command: RemotingCommand) {
        guard let recover = GrpcRecoverCommand.make(from: command) else { return }
        let out = telemetry.withLock { $0?.out }
        out?.yield(recover)
    }

    /// Server→client requests (GET_CONSUMER_RUNNING_INFO, CONSUME_MESSAGE_DIRECTLY) fail at once rather than time
    /// out: a v5 client has no such calls.
    func sendRequest(_ command: RemotingCommand, timeout: TimeAmount) -> EventLoopFuture<RemotingCommand> {
        let why = "request \(command.code) is not supported for gRPC (RocketMQ 5) clients"
        return eventLoop.makeFailedFuture(RemotingError.sendFailed(address: remoteAddress, reason: why))
    }

    func close() {
        active.store(false, ordering: .releasing)
        telemetry.withLock { $0 = nil }
    }
}
