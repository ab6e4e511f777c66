import Foundation
import Logging
import MQProtocol
import MQRemoting
import MQStore
import NIOConcurrencyHelpers
import NIOCore

/// What `mqadmin broker start` runs: a name server, a broker, or both, over TCP.
public struct ServerOptions: Sendable {
    public var role: BrokerRole = .all
    public var nameServerListen = "127.0.0.1:9876"
    public var brokerListen = "127.0.0.1:10911"
    public var broker: BrokerConfig
    /// Further listeners serving this broker (`broker start --grpc-listen`); bound with the broker's port.
    public var frontEnds: [any BrokerFrontEnd] = []

    public init(dataDirectory: String) {
        broker = BrokerConfig(dataDirectory: dataDirectory, advertisedAddress: "127.0.0.1:10911")
    }
}

/// A request processor that answers SYSTEM_BUSY until the real one is ready, so ports can be bound
/// (and a port conflict reported) before the data directory is touched.
final class LateBoundProcessor: RequestProcessor {
    private let target = NIOLockedValueBox<(any RequestProcessor)?>(nil)

    func set(_ processor: any RequestProcessor) { target.withLockedValue { $0 = processor } }

    func process(_ request: RemotingCommand, from peer: any RemotingPeer) -> ProcessResult {
        guard let p = target.withLockedValue({ $0 }) else {
            return .response(request.response(.systemBusy, remark: "[REJECTREQUEST]system busy, broker is starting"))
        }
        return p.process(request, from: peer)
    }

    func peerDidConnect(_ peer: any RemotingPeer) { target.withLockedValue { $0 }?.peerDidConnect(peer) }
    func peerDidDisconnect(_ peer: any RemotingPeer) { target.withLockedValue { $0 }?.peerDidDisconnect(peer) }
}

/// Runs the servers of a role; start checks the data directory, binds, locks it, opens the store, registers,
/// then logs.
public final class MQServer: Sendable {
    public let options: ServerOptions
    private let group: any EventLoopGroup
    private let logger: Logger
    private struct Running {
        var nameServer: RemotingServer?
        var nameServerProcessor: NameServerProcessor?
        var nameServerGate: NameServerAuthGate?
        var brokerServer: RemotingServer?
        var controller: BrokerController?
        var client: RemotingClient?
        var lock: DataDirectoryLock?
        var scan: RepeatedTask?
        var nameServerAddress: String?
        var brokerAddress: String?
        var frontEndAddresses: [String: String] = [:]
    }
    private let running = NIOLockedValueBox(Running())

    public init(options: ServerOptions, group: any EventLoopGroup, logger: Logger) {
        self.options = options
        self.group = group
        self.logger = logger
    }

    public var nameServerAddress: String? { running.withLockedValue { $0.nameServerAddress } }
    public var brokerAddress: String? { running.withLockedValue { $0.brokerAddress } }
    public var controller: BrokerController? { running.withLockedValue { $0.controller } }
    /// The bound address of each front end by its name (e.g. "grpc"), once started.
    public var frontEndAddresses: [String: String] { running.withLockedValue { $0.frontEndAddresses } }

    public func start() async throws {
        do {
            try await startServers()
        } catch {
            await stop()
            throw error
        }
    }

