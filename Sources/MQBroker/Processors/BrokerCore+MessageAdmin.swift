import MQProtocol
import MQRemoting
import NIOCore

extension BrokerCore {
    /// Admin codes for messages and backlog: GET_BROKER_CONSUME_STATS (317), QUERY_CONSUME_TIME_SPAN (303).
    /// Returns nil for codes this area does not serve.
    func handleMessageAdmin(_ request: RemotingCommand, peer: any RemotingPeer) throws -> RemotingCommand? {
        switch request.requestCode {
        case .getBrokerConsumeStats:
            let h = try request.decodeHeader(GetConsumeStatsInBrokerHeader.self)
            // Written directly: a big broker's answer has an entry per group, topic and queue.
            return request.response(body: ByteBuffer(bytes: brokerConsumeStats(h).fastJSONBytes()))
        case .queryConsumeTimeSpan:
            let h = try request.decodeHeader(QueryConsumeTimeSpanRequestHeader.self)
            guard let spans = consumeTimeSpans(topic: h.topic, group: h.group) else {
                return request.response(.topicNotExist, remark: "topic[\(h.topic)] not exist")
            }
            return request.response().withJSONBody(QueryConsumeTimeSpanBody(consumeTimeSpanSet: spans))
        default:
            return nil
        }
    }
}
