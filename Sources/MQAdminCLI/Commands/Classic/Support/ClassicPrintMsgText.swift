import MQClient
import MQProtocol
import NIOCore

/// Apache's `printMsg` / `printMsgByQueue` layouts: a pulled message as Java's `MessageExt.toString()`, the
/// queue as `MessageQueue.toString()`, and the queues in the order of the Java tool's `HashSet`.
enum ClassicPrintMsgText {
    /// `MSGID: <msg id> <MessageExt.toString()> BODY: <body or NOT PRINT BODY>`.
    static func line(_ m: MessageExt, broker: String, pulled: PullResult, printBody: Bool) -> String {
        let body = printBody ? String(decoding: m.body.readableBytesView, as: UTF8.self) : "NOT PRINT BODY"
        return "MSGID: \(m.msgId) \(javaString(m, broker: broker, pulled: pulled)) BODY: \(body)\n"
    }

    /// `MessageExt.toString()` of a message as Apache's pull consumer hands it over: broker name set, and the
    /// queue's bounds from the pull answer added as MIN_OFFSET / MAX_OFFSET properties.
    static func javaString(_ m: MessageExt, broker: String, pulled: PullResult) -> String {
        let properties = MessageText.javaMapString(
            m.properties.map { ($0.name, $0.value) } + [
                (MessageConst.minOffset, String(pulled.minOffset)), (MessageConst.maxOffset, String(pulled.maxOffset)),
            ])
        // A prepared transaction message carries its transaction id (the pull consumer copies UNIQ_KEY).
        let prepared = m.properties[MessageConst.transactionPrepared]?.lowercased() == "true"
        let transactionId = prepared ? (m.properties.uniqueKey ?? "null") : "null"
        let body = "[" + m.body.readableBytesView.map { String(Int8(bitPattern: $0)) }.joined(separator: ", ") + "]"
        return "MessageExt [brokerName=\(broker), queueId=\(m.queueId), storeSize=\(m.storeSize), "
            + "queueOffset=\(m.queueOffset), sysFlag=\(m.sysFlag), bornTimestamp=\(m.bornTimestamp), "
            + "bornHost=/\(m.bornHost), storeTimestamp=\(m.storeTimestamp), storeHost=/\(m.storeHost), "
            + "msgId=\(m.offsetMsgId), commitLogOffset=\(m.commitLogOffset), bodyCRC=\(m.bodyCRC), "
            + "reconsumeTimes=\(m.reconsumeTimes), preparedTransactionOffset=\(m.preparedTransactionOffset), "
            + "toString()=Message{topic='\(m.topic)', flag=\(m.flag), properties=\(properties), body=\(body), "
            + "transactionId='\(transactionId)'}]"
    }

    /// `MessageQueue [topic=T, brokerName=B, queueId=N]`.
    static func queue(_ mq: MessageQueue) -> String {
        "MessageQueue [topic=\(mq.topic), brokerName=\(mq.brokerName), queueId=\(mq.queueId)]"
    }

    /// The queues in a Java `HashSet<MessageQueue>`'s iteration order, `queues` in the order they were added
    /// (the route's order): by bucket of `MessageQueue.hashCode()`, then insertion order.
    static func javaSetOrder(_ queues: [MessageQueue]) -> [MessageQueue] {
        var capacity = 16
        while queues.count > capacity * 3 / 4 { capacity *= 2 }
        func bucket(_ mq: MessageQueue) -> Int {
            var h: Int32 = 1
            h = 31 &* h &+ JavaHash.hashCode(mq.brokerName)
            h = 31 &* h &+ mq.queueId
            h = 31 &* h &+ JavaHash.hashCode(mq.topic)
            let u = UInt32(bitPattern: h)
            return Int((u ^ (u >> 16)) & UInt32(capacity - 1))
        }
        return queues.enumerated().sorted { a, b in
            let (x, y) = (bucket(a.element), bucket(b.element))
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
    }

    /// Java's names of the pull statuses.
    static func status(_ s: PullStatus) -> String {
        switch s {
        case .found: return "FOUND"
        case .noNewMessage: return "NO_NEW_MSG"
        case .noMatchedMessage: return "NO_MATCHED_MSG"
        case .offsetIllegal: return "OFFSET_ILLEGAL"
        }
    }

    /// `Tag: %-30s Count: %s` per tag, most counted first (ties in the Java HashMap's order, as its stable
    /// sort leaves them).
    static func tagCounts(_ counts: [String: Int], inserted: [String]) -> String {
        let ordered = JavaHashMapOrder.keys(inserted, initialCapacity: 16)
        let sorted = ordered.enumerated().sorted { a, b in
            let (x, y) = (counts[a.element] ?? 0, counts[b.element] ?? 0)
            return x != y ? x > y : a.offset < b.offset
        }
        return sorted.map { "Tag: " + Printf.left($0.element, 30) + " Count: \(counts[$0.element] ?? 0)\n" }.joined()
    }
}
