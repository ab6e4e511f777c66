import MQProtocol
import MQRemoting

extension BrokerCore {
    /// GET_BROKER_RUNTIME_INFO (28).
    func handleGetRuntimeInfo(_ request: RemotingCommand) throws -> RemotingCommand {
        request.response().withJSONBody(KVTable(table: clusterRuntimeInfo()))
    }

    /// GET_BROKER_CONFIG (26): Java properties text, with the data version as Apache sends it.
    func handleGetBrokerConfig(_ request: RemotingCommand) throws -> RemotingCommand {
        var response = request.response()
        let applied: (counter: Int64, timestamp: Int64)? = configVersion.withLockedValue { $0 }
        let version = applied ?? (counter: 0, timestamp: bootTimestamp)
        response.extFields["version"] =
            #"{"counter":\#(version.counter),"stateVersion":0,"timestamp":\#(version.timestamp)}"#
        response.body = .init(string: JavaProperties.render(brokerProperties()))
        return response
    }

    /// GET_PRODUCER_CONNECTION_LIST (204).
    func handleGetProducerConnections(_ request: RemotingCommand) throws -> RemotingCommand {
        guard let group = request.extFields["producerGroup"] else { throw ProtocolError.missingField("producerGroup") }
        let channels = producers.group(group)
        guard !channels.isEmpty else {
            return request.response(.systemError, remark: "the producer group[\(group)] not exist")
        }
        let connections = channels.map(Connection.init).sorted { $0.clientId < $1.clientId }
        return request.response().withJSONBody(ProducerConnection(connectionSet: connections))
    }

    /// The broker's configuration as Apache's property names (GET_BROKER_CONFIG).
    public func brokerProperties() -> [String: String] {
        let properties: [String: String] = [
            "brokerClusterName": config.clusterName,
            "brokerName": config.brokerName,
            "brokerId": String(config.brokerId),
            "brokerIP1": String(config.advertisedAddress.split(separator: ":").first ?? ""),
            "listenPort": String(config.advertisedAddress.split(separator: ":").last ?? ""),
            "namesrvAddr": config.nameServerAddresses.joined(separator: ";"),
            "autoCreateTopicEnable": String(config.autoCreateTopicEnable),
            "autoCreateSubscriptionGroup": String(config.autoCreateSubscriptionGroup),
            "defaultTopicQueueNums": String(config.defaultTopicQueueNums),
            "brokerPermission": String(config.brokerPermission),
            "longPollingEnable": String(config.longPollingEnable),
            "flushDiskType": config.store.flushMode == .sync ? "SYNC_FLUSH" : "ASYNC_FLUSH",
            "fileReservedTime": String(format3(config.store.retentionHours)),
            "messageDelayLevel": config.store.delayLevels.text,
            "maxMessageSize": String(config.store.maxMessageSize),
            "mappedFileSizeCommitLog": String(config.store.segmentSize),
            "storePathRootDir": config.dataDirectory + "/store",
            "regionId": config.regionId,
            "traceOn": String(config.traceOn),
            "enablePropertyFilter": String(config.enablePropertyFilter),
            "clusterTopicEnable": String(config.clusterTopicEnable),
            "brokerTopicEnable": String(config.brokerTopicEnable),
            "msgTraceTopicName": config.traceTopic,
            "brokerRole": "ASYNC_MASTER",
            "timerWheelEnable": String(config.timer.enabled),
            "timerMaxDelaySec": String(config.timer.maxDelaySeconds),
            "timerPrecisionMs": String(config.timer.precisionMillis),
            "recallMessageEnable": String(config.timer.recallEnabled),
        ]
        return properties.merging(transactionProperties()) { current, _ in current }
            .merging(liveSettings.properties) { _, live in live }
    }

    private func format3(_ hours: Double) -> String {
        hours == hours.rounded() ? String(Int(hours)) : String(hours)
    }

    func runtimeInfo() -> [String: String] {
        [
            "brokerVersionDesc": MQVersion.describe(MQVersion.current),
            "brokerActive": "true",
            "bootTimestamp": String(bootTimestamp),
            "runtime": "[ \((nowMillis() - bootTimestamp) / 1000) seconds ]",
            "msgPutTotalTodayNow": String(stats.putMessages),
            "msgGetTotalTodayNow": String(stats.getMessages),
            "msgPutTotalTodayMorning": "0",
            "msgGetTotalTodayMorning": "0",
            "msgPutTotalYesterdayMorning": "0",
            "msgGetTotalYesterdayMorning": "0",
            "putMessageFailedTimes": String(stats.putFailures),
            "putMessageSizeTotal": String(stats.putBytes),
            "commitLogMinOffset": String(store.commitLogMinOffset),
            "commitLogMaxOffset": String(store.commitLogMaxOffset),
            "earliestMessageTimeStamp": "0",
            "dispatchBehindBytes": "0",
            "pageCacheLockTimeMills": "0",
        ]
    }
}

extension Connection {
    /// A client's connection as the connection lists (203, 204) show it.
    init(_ channel: ClientChannel) {
        self.init(
            clientId: channel.clientId, clientAddr: channel.peer.remoteAddress, language: channel.language.name,
            version: channel.version, clientProtocol: channel.clientProtocol, clientVersion: channel.clientVersion)
    }
}
