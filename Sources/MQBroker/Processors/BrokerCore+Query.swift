import MQProtocol
import MQStore
import NIOCore

extension BrokerCore {
    /// GET_MAX_OFFSET (30).
    func handleGetMaxOffset(_ request: RemotingCommand) throws -> RemotingCommand {
        let h = try request.decodeHeader(TopicQueueHeader.self)
        let offset = store.maxOffset(topic: h.topic, queueId: h.queueId)
        return request.response(header: OffsetResponseHeader(offset: offset))
    }

    /// GET_MIN_OFFSET (31).
    func handleGetMinOffset(_ request: RemotingCommand) throws -> RemotingCommand {
        let h = try request.decodeHeader(TopicQueueHeader.self)
        let offset = store.minOffset(topic: h.topic, queueId: h.queueId)
        return request.response(header: OffsetResponseHeader(offset: offset))
    }

    /// GET_EARLIEST_MSG_STORETIME (32); -1 for an empty queue.
    func handleGetEarliestStoreTime(_ request: RemotingCommand) throws -> RemotingCommand {
        let h = try request.decodeHeader(TopicQueueHeader.self)
        let t = store.earliestStoreTime(topic: h.topic, queueId: h.queueId) ?? -1
        return request.response(header: TimestampResponseHeader(timestamp: t))
    }

    /// SEARCH_OFFSET_BY_TIMESTAMP (29), lower boundary unless `boundaryType` is "upper".
    func handleSearchOffset(_ request: RemotingCommand) throws -> RemotingCommand {
        let h = try request.decodeHeader(SearchOffsetRequestHeader.self)
        let boundary: BoundaryType = h.boundaryType?.lowercased() == "upper" ? .upper : .lower
        let offset = store.searchOffset(topic: h.topic, queueId: h.queueId, timestamp: h.timestamp, boundary: boundary)
        return request.response(header: OffsetResponseHeader(offset: offset))
    }

    /// QUERY_MESSAGE: messages by key (KEYS token or UNIQ_KEY) through the key index.
    func handleQueryMessage(_ request: RemotingCommand) throws -> RemotingCommand {
        let h = try request.decodeHeader(QueryMessageRequestHeader.self)
        let maxNum = h.uniqueKeyQuery ? config.defaultQueryMaxNum : min(max(h.maxNum, 1), 64)
        let result = store.queryByKey(
            topic: h.topic, key: h.key, maxCount: Int(maxNum), begin: h.beginTimestamp, end: h.endTimestamp)
        let header = QueryMessageResponseHeader(
            indexLastUpdateTimestamp: result.lastUpdateTimestamp, indexLastUpdatePhyoffset: result.lastUpdatePhysicalOffset)
        guard !result.messages.isEmpty else {
            return request.response(.queryNotFound, remark: "can not find message, maybe time range not correct", header: header)
        }
        var body = ByteBufferAllocator().buffer(capacity: result.messages.reduce(0) { $0 + $1.readableBytes })
        for var m in result.messages { body.writeBuffer(&m) }
        return request.response(header: header, body: body)
    }

    /// VIEW_MESSAGE_BY_ID: one message by its commit-log offset (decoded from the offset message id).
    func handleViewMessage(_ request: RemotingCommand) throws -> RemotingCommand {
        let h = try request.decodeHeader(ViewMessageRequestHeader.self)
        guard let record = store.message(atCommitLogOffset: h.offset) else {
            return request.response(.systemError, remark: "can not find message by the offset, \(h.offset)")
        }
        return request.response(body: record)
    }
}
