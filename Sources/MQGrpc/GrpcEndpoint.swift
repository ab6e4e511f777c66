import GRPCCore
import GRPCNIOTransportHTTP2
import Logging
import MQBroker
import MQProtocol
import MQRemoting
import NIOPosix
import Synchronization

/// The RocketMQ 5 gRPC endpoint (`broker start --grpc-listen`): apache.rocketmq.v2.MessagingService over HTTP/2
/// (plaintext) on the broker's own event loop group, in front of the broker's `BrokerCore`. Apache runs this as
/// a separate proxy; here it is a front end of the broker process (design pop-grpc.md §4).
public final class GrpcEndpoint: BrokerFrontEnd {
    public let name = "grpc"
    let host: String
    let port: Int
    let state: GrpcEndpointState
    /// Dropped at stop: the transport's deinit completes promises on the event loops, which must still run then
    /// (after the group shut down NIO reports "Cannot schedule tasks on an EventLoop that has already shut down").
    private let server: Mutex<GRPCServer<HTTP2ServerTransport.Posix>?>
    /// `serve()` running; its error, if it failed, is the task's value.
    private let serving = Mutex<Task<(any Error)?, Never>?>(nil)
    /// The renewal scan (GrpcRenewer), from attach to stop.
    private let renewing = Mutex<Task<Void, Never>?>(nil)

    /// `group` must be the broker's event loop group (grpc-swift's transport needs a
    /// MultiThreadedEventLoopGroup); no threads are added. `maxMessageSize` bounds a request's payload: the
    /// broker's largest message plus room for its properties, so a big send is refused by the broker with a status
    /// rather than by the transport.
    /// `renew`: how push consumers' handles are renewed (Apache's defaults; tests shorten them).
    public init(
        host: String, port: Int, group: MultiThreadedEventLoopGroup, maxMessageSize: Int, logger: Logger,
        renew: GrpcRenewPolicy = .init()
    ) {
        self.host = host
        self.port = port
        state = GrpcEndpointState(group: group, logger: logger, renew: renew)
        var config = HTTP2ServerTransport.Posix.Config.defaults
        config.rpc.maxRequestPayloadSize = maxMessageSize + 1024 * 1024
        // Java v5 clients ping idle connections; grpc-swift's default would answer them with GOAWAY.
        config.connection.keepalive.clientBehavior = .init(
            minPingIntervalWithoutCalls: .seconds(10), allowWithoutCalls: true)
        let transport = HTTP2ServerTransport.Posix(
            address: host.contains(":") ? .ipv6(host: host, port: port) : .ipv4(host: host, port: port),
            transportSecurity: .plaintext, config: config,
            eventLoopGroup: group)
        server = Mutex(GRPCServer(transport: transport, services: [MessagingService(state: state)]))
    }

    public func bind() async throws -> String {
        guard let server = self.server.withLock({ $0 }) else {
            throw RemotingError.bindFailed(address: "\(host):\(port)", reason: "the gRPC endpoint was stopped")
        }
        let state = self.state
        let task = Task { () -> (any Error)? in
            do {
                try await server.serve()
                return nil
            } catch {
                // A failure to bind is the start's error (below); a failure later ends the endpoint: say so.
                if !state.listenAddress.isEmpty { state.logger.error("gRPC endpoint stopped: \(error)") }
                return error
            }
        }
        serving.withLock { $0 = task }
        let display = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        let bound: Int
        do {
            let address = try await server.transport.listeningAddress
            guard let p = address.ipv4?.port ?? address.ipv6?.port else {
                throw RemotingError.bindFailed(address: display, reason: "bound to \(address), not an IP address")
            }
            bound = p
        } catch let error as RemotingError {
            throw error
        } catch {
            // serve() has failed by now; grpc-swift wraps the socket error, whose innermost cause names it.
            let cause = await task.value ?? error
            throw RemotingError.bindFailed(address: display, reason: SystemErrorText.describe(Self.innermost(cause)))
        }
        // Routes name an address clients can dial: a wildcard bind is advertised as this host's primary address.
        let advertised = host == "0.0.0.0" || host == "::" ? MQServer.primaryAddress() : host
        state.bound(host: advertised, port: bound)
        return host.contains(":") ? "[\(host)]:\(bound)" : "\(host):\(bound)"
    }

    static func innermost(_ error: any Error) -> any Error {
        var current: any Error = error
        while true {
            if let e = current as? RuntimeError, let cause = e.cause {
                current = cause
            } else if let e = current as? RPCError, let cause = e.cause {
                current = cause
            } else {
                return current
            }
        }
    }

    public func attach(_ core: BrokerCore) {
        state.attach(core)
        let state = self.state
        renewing.withLock { $0 = Task { await GrpcRenewer(state: state).run() } }
    }

    public func stop() async {
        let renewal = renewing.withLock { t -> Task<Void, Never>? in
            defer { t = nil }
            return t
        }
        renewal?.cancel()
        await renewal?.value
        // As Apache's proxy at shutdown: the handles it renewed come back promptly, not after up to an hour.
        await GrpcRenewer(state: state).releaseAll()
        state.finishStreams()
        let server = self.server.withLock { s in
            defer { s = nil }
            return s
        }
        server?.beginGracefulShutdown()
        let task = serving.withLock { t -> Task<(any Error)?, Never>? in
            defer { t = nil }
            return t
        }
        _ = await task?.value
    }

    /// The clients that sent settings and did not terminate (for tests and, later, admin listings).
    var clients: [String: GrpcClients.Client] { state.clients.all }
}
