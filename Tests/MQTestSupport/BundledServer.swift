import Foundation
import Logging
import MQBroker
import MQClient
import MQProtocol
import NIOPosix

/// A bundled name server and broker in one process (what `broker start` runs) over TCP on loopback, ports chosen
/// by the OS. `InProcessCluster` runs them as separate servers; this is the one-process shape users start.
public struct BundledServer: Sendable {
    public let server: MQServer
    public let group: MultiThreadedEventLoopGroup
    public let directory: TempDirectory
    public let logger: Logger

    public var broker: String { server.brokerAddress! }
    public var nameServer: String { server.nameServerAddress! }

    /// Starts the server (`configure` adjusts its options first), runs `body` with it, and stops it (the server,
    /// its event loops, its directory), awaited, whether `body` returned or threw.
    public static func with<T>(
        isolation: isolated (any Actor)? = #isolation, label: String = "bundled",
        configure: (inout ServerOptions) -> Void = { _ in }, _ body: (BundledServer) async throws -> T
    ) async throws -> T {
        let dir = try TempDirectory(label)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        var logger = Logger(label: label)
        logger.logLevel = .error
        var options = ServerOptions(dataDirectory: dir.sub("data"))
        options.nameServerListen = "127.0.0.1:0"
        options.brokerListen = "127.0.0.1:0"
        configure(&options)
        let server = BundledServer(
            server: MQServer(options: options, group: group, logger: logger), group: group, directory: dir,
            logger: logger)
        return try await withTeardown {
            try await server.server.start()
            return try await body(server)
        } teardown: {
            await server.stop()
        }
    }

    /// A client of this server signing its requests as `user` (authentication on).
    public func client(user: String, password: String) -> MQClientInstance {
        MQClientInstance(
            nameServers: [nameServer], group: group, timeout: .seconds(5),
            signer: AclSigner(accessKey: user, secretKey: password), logger: logger)
    }

    public func stop() async {
        await server.stop()
        try? await group.shutdownGracefully()
        directory.remove()
    }
}
