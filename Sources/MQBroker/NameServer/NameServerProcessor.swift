import Logging
import MQProtocol
import MQRemoting
import NIOConcurrencyHelpers
import NIOCore

/// Serves the name server's request codes (wire.md §3.5).
public final class NameServerProcessor: RequestProcessor {
    public let routes: RouteInfoManager
    let kv = NIOLockedValueBox<[String: [String: String]]>([:])
    /// Where the KV config persists (nil: memory only), and the thread that writes it.
    let kvFile: KVConfigFile?
    let kvThread: WorkerThread?
    /// Its settings (GET/UPDATE_NAMESRV_CONFIG); the server sets the listen address once bound.
    public let settings: NIOLockedValueBox<NameServerSettings>
    let logger: Logger

    /// `kvConfigPath`: Apache's kvConfig.json, read here and rewritten after every KV change; nil keeps the
    /// KV config in memory only. A file that cannot be read is refused (the server does not start).
    public init(
        routes: RouteInfoManager, settings: NameServerSettings = NameServerSettings(), logger: Logger,
        kvConfigPath: String? = nil
    ) throws {
        let file = kvConfigPath.map(KVConfigFile.init(path:))
        var table: [String: [String: String]] = [:]
        if let file {
            do {
                table = try file.load()
            } catch {
                throw BrokerError.invalidConfiguration("cannot read \(file.path): \(error)")
            }
        }
        self.routes = routes
        self.settings = NIOLockedValueBox(settings)
        self.logger = logger
        kvFile = file
        kvThread = file == nil ? nil : WorkerThread(name: "mqnamesrv-kv")
        kv.withLockedValue { $0 = table }
    }

    /// Stops the KV thread after the writes handed to it.
    public func shutdown() async {
        await kvThread?.shutdown()
    }

    /// Dispatches through the registry (`NameServerRequests`); unknown codes answer REQUEST_CODE_NOT_SUPPORTED.
    /// Rows on the admin thread (KV changes, which write kvConfig.json) run on the KV thread.
    public func process(_ request: RemotingCommand, from peer: any RemotingPeer) -> ProcessResult {
        let route = NameServerRequests.table.route(request.code)
        guard let kvThread, route?.thread == .adminThread else { return RequestTable.run(route, self, request, peer) }
        return kvThread.run(on: peer.eventLoop) { [self] in RequestTable.run(route, self, request, peer) }
    }

    public func peerDidDisconnect(_ peer: any RemotingPeer) {
        routes.connectionClosed(peerId: peer.id)
    }

    /// Periodic housekeeping: forget brokers that stopped registering.
    public func scanNotActiveBrokers() {
        routes.expire(now: nowMillis())
    }
}
