import MQProtocol
import MQRemoting

extension BrokerCore {
    /// Admin codes for topics, cluster and broker status: GET_TOPIC_STATS_INFO, QUERY_TOPIC_CONSUME_BY_WHO, ...
    /// Returns nil for codes this area does not serve.
    func handleTopicAdmin(_ request: RemotingCommand, peer: any RemotingPeer) throws -> RemotingCommand? {
        nil
    }
}
