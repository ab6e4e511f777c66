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

extension BrokerCore {
    /// QUERY_CONSUME_QUEUE (321, Apache's queryCq): where `count` messages of one queue from `index` sit in the
    /// commit log, with the group's subscription when one is named. As Apache: an unknown queue is a
    /// SYSTEM_ERROR; an index outside the queue is answered SUCCESS with no body and a remark saying so.
    func handleQueryConsumeQueue(_ request: RemotingCommand) throws -> RemotingCommand {
        let h = try request.decodeHeader(QueryConsumeQueueRequestHeader.self)
        guard store.queueIds(topic: h.topic).contains(h.queueId) else {
            return request.response(.systemError, remark: "\(h.queueId)@\(h.topic) is not exist!")
        }
        let minIndex = store.minOffset(topic: h.topic, queueId: h.queueId)
        let maxIndex = store.maxOffset(topic: h.topic, queueId: h.queueId)
        var body = QueryConsumeQueueResponseBody(queueData: [], maxQueueIndex: maxIndex, minQueueIndex: minIndex)
        if let group = h.consumerGroup {
            body.subscriptionData = consumers.group(group)?.subscriptions[h.topic]
            // Apache keeps filter data only for expression (SQL92) subscriptions; tag subscriptions have none.
            body.filterData = body.subscriptionData == nil ? "\(group)@\(h.topic) is not online!" : "null"
        }
        guard h.index >= minIndex, h.index < maxIndex else {
            return request.response(remark: "Index \(h.index) of \(h.queueId)@\(h.topic) is not exist!")
        }
        let units =
            store.consumeQueueUnits(
                topic: h.topic, queueId: h.queueId, from: h.index, maxCount: Int(max(h.count, 0))) ?? []
        body.queueData = units.map {
            ConsumeQueueData(physicOffset: $0.commitLogOffset, physicSize: $0.size, tagsCode: $0.tagsCode)
        }
        var response = request.response().withJSONBody(body)
        response.remark = "not set any response code"
        return response
    }
}
