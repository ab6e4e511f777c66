import MQProtocol
import MQRemoting

extension BrokerCore {
    /// Admin codes for groups, connections and offsets: GET_CONSUME_STATS, GET_CONSUMER_CONNECTION_LIST, INVOKE_BROKER_TO_RESET_OFFSET, ...
    /// Returns nil for codes this area does not serve.
    func handleGroupAdmin(_ request: RemotingCommand, peer: any RemotingPeer) throws -> RemotingCommand? {
        nil
    }
}
