import Foundation
import Logging
import MQBroker
import MQClient
import MQRemoting
import NIOCore
import NIOPosix

/// A command's connection: to a cluster over TCP, to a running bundled broker, or to the bundled
/// broker opened in-process on the data directory.
final class Session: Sendable {
    enum Target: Sendable, Equatable {
        case cluster([String])
        /// A `mqadmin broker start` holding the data directory: its name server, and the directory.
        case runningBroker(String, String)
        case embedded(String)
    }

    let client: MQClientInstance
    let target: Target
    /// The context the target came from, if any (named in reports; its read-only flag guards REPL commands).
    let context: ConnectionContext?
    private let embedded: EmbeddedBroker?

    private init(client: MQClientInstance, target: Target, context: ConnectionContext?, embedded: EmbeddedBroker?) {
        self.client = client
        self.target = target
        self.context = context
        self.embedded = embedded
    }

    static var group: any EventLoopGroup { MultiThreadedEventLoopGroup.singleton }

    static let logger: Logger = {
        let level = Console.process.environment["MQADMIN_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .error
        return Logs.make("mqadmin", level: level)
    }()

    /// Resolves where to send requests (`ConnectionOptions.resolveTarget`: flags, contexts, environment; then a
    /// running bundled broker or the embedded one). With no
    /// name server the bundled broker is used only when one runs on the data directory or the directory
    /// already holds a store: a command never creates a store it was not asked to (`broker start`, `demo` do).
    static func open(_ options: ConnectionOptions) async throws -> Session {
        let timeout = Duration.milliseconds(options.timeout)
        let resolved = try options.resolveTarget()
        let nameServers = resolved.nameServers
        let signer = try options.signer(for: resolved)
        if !nameServers.isEmpty {
            let client = remote(nameServers, timeout: timeout, signer: signer)
            return Session(client: client, target: .cluster(nameServers), context: resolved.context, embedded: nil)
        }
        let dir = resolved.dataDirectory ?? ConnectionOptions.dataDirectory(flag: nil)
        if DataDirectoryLock.isHeld(dataDirectory: dir), let info = DataDirectoryLock.readInfo(dataDirectory: dir),
            let ns = info.nameServer
        {
            let client = remote([ns], timeout: timeout, signer: signer)
            return Session(client: client, target: .runningBroker(ns, dir), context: nil, embedded: nil)
        }
        guard BundledStore.exists(dataDirectory: dir) else {
            AuditRun.current?.recordNoTarget()
            throw BundledStore.noTarget(dataDirectory: dir)
        }
        let (client, invoker) = MQClientInstance.inProcess(
            nameServers: [EmbeddedBroker.nameServerAddress], group: group, timeout: timeout, logger: logger)
        invoker.signer = signer
        let broker = EmbeddedBroker(dataDirectory: dir, group: group, logger: logger)
        try await broker.start(invoker: invoker)
        return Session(client: client, target: .embedded(dir), context: nil, embedded: broker)
    }

    /// A client over TCP on the running command's transport (`CommandTransport`). The blocking one creates
    /// no event-loop group: `group` (NIO's lazily started singleton) is never touched on that path.
    private static func remote(
        _ nameServers: [String], timeout: Duration, signer: (any RequestSigner)?
    ) -> MQClientInstance {
        switch CommandTransport.current {
        case .blocking:
            return MQClientInstance.blocking(nameServers: nameServers, timeout: timeout, signer: signer, logger: logger)
        case .eventLoop:
            return MQClientInstance(
                nameServers: nameServers, group: group, timeout: timeout, signer: signer, logger: logger)
        }
    }

    /// The REPL's long-lived session: commands run inside it reuse its connection.
    @TaskLocal static var current: Session?

    /// Set by the REPL after `disconnect`: commands that do not name their own target refuse (no silent
    /// fallback to the local store) until `connect`.
    @TaskLocal static var disconnected = false

    /// Runs `body` with an open session and always closes it (flushing the embedded broker).
    /// Inside the REPL the session's connection is reused unless the command names its own target.
    static func with<T: Sendable>(_ options: ConnectionOptions, _ body: (Session) async throws -> T) async throws -> T {
        if let shared = current, !options.namesOwnTarget {
            return try await shared.reporting(body)
        }
        if disconnected, !options.namesOwnTarget {
            AuditRun.current?.recordNoTarget()
            throw BundledStore.noTarget(dataDirectory: nil)
        }
        let session = try await open(options)
        do {
            let result = try await session.reporting(body)
            await session.close()
            return result
        } catch {
            await session.close()
            throw error
        }
    }

    /// Runs `body`, recording this session as what the command's report names; when the body did not read
    /// the cluster info, reads it once afterwards so the report can name the cluster.
    private func reporting<T: Sendable>(_ body: (Session) async throws -> T) async throws -> T {
        guard let slot = ReportTarget.slot, !slot.classic else { return try await body(self) }
        slot.record(self)
        let result = try await body(self)
        if client.knownClusters == nil { _ = try? await client.clusterInfo() }
        return result
    }

    /// `with`, for bodies that need only the client.
    static func withClient<T: Sendable>(
        _ options: ConnectionOptions, _ body: (MQClientInstance) async throws -> T
    ) async throws -> T {
        try await with(options) { try await body($0.client) }
    }

    func close() async {
        await client.shutdown()
        await embedded?.stop()
    }

    /// A one-line description of the target, for the REPL prompt and report footers: the name servers,
    /// or `[bundled DIR]` (home shortened to `~`).
    var targetDescription: String {
        switch target {
        case .cluster(let ns):
            let servers = ns.joined(separator: ";")
            return context.map { "\($0.name) (\(servers))" } ?? servers
        case .runningBroker(_, let dir), .embedded(let dir): return "[bundled \(BundledStore.abbreviate(dir))]"
        }
    }
}
