import MQClient
import MQProtocol

/// What Apache's consumeMessage prints while it reads: which queues and offsets, in its words and order.
struct ClassicConsumeMessageOutput {
    let read: ClassicQueueRead
    let client: MQClientInstance
    let begin: Int64?
    let end: Int64?
    var text = ""
    var views: [MessageView] = []

    init(read: ClassicQueueRead, client: MQClientInstance, begin: Int64?, end: Int64?) {
        self.read = read
        self.client = client
        self.begin = begin
        self.end = end
    }

    /// Every readable queue of the topic in the Java tool's HashSet order, `count` messages in all.
    mutating func consumeTopic(_ topic: String, count: Int64) async throws {
        let route = try await client.route(topic: topic)
        let queues = route.queueDatas.filter { PermName.isReadable($0.perm) }.flatMap { q in
            (0..<q.readQueueNums).map { MessageQueue(topic: topic, brokerName: q.brokerName, queueId: $0) }
        }
        var left = count
        for mq in ClassicPrintMsgText.javaSetOrder(queues) {
            if left == 0 { return }
            let (first, queueEnd) = try await read.bounds(mq, begin: begin, end: end, client: client)
            var last = queueEnd
            // Apache's arithmetic, off-by-one included: an empty queue still uses one of the count.
            if last - first > left {
                text += "The older \(left) message of the \(mq.queueId) queue will be provided\n"
                last = first + left - 1
                left = 0
            } else {
                left -= last - first + 1
            }
            try await pull(mq, from: first, through: last)
        }
    }

    /// One queue from `offset` (or its first message), `count` messages at most.
    mutating func consume(_ mq: MessageQueue, from offset: Int64, count: Int64) async throws {
        var (first, last) = try await read.bounds(mq, begin: begin, end: end, client: client)
        let name = ClassicPrintMsgText.queue(mq)
        if offset > last {
            text += "\(name) no matched msg, offset=\(offset)\n"
            return
        }
        first = max(first, offset)
        if last - first > count {
            text += "The oldler \(count) message will be provided\n"
            last = first + count - 1
        }
        try await pull(mq, from: first, through: last)
    }

    /// Apache's `pullMessageByQueue`: pulls while the offset is at most `last` (so the pull at the queue's end
    /// says NO_NEW_MSG), `Consume ok` before each batch.
    private mutating func pull(_ mq: MessageQueue, from first: Int64, through last: Int64) async throws {
        let name = ClassicPrintMsgText.queue(mq)
        var out = ""
        var found: [MessageView] = []
        try await read.pull(mq, from: first, to: last + 1, client: client) { pulled, next in
            let status = ClassicPrintMsgText.status(pulled.status)
            switch pulled.status {
            case .found:
                out += "Consume ok\n"
                for m in pulled.messages {
                    out += ClassicPrintMsgText.line(m, broker: mq.brokerName, pulled: pulled, printBody: true)
                    found.append(MessageView(m, broker: mq.brokerName, bodyIsStored: false))
                }
                return true
            case .noMatchedMessage:
                out += "\(name) no matched msg. status=\(status), offset=\(next)\n"
                return true
            case .noNewMessage, .offsetIllegal:
                out += "\(name) print msg finished. status=\(status), offset=\(next)\n"
                return false
            }
        }
        text += out
        views += found
    }
}
