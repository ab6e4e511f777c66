import MQClient
import MQProtocol

/// What `message query` and classic `queryMsgByKey` share: the lookup and its "not found" error.
enum KeyQuery {
    struct Found {
        var views: [MessageView]
        var failures: [BacklogFailure]
    }

    static func run(
        _ session: Session, topic: String, key: String, begin: Int64, end: Int64, maxNum: Int32
    ) async throws -> Found {
        let result = try await session.client.lookupMessages(
            topic: topic, key: key, begin: begin, end: end, maxNum: maxNum)
        let names = await BrokerNames.load(session.client)
        let views = result.messages.map { MessageView($0, broker: names.name($0.storeHost)) }
        if views.isEmpty && result.failures.isEmpty {
            var window = ""
            if begin > 0 || end < .max {
                let b = begin > 0 ? TimeFormat.iso(begin) : "the beginning"
                let e = end < .max ? TimeFormat.iso(end) : "now"
                window = " between \(b) and \(e)"
            }
            throw CLIError(
                "no message with key \"\(key)\" in topic \(topic)\(window); keys are matched whole "
                    + "(one of the space-separated KEYS), check the key and the time range", exit: .notFound)
        }
        return Found(views: views, failures: result.failures)
    }
}
