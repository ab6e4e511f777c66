import Foundation
import Logging
import MQBroker
import MQClient
import MQProtocol
import MQStore
import NIOCore
import NIOPosix
import Synchronization

/// Name server(s) and brokers running in this process over real TCP on loopback, ports chosen by the OS.
public final class InProcessCluster: Sendable {
    public let group: MultiThreadedEventLoopGroup
    public let directory: TempDirectory
    public let nameServer: MQServer
    public let brokers: [MQServer]
    public let logger: Logger
    /// What `stop()` still has to do before stopping the servers: the `onStop` actions and the clients handed out.
    private let pending = Mutex(PendingTeardown())

    private struct PendingTeardown {
        var actions: [@Sendable () async -> Void] = []
        var clients: [MQClientInstance] = []
        var stopped = false
    }

    public var nameServerAddress: String { nameServer.nameServerAddress! }

    /// Starts a name server and `brokers` brokers (names broker-a, broker-b, ...) in one cluster.
    public static func start(
        brokers count: Int = 1, flush: FlushMode = .async, configure: @Sendable (inout BrokerConfig) -> Void = { _ in }
    ) async throws -> InProcessCluster {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let dir = try TempDirectory("cluster")
        var logger = Logger(label: "test")
        logger.logLevel = ProcessInfo.processInfo.environment["MQ_TEST_LOG"] != nil ? .debug : .warning
        var nsOptions = ServerOptions(dataDirectory: dir.sub("namesrv"))
        nsOptions.role = .namesrv
        nsOptions.nameServerListen = "127.0.0.1:0"
        let ns = MQServer(options: nsOptions, group: group, logger: logger)
        try await startOrStopAll(ns, started: [], nameServer: ns, group: group, directory: dir)
        var servers: [MQServer] = []
        for i in 0..<count {
            let name = "broker-" + String(UnicodeScalar(UInt8(97 + i)))
            var options = ServerOptions(dataDirectory: dir.sub(name))
            options.role = .broker
            options.brokerListen = "127.0.0.1:0"
            options.broker.brokerName = name
            options.broker.nameServerAddresses = [ns.nameServerAddress!]
            options.broker.store.flushMode = flush
            configure(&options.broker)
            let server = MQServer(options: options, group: group, logger: logger)
            servers.append(server)
            try await startOrStopAll(server, started: servers, nameServer: ns, group: group, directory: dir)
        }
        return InProcessCluster(group: group, directory: dir, nameServer: ns, brokers: servers, logger: logger)
    }

    init(group: MultiThreadedEventLoopGroup, directory: TempDirectory, nameServer: MQServer, brokers: [MQServer], logger: Logger) {
        self.group = group
        self.directory = directory
        self.nameServer = nameServer
        self.brokers = brokers
        self.logger = logger
    }

    /// Starts `server`; if that fails, stops everything started so far (awaited) before rethrowing, so a
    /// failed start leaves no port, thread or directory behind.
    private static func startOrStopAll(
        _ server: MQServer, started: [MQServer], nameServer: MQServer, group: MultiThreadedEventLoopGroup,
        directory: TempDirectory
    ) async throws {
        do {
            try await server.start()
        } catch {
            for b in started where b !== nameServer { await b.stop() }
            await nameServer.stop()
            try? await group.shutdownGracefully()
            directory.remove()
            throw error
        }
    }

    /// A client connected to this cluster's name server; `stop()` shuts it down if the test did not.
    public func client(timeout: Duration = .seconds(5)) -> MQClientInstance {
        let client = MQClientInstance(nameServers: [nameServerAddress], group: group, timeout: timeout, logger: logger)
        pending.withLock { $0.clients.append(client) }
        return client
    }

    /// Registers `action` (a consumer's shutdown, say) to run when the cluster stops, awaited, before its
    /// clients and servers stop; the last registered runs first.
    public func onStop(_ action: @escaping @Sendable () async -> Void) {
        pending.withLock { $0.actions.append(action) }
    }

    /// Runs the `onStop` actions, shuts down the clients handed out, stops the brokers and the name server and
    /// removes the directory. Later calls do nothing.
    public func stop() async {
        let (actions, clients, first) = pending.withLock { state in
            defer { state = PendingTeardown(stopped: true) }
            return (state.actions, state.clients, !state.stopped)
        }
        guard first else { return }
        for action in actions.reversed() { await action() }
        for client in clients { await client.shutdown() }
        for b in brokers { await b.stop() }
        await nameServer.stop()
        try? await group.shutdownGracefully()
        directory.remove()
    }
}
