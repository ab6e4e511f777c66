import Logging
import MQProtocol
import MQRemoting
import NIOConcurrencyHelpers
import NIOCore

/// Serves the name server's request codes (wire.md §3.5).
public final class NameServerProcessor: RequestProcessor {
    public let routes: RouteInfoManager
    private let kv = NIOLockedValueBox<[String: [String: String]]>([:])
    private let logger: Logger

    public init(routes: RouteInfoManager, logger: Logger) {
        self.routes = routes
        self.logger = logger
    }

    public func process(_ request: RemotingCommand, from peer: any RemotingPeer) -> ProcessResult {
        do {
            return .response(try handle(request, peer: peer))
        } catch let error as ProtocolError {
            return .response(request.response(.systemError, remark: error.description))
        } catch {
            return .response(request.response(.systemError, remark: "\(error)"))
        }
    }

    public func peerDidDisconnect(_ peer: any RemotingPeer) {
        routes.connectionClosed(peerId: peer.id)
    }

    func handle(_ request: RemotingCommand, peer: any RemotingPeer) throws -> RemotingCommand {
        switch request.requestCode {
        case .getRouteInfoByTopic:
            let topic = try request.decodeHeader(TopicHeader.self).topic
            guard let route = routes.route(topic: topic) else {
                return request.response(
                    .topicNotExist,
                    remark: "No topic route info in name server for the topic: \(topic)")
            }
            // Apache answers standard JSON to clients from V4_9_4 on, fastjson's form to older ones.
            let standard = request.version >= MQVersion.v4_9_4 || request.extFields["acceptStandardJsonOnly"] == "true"
            return request.response().withJSONBody(route, style: standard ? .standard : .fastjson)

        case .registerBroker:
            let h = try request.decodeHeader(RegisterBrokerRequestHeader.self)
            var topics: TopicConfigSerializeWrapper?
            if let body = request.body, body.readableBytes > 0 {
                if h.compressed {
                    return request.response(.systemError, remark: "compressed REGISTER_BROKER bodies are not supported")
                }
                topics = try request.decodeBody(RegisterBrokerBody.self).topicConfigSerializeWrapper
            }
            routes.register(
                cluster: h.clusterName, brokerName: h.brokerName, brokerAddr: h.brokerAddr, brokerId: h.brokerId,
                topics: topics, peerId: peer.id, now: nowMillis())
            return request.response(header: RegisterBrokerResponseHeader())

        case .unregisterBroker:
            let h = try request.decodeHeader(RegisterBrokerRequestHeader.self)
            routes.unregister(brokerName: h.brokerName, brokerAddr: h.brokerAddr, cluster: h.clusterName, brokerId: h.brokerId)
            return request.response()

        case .queryDataVersion:
            let h = try request.decodeHeader(RegisterBrokerRequestHeader.self)
            let theirs = try? request.decodeBody(DataVersion.self)
            let ours = routes.dataVersion(brokerAddr: h.brokerAddr)
            routes.touch(brokerAddr: h.brokerAddr, now: nowMillis())
            var response = request.response()
            response.extFields["changed"] = String(ours == nil || ours != theirs)
            return response

        case .getBrokerClusterInfo:
            return request.response().withJSONBody(routes.clusterInfo)

        case .getAllTopicListFromNameServer:
            return request.response().withJSONBody(TopicList(topicList: routes.allTopics))

        case .getTopicsByCluster:
            let cluster = try request.decodeHeader(ClusterHeader.self).cluster
            return request.response().withJSONBody(TopicList(topicList: routes.topics(cluster: cluster)))

        case .getSystemTopicListFromNS:
            var topics = Set(routes.allTopics.filter(SystemTopics.isSystem))
            for (cluster, brokers) in routes.clusterInfo.clusterAddrTable {
                topics.insert(cluster)
                topics.formUnion(brokers)
            }
            return request.response().withJSONBody(TopicList(topicList: topics.sorted()))

        case .deleteTopicInNamesrv:
            let h = try request.decodeHeader(DeleteTopicFromNamesrvRequestHeader.self)
            routes.deleteTopic(h.topic, cluster: h.clusterName)
            return request.response()

        case .wipeWritePermOfBroker, .addWritePermOfBroker:
            guard let name = request.extFields["brokerName"] else { throw ProtocolError.missingField("brokerName") }
            let writable = request.requestCode == .addWritePermOfBroker
            let count = routes.setWritePermission(brokerName: name, writable: writable)
            var response = request.response()
            response.extFields[writable ? "addTopicCount" : "wipeTopicCount"] = String(count)
            return response

        case .putKVConfig:
            let f = HeaderFields(request.extFields)
            let (ns, key, value) = (try f.require("namespace"), try f.require("key"), try f.require("value"))
            kv.withLockedValue { $0[ns, default: [:]][key] = value }
            return request.response()

        case .getKVConfig:
            let f = HeaderFields(request.extFields)
            let (ns, key) = (try f.require("namespace"), try f.require("key"))
            guard let value = kv.withLockedValue({ $0[ns]?[key] }) else {
                return request.response(.queryNotFound, remark: "No config item, Namespace: \(ns) Key: \(key)")
            }
            var response = request.response()
            response.extFields["value"] = value
            return response

        case .deleteKVConfig:
            let f = HeaderFields(request.extFields)
            let (ns, key) = (try f.require("namespace"), try f.require("key"))
            kv.withLockedValue { _ = $0[ns]?.removeValue(forKey: key) }
            return request.response()

        case .getKVListByNamespace:
            let ns = try HeaderFields(request.extFields).require("namespace")
            guard let table = kv.withLockedValue({ $0[ns] }) else {
                return request.response(.queryNotFound, remark: "No config item, Namespace: \(ns)")
            }
            return request.response().withJSONBody(KVTable(table: table))

        default:
            return request.response(
                .requestCodeNotSupported, remark: " request type \(request.code) not supported")
        }
    }

    /// Periodic housekeeping: forget brokers that stopped registering.
    public func scanNotActiveBrokers() {
        routes.expire(now: nowMillis())
    }
}
