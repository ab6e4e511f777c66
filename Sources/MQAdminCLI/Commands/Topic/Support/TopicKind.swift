import MQClient
import MQProtocol

/// The kinds of topic a list shows or hides.
enum TopicKind: String, Codable, Sendable {
    case normal, retry, dlq, system

    static func of(_ topic: String, clusterInfo: ClusterInfo) -> TopicKind {
        of(
            topic,
            isClusterOrBroker: clusterInfo.clusterAddrTable[topic] != nil || clusterInfo.brokerAddrTable[topic] != nil)
    }

    /// `isClusterOrBroker`: the topic is named after a cluster or a broker of the target (brokers register those).
    static func of(_ topic: String, isClusterOrBroker: Bool) -> TopicKind {
        if topic.hasPrefix(SystemTopics.retryPrefix) { return .retry }
        if topic.hasPrefix(SystemTopics.dlqPrefix) { return .dlq }
        // Brokers also register a topic named after their cluster and one after themselves.
        if SystemTopics.isSystem(topic) || isClusterOrBroker { return .system }
        return .normal
    }
}
