import MQProtocol
import MQRemoting

extension BrokerCore {
    /// Admin reads several areas share: consume stats (208), consumer connections (203), broker config (26).
    func handleSharedAdmin(_ request: RemotingCommand) throws -> RemotingCommand? {
        switch request.requestCode {
        case .getConsumeStats:
            let h = try request.decodeHeader(GetConsumeStatsRequestHeader.self)
            let topics = h.topics ?? h.topic.map { [$0] }
            if let topic = h.topic, h.topics == nil, self.topics.topic(topic) == nil {
                return request.response(.topicNotExist, remark: "topic[\(topic)] not exist")
            }
            return request.response().withJSONBody(consumeStats(group: h.consumerGroup, topics: topics))

        case .getConsumerConnectionList:
            let group = try request.decodeHeader(ConsumerGroupHeader.self).consumerGroup
            guard let info = consumers.group(group), !info.channels.isEmpty else {
                return request.response(.consumerNotOnline, remark: "the consumer group[\(group)] not online")
            }
            let connections = info.channels.values.map {
                Connection(clientId: $0.clientId, clientAddr: $0.peer.remoteAddress, language: $0.language.name, version: $0.version)
            }.sorted { $0.clientId < $1.clientId }
            let body = ConsumerConnection(
                connectionSet: connections, subscriptionTable: info.subscriptions, consumeType: info.consumeType,
                messageModel: info.messageModel, consumeFromWhere: info.consumeFromWhere)
            return request.response().withJSONBody(body)

        case .getProducerConnectionList:
            guard let group = request.extFields["producerGroup"] else { throw ProtocolError.missingField("producerGroup") }
            let channels = producers.group(group)
            guard !channels.isEmpty else {
                return request.response(.systemError, remark: "the producer group[\(group)] not exist")
            }
            let connections = channels.map {
                Connection(clientId: $0.clientId, clientAddr: $0.peer.remoteAddress, language: $0.language.name, version: $0.version)
            }.sorted { $0.clientId < $1.clientId }
            return request.response().withJSONBody(ProducerConnection(connectionSet: connections))

        case .getBrokerConfig:
            let text = brokerProperties().sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
            var response = request.response()
            response.extFields["version"] = #"{"counter":0,"stateVersion":0,"timestamp":\#(bootTimestamp)}"#
            response.body = .init(string: text + "\n")
            return response

        default:
            return nil
        }
    }

    /// The broker's configuration as Apache's property names (GET_BROKER_CONFIG).
    public func brokerProperties() -> [String: String] {
        [
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
            "msgTraceTopicName": config.traceTopic,
            "brokerRole": "ASYNC_MASTER",
        ]
    }

    private func format3(_ hours: Double) -> String {
        hours == hours.rounded() ? String(Int(hours)) : String(hours)
    }
}
