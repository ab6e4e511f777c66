import Foundation
import Logging
import MQProtocol
import MQRemoting
import MQStore
import NIOConcurrencyHelpers
import NIOCore

/// A name server and broker served in-process (no sockets) on a data directory: what `mqadmin`
/// commands use when no name server is configured and no broker is running on that directory.
///
/// It answers at the same addresses a default `mqadmin broker start` listens on, so offset message
/// ids stay valid whichever way the data directory is served.
public final class EmbeddedBroker: Sendable {
    public static let nameServerAddress = "127.0.0.1:9876"
    public static let brokerAddress = "127.0.0.1:10911"

    public let dataDirectory: String
    private let group: any EventLoopGroup
    private let logger: Logger
    private struct Running {
        var lock: DataDirectoryLock?
        var nameServer: NameServerProcessor?
        var controller: BrokerController?
        var invoker: InProcessInvoker?
    }
    private let running = NIOLockedValueBox(Running())

    public init(dataDirectory: String, group: any EventLoopGroup, logger: Logger) {
        self.dataDirectory = dataDirectory
        self.group = group
        self.logger = logger
    }

    public var controller: BrokerController? { running.withLockedValue { $0.controller } }

    /// Takes the data directory, opens the store and serves both roles through `invoker`.
    public func start(invoker: InProcessInvoker, configure: (inout BrokerConfig) -> Void = { _ in }) async throws {
        let lock = try DataDirectoryLock.acquire(dataDirectory: dataDirectory)
        running.withLockedValue { $0.lock = lock }
        do {
            let ns = try NameServerProcessor(
                routes: RouteInfoManager(logger: logger), logger: logger,
                kvConfigPath: dataDirectory + "/namesrv/kvConfig.json")
            invoker.register(address: Self.nameServerAddress, processor: ns)
            running.withLockedValue { $0.nameServer = ns }
            var config = BrokerConfig(dataDirectory: dataDirectory, advertisedAddress: Self.brokerAddress)
            config.nameServerAddresses = [Self.nameServerAddress]
            configure(&config)
            let controller = try BrokerController(config: config, group: group, invoker: invoker, logger: logger)
            // ACL admin codes are served in-process too; checks apply only if the configuration turns auth on.
            invoker.register(address: Self.brokerAddress, processor: controller.core)
            running.withLockedValue {
                $0.controller = controller
                $0.invoker = invoker
            }
            await controller.start()
        } catch {
            await stop()
            throw error
        }
    }

    /// Persists metadata, closes the store, releases the data directory.
    public func stop() async {
        let r = running.withLockedValue { r -> Running in
            defer { r = Running() }
            return r
        }
        // No new request reaches the broker once it starts shutting down; the name server stays until the
        // broker has unregistered from it.
        r.invoker?.unregister(address: Self.brokerAddress)
        if let controller = r.controller { await controller.shutdown() }
        r.invoker?.unregister(address: Self.nameServerAddress)
        await r.nameServer?.shutdown()
        r.lock?.release()
    }
}
