import Logging
import MQBroker
import MQProtocol
import MQRemoting
import NIOCore
import NIOPosix
import Synchronization

/// What the service's calls share: the broker (once attached), the known clients, the open Telemetry streams.
final class GrpcEndpointState: Sendable {
    let group: MultiThreadedEventLoopGroup
    let logger: Logger
    let clients = GrpcClients()
    /// The push consumers' handles the endpoint renews, and how (GrpcRenewer).
    let handles = GrpcReceiptHandles()
    let renew: GrpcRenewPolicy
    /// Round-robin position of sends without a message group.
    let sendCounter = Atomic<UInt64>(0)
    private let core = Mutex<BrokerCore?>(nil)
    /// The endpoint routes name when the client's request names none: the bound address.
    private let endpoints = Mutex(V2Endpoints())
    private let localAddress = Mutex("")
    /// Outbound halves of the open Telemetry streams, finished at stop so that their calls end (a stream lives as
    /// long as its client, and a graceful shutdown waits for every call).
    private let streams = Mutex<(next: UInt64, open: [UInt64: AsyncStream<V2Telemetry>.Continuation], stopped: Bool)>(
        (0, [:], false))

    init(group: MultiThreadedEventLoopGroup, logger: Logger, renew: GrpcRenewPolicy = .init()) {
        self.group = group
        self.logger = logger
        self.renew = renew
    }

    var broker: BrokerCore? { core.withLock { $0 } }
    func attach(_ broker: BrokerCore) { core.withLock { $0 = broker } }

    var routeEndpoints: V2Endpoints { endpoints.withLock { $0 } }
    var listenAddress: String { localAddress.withLock { $0 } }

    func bound(host: String, port: Int) {
        var address = Apache_Rocketmq_V2_Address()
        address.host = host
        address.port = Int32(port)
        var e = V2Endpoints()
        e.scheme = host.contains(":") ? .ipv6 : (host.allSatisfy { $0.isNumber || $0 == "." } ? .ipv4 : .domainName)
        e.addresses = [address]
        endpoints.withLock { $0 = e }
        localAddress.withLock { $0 = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
    }

    /// Registers a stream's outbound continuation; nil once stopping (the call then ends at once).
    func openStream(_ continuation: AsyncStream<V2Telemetry>.Continuation) -> UInt64? {
        streams.withLock { s in
            guard !s.stopped else { return nil }
            s.next += 1
            s.open[s.next] = continuation
            return s.next
        }
    }

    func closeStream(_ id: UInt64) { _ = streams.withLock { $0.open.removeValue(forKey: id) } }

    /// Ends every open Telemetry stream and refuses new ones.
    func finishStreams() {
        let open = streams.withLock { s in
            s.stopped = true
            defer { s.open = [:] }
            return Array(s.open.values)
        }
        for continuation in open { continuation.finish() }
    }

    /// Runs `request` through the broker's registry handler (no ACL check: the caller authorized the gRPC call) on
    /// the peer's event loop, as the remoting transport would, and returns its response.
    func call(_ request: RemotingCommand, core: BrokerCore, peer: any RemotingPeer) async throws -> RemotingCommand {
        let loop = peer.eventLoop
        let future: EventLoopFuture<RemotingCommand?> = loop.flatSubmit {
            switch core.processAuthorized(request, from: peer) {
            case .response(let response): return loop.makeSucceededFuture(response)
            case .deferred(let later): return later
            case .noResponse: return loop.makeSucceededFuture(nil)
            }
        }
        guard let response = try await future.get() else {
            return request.response(.systemError, remark: "no response")
        }
        return response
    }
}