    private func startServers() async throws {
        let runsNameServer = options.role != .broker
        let runsBroker = options.role != .namesrv
        // Refusals come before anything is bound, and nothing is logged as listening until everything
        // is: a second broker on the same data directory is told so (not about the port it also wants),
        // and a busy port leaves no data directory behind.
        if runsBroker {
            try DataDirectoryLock.check(dataDirectory: options.broker.dataDirectory)
        }
        var started: [String] = []
        var nameServerAddress: String?
        if runsNameServer {
            let (host, port) = try Self.split(options.nameServerListen, what: "--listen")
            // Apache keeps it in ~/namesrv/kvConfig.json; here under the data directory.
            let processor = try NameServerProcessor(
                routes: RouteInfoManager(logger: logger), logger: logger,
                kvConfigPath: options.broker.dataDirectory + "/namesrv/kvConfig.json")
            // With auth on, the bundled name server checks requests against its broker's users and ACLs.
            let gate = runsBroker && options.broker.auth.enabled ? NameServerAuthGate(wrapping: processor) : nil
            running.withLockedValue { $0.nameServerGate = gate }
            let server = RemotingServer(
                host: host, port: port, group: group, processor: gate ?? processor, logger: logger)
            try await server.start()
            let bound = server.localAddress.map { "\(host):\($0.port)" } ?? options.nameServerListen
            nameServerAddress = bound
            processor.settings.withLockedValue {
                $0.listenHost = host
                $0.listenPort = server.localAddress?.port ?? port
            }
            let every = TimeAmount.milliseconds(processor.settings.withLockedValue { $0.scanNotActiveBrokerInterval })
            let scan = group.next().scheduleRepeatedTask(initialDelay: every, delay: every) { _ in
                processor.scanNotActiveBrokers()
            }
            running.withLockedValue {
                $0.nameServer = server
                $0.nameServerProcessor = processor
                $0.nameServerAddress = bound
                $0.scan = scan
            }
            started.append("name server listening on \(bound)")
        }
        guard runsBroker else {
            for line in started { logger.info("\(line)") }
            return
        }

        let (host, port) = try Self.split(options.brokerListen, what: "--broker-listen")
        let late = LateBoundProcessor()
        let brokerServer = RemotingServer(host: host, port: port, group: group, processor: late, logger: logger)
        running.withLockedValue { $0.brokerServer = brokerServer }
        try await brokerServer.start()
        let boundPort = brokerServer.localAddress?.port ?? port
        var frontEndAddresses: [String: String] = [:]
        for frontEnd in options.frontEnds {
            frontEndAddresses[frontEnd.name] = try await frontEnd.bind()
        }
        running.withLockedValue { $0.frontEndAddresses = frontEndAddresses }
        let lock = try DataDirectoryLock.acquire(dataDirectory: options.broker.dataDirectory)
        running.withLockedValue { $0.lock = lock }

        var config = options.broker
        let advertisedHost = host == "0.0.0.0" || host == "::" ? Self.primaryAddress() : host
        config.advertisedAddress = "\(advertisedHost):\(boundPort)"
        if let nameServerAddress, !config.nameServerAddresses.contains(nameServerAddress) {
            config.nameServerAddresses.insert(nameServerAddress, at: 0)
        }
        guard !config.nameServerAddresses.isEmpty else {
            throw BrokerError.invalidConfiguration(
                "a broker-only process needs a name server to register with; pass --namesrv HOST:PORT")
        }
        let client = RemotingClient(group: group, logger: logger)
        running.withLockedValue { $0.client = client }
        let controller = try BrokerController(config: config, group: group, invoker: client, logger: logger)
        running.withLockedValue {
            $0.controller = controller
            $0.brokerAddress = config.advertisedAddress
        }
        let auth = controller.core.auth
        if config.auth.enabled { client.signer = InternalSigner.register(in: auth.store) }
        late.set(controller.core)
        running.withLockedValue { $0.nameServerGate }?.set(auth)
        await controller.start()
        for frontEnd in options.frontEnds { frontEnd.attach(controller.core) }
        lock.publish(
            RunningBrokerInfo(
                pid: getpid(), nameServer: nameServerAddress ?? config.nameServerAddresses.first,
                broker: config.advertisedAddress, startedAt: nowMillis(), grpc: frontEndAddresses["grpc"]))
        started.append(
            "broker \(config.brokerName) of cluster \(config.clusterName) listening on \(config.advertisedAddress), flush \(config.store.flushMode.rawValue), data \(config.dataDirectory)"
        )
        for (name, address) in frontEndAddresses.sorted(by: { $0.key < $1.key }) {
            started.append("\(name) endpoint of broker \(config.brokerName) listening on \(address)")
        }
        for line in started { logger.info("\(line)") }
    }

    /// Graceful stop: stop accepting, finish in-flight work, flush and close the store, release the lock.
    public func stop() async {
        let r = running.withLockedValue { r -> Running in
            defer { r = Running() }
            return r
        }
        // Every front end, bound or not: stopping releases what it holds on the event loops while they still run.
        for frontEnd in options.frontEnds { await frontEnd.stop() }
        if let server = r.brokerServer { await server.stop() }
        if let controller = r.controller { await controller.shutdown() }
        r.scan?.cancel()
        if let server = r.nameServer { await server.stop() }
        await r.nameServerProcessor?.shutdown()
        if let client = r.client { await client.close() }
        r.lock?.release()
    }

    static func split(_ address: String, what: String) throws -> (String, Int) {
        do {
            let endpoint = try HostPort(address, what: what)
            return (endpoint.host, endpoint.port)
        } catch {
            throw BrokerError.invalidConfiguration(error.description)
        }
    }

    /// The first non-loopback IPv4 address, for advertising a broker bound to all interfaces.
    public static func primaryAddress() -> String {
        var addrs: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&addrs) == 0, let first = addrs else { return "127.0.0.1" }
        defer { freeifaddrs(addrs) }
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let ifa = cursor {
            defer { cursor = ifa.pointee.ifa_next }
            guard let sa = ifa.pointee.ifa_addr, sa.pointee.sa_family == UInt16(AF_INET) else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(sa, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 {
                let s = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if !s.hasPrefix("127.") { return s }
            }
        }
        return "127.0.0.1"
    }
}
