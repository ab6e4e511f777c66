import Logging
import MQProtocol
import MQRemoting
import NIOConcurrencyHelpers
import NIOCore

/// Serves the name server's request codes (wire.md §3.5).
public final class NameServerProcessor: RequestProcessor {
    public let routes: RouteInfoManager
    let kv = NIOLockedValueBox<[String: [String: String]]>([:])
    /// Its settings (GET/UPDATE_NAMESRV_CONFIG); the server sets the listen address once bound.
    public let settings: NIOLockedValueBox<NameServerSettings>
    let logger: Logger

    public init(routes: RouteInfoManager, settings: NameServerSettings = NameServerSettings(), logger: Logger) {
        self.routes = routes
        self.settings = NIOLockedValueBox(settings)
        self.logger = logger
    }

    /// Dispatches through the registry (`NameServerRequests`); unknown codes answer REQUEST_CODE_NOT_SUPPORTED.
    public func process(_ request: RemotingCommand, from peer: any RemotingPeer) -> ProcessResult {
        RequestTable.run(NameServerRequests.table.route(request.code), self, request, peer)
    }

    public func peerDidDisconnect(_ peer: any RemotingPeer) {
        routes.connectionClosed(peerId: peer.id)
    }

    /// Periodic housekeeping: forget brokers that stopped registering.
    public func scanNotActiveBrokers() {
        routes.expire(now: nowMillis())
    }
}
