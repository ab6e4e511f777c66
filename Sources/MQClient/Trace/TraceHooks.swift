import MQProtocol
import NIOCore

/// Builds trace records as Java's `SendMessageTraceHookImpl` and `ConsumeMessageTraceHookImpl` do.
public enum TraceHooks {
    /// The Pub record of a completed send, or nil when Java would write none: the broker sent no
    /// region or has tracing off. `start`/`end` bracket the send (ms); `storeHost` is the broker
    /// address it went to; `bodyLength` the body bytes as sent (compressed when compressed).
    public static func pub(
        message: Message, result: SendResult, group: String, storeHost: String, bodyLength: Int, start: Int64,
        end: Int64
    ) -> TraceRecord? {
        guard let region = result.regionId, result.traceOn else { return nil }
        return .pub(
            PubTrace(
                timestamp: start, regionId: region, group: group, topic: message.topic, msgId: result.msgId,
                tags: message.tags, keys: message.properties[MessageConst.keys], storeHost: storeHost,
                bodyLength: bodyLength, costTime: Int(clamping: end - start), msgType: messageType(message).rawValue,
                offsetMsgId: result.offsetMsgId, success: result.status == .sendOK))
    }

    /// Java's `SendMessageContext.msgType`: a half message, a delayed one, else normal.
    public static func messageType(_ message: Message) -> TraceMessageType {
        if message.properties[MessageConst.delayTimeLevel] != nil || message.properties["__STARTDELIVERTIME"] != nil {
            return .delay
        }
        if message.properties[MessageConst.transactionPrepared] == "true" { return .transactionHalf }
        return .normal
    }

    /// A listener call about to start: its SubBefore records (one per message whose TRACE_ON is not
    /// `false`), sharing one request id. nil when Java would trace nothing: no message to trace, or
    /// no MSG_REGION on them (Java drops a context without a region).
    public static func consumeBefore(
        _ messages: [MessageExt], group: String, at start: Int64, requestId: String = UniqueKeyGenerator.shared.next()
    ) -> ConsumeTraceContext? {
        var region: String?
        var records: [SubBeforeTrace] = []
        for m in messages where m.properties[MessageConst.traceSwitch] != "false" {
            // Java keeps the region of the last traced message.
            region = m.properties[MessageConst.msgRegion]
            records.append(
                SubBeforeTrace(
                    timestamp: start, regionId: "", group: group, requestId: requestId, msgId: m.msgId,
                    retryTimes: Int(m.reconsumeTimes), keys: m.properties[MessageConst.keys]))
        }
        guard let region, !records.isEmpty else { return nil }
        for i in records.indices { records[i].regionId = region }
        return ConsumeTraceContext(
            requestId: requestId, group: group, start: start, batchSize: messages.count, before: records)
    }

    /// The SubAfter records of a listener call that ended at `end`: cost per message is the call's
    /// time divided by the batch size, as in Java.
    public static func consumeAfter(
        _ context: ConsumeTraceContext, success: Bool, returnType: ConsumeReturnType, at end: Int64
    ) -> [TraceRecord] {
        let cost = Int(clamping: (end - context.start) / Int64(max(1, context.batchSize)))
        return context.before.map { b in
            .subAfter(
                SubAfterTrace(
                    requestId: context.requestId, msgId: b.msgId, costTime: cost, success: success, keys: b.keys,
                    contextCode: returnType.rawValue, timestamp: end, group: context.group))
        }
    }
}

/// What links a listener call's SubBefore records to its SubAfter records.
public struct ConsumeTraceContext: Sendable {
    public var requestId: String
    public var group: String
    /// When the call started (ms).
    public var start: Int64
    /// Messages handed to the listener (traced or not): the divisor of the per-message cost.
    public var batchSize: Int
    public var before: [SubBeforeTrace]

    /// The SubBefore records as trace records.
    public var records: [TraceRecord] { before.map { .subBefore($0) } }
}

extension Producer {
    /// Sends like ``send(_:to:timeout:)`` and hands the Pub record to `tracer` (unless the message goes
    /// to the trace topic itself, which Java never traces). When the broker has tracing off the
    /// dispatcher notes why instead.
    public func send(
        _ message: Message, to queue: MessageQueue? = nil, timeout: Duration? = nil, tracer: TraceDispatcher
    ) async throws -> SendResult {
        let start = nowMillis()
        let result = try await send(message, to: queue, timeout: timeout)
        let end = nowMillis()
        guard !message.topic.hasPrefix(tracer.traceTopic) else { return result }
        var bodyLength = message.body.readableBytes
        if bodyLength > compressOver, let compressed = try? BodyCompression.compress(message.body) {
            bodyLength = compressed.readableBytes
        }
        let storeHost = (try? await client.masterAddress(brokerName: result.queue.brokerName)) ?? ""
        let record = TraceHooks.pub(
            message: message, result: result, group: group, storeHost: storeHost, bodyLength: bodyLength,
            start: start, end: end)
        if let record {
            await tracer.append([record], topic: message.topic)
        } else {
            await tracer.skip(
                "broker \(result.queue.brokerName) has message tracing off (its send response says TRACE_ON "
                    + "false or carries no MSG_REGION), so no Pub trace was written")
        }
        return result
    }
}

extension TraceDispatcher {
    /// Traces messages handed to a consumer's code one at a time, as Java's default listener batch
    /// of 1 does: per message a SubBefore at `handle`'s start and a SubAfter at its end, with the
    /// success `handle` returns.
    public func consume(
        _ messages: [MessageExt], group: String, topic: String, handle: @Sendable (MessageExt) async -> Bool
    ) async {
        for m in messages {
            let context = TraceHooks.consumeBefore([m], group: group, at: nowMillis())
            if let context {
                await append(context.records, topic: topic)
            } else if m.properties[MessageConst.traceSwitch] == "false" {
                skip("messages stored with TRACE_ON=false (the broker's tracing is off) were not traced")
            } else {
                skip("messages without a MSG_REGION property were not traced (Java clients skip them too)")
            }
            let ok = await handle(m)
            if let context {
                let after = TraceHooks.consumeAfter(
                    context, success: ok, returnType: ok ? .success : .failed, at: nowMillis())
                await append(after, topic: topic)
            }
        }
    }
}
