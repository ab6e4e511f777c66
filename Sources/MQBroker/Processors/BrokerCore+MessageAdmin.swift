import MQProtocol
import MQRemoting

extension BrokerCore {
    /// Admin codes for messages and backlog: GET_BROKER_CONSUME_STATS, ...
    /// Returns nil for codes this area does not serve.
    func handleMessageAdmin(_ request: RemotingCommand, peer: any RemotingPeer) throws -> RemotingCommand? {
        nil
    }
}
