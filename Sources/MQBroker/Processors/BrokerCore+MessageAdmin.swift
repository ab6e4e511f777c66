import MQProtocol
import MQRemoting
import NIOCore

extension BrokerCore {
    /// GET_BROKER_CONSUME_STATS (317): every group's backlog on this broker.
    func handleGetBrokerConsumeStats(_ request: RemotingCommand) throws -> RemotingCommand {
        let h = try request.decodeHeader(GetConsumeStatsInBrokerHeader.self)
        // Written directly: a big broker's answer has an entry per group, topic and queue.
        return request.response(body: ByteBuffer(bytes: brokerConsumeStats(h).fastJSONBytes()))
    }

    /// QUERY_CONSUME_TIME_SPAN (303).
    func handleQueryConsumeTimeSpan(_ request: RemotingCommand) throws -> RemotingCommand {
        let h = try request.decodeHeader(QueryConsumeTimeSpanRequestHeader.self)
        guard let spans = consumeTimeSpans(topic: h.topic, group: h.group) else {
            return request.response(.topicNotExist, remark: "topic[\(h.topic)] not exist")
        }
        return request.response().withJSONBody(QueryConsumeTimeSpanBody(consumeTimeSpanSet: spans))
    }
}
