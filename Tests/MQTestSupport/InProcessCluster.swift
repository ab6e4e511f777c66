import Foundation
import Logging
import MQBroker
import MQClient
import MQProtocol
import MQStore
import NIOCore
import NIOPosix

/// Name server(s) and brokers running in this process over real TCP on loopback, ports chosen by the OS.
public final class InProcessCluster: Sendable {
    public let group: MultiThreadedEventLoopGroup
    public let directory: TempDirectory
    public let nameServer: MQServer
    public let brokers: [MQServer]
    public let logger: Logger

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
        try await ns.start()
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
            try await server.start()
            servers.append(server)
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

    /// A client connected to this cluster's name server.
    public func client(timeout: Duration = .seconds(5)) -> MQClientInstance {
        MQClientInstance(nameServers: [nameServerAddress], group: group, timeout: timeout, logger: logger)
    }

    public func stop() async {
        for b in brokers { await b.stop() }
        await nameServer.stop()
        try? await group.shutdownGracefully()
        directory.remove()
    }
}
