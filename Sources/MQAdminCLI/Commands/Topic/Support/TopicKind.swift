import MQClient
import MQProtocol

/// The kinds of topic a list shows or hides.
enum TopicKind: String, Codable, Sendable {
    case normal, retry, dlq, system

    static func of(_ topic: String, clusterInfo: ClusterInfo) -> TopicKind {
        if topic.hasPrefix(SystemTopics.retryPrefix) { return .retry }
        if topic.hasPrefix(SystemTopics.dlqPrefix) { return .dlq }
        // Brokers also register a topic named after their cluster and one after themselves.
        if SystemTopics.isSystem(topic) || clusterInfo.clusterAddrTable[topic] != nil
            || clusterInfo.brokerAddrTable[topic] != nil
        {
            return .system
        }
        return .normal
    }
}
