import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `queryMsgByKey`: `#Message ID #QID #Offset` rows.
struct ClassicQueryMsgByKey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queryMsgByKey", abstract: "Query Message by Key (Apache's layout; see `message query`).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    @Option(name: [.customShort("t"), .customLong("topic")], help: "topic name",
        completion: .custom(LiveNames.topics))
    var topic: String
    @Option(name: [.customShort("k"), .customLong("msgKey")], help: "Message Key") var key: String
    @Option(
        name: [.customShort("b"), .customLong("beginTimestamp")], parsing: .unconditional,
        help: "Begin timestamp (ms, ISO-8601 or -2h)")
    var begin: String?
    @Option(
        name: [.customShort("e"), .customLong("endTimestamp")], parsing: .unconditional,
        help: "End timestamp (ms, ISO-8601 or -2h)")
    var end: String?
    @Option(name: [.customShort("m"), .customLong("maxNum")], help: "The maximum number of messages returned")
    var maxNum: Int32 = 64
    @Option(name: [.customShort("c"), .customLong("cluster")], help: "Cluster name (accepted; the route decides)")
    var cluster: String?

    func validate() throws {
        guard maxNum > 0 else { throw ValidationError("-m/--maxNum must be at least 1") }
        _ = try times()
    }

    func times() throws -> (Int64, Int64) {
        (
            try begin.map { try TimeArgument.require($0, option: "-b", classic: true) } ?? 0,
            try end.map { try TimeArgument.require($0, option: "-e", classic: true) } ?? .max
        )
    }

    func run() async throws {
        let (b, e) = try times()
        let found = try await Session.with(connection) { session in
            try await KeyQuery.run(session, topic: topic, key: key, begin: b, end: e, maxNum: maxNum)
        }
        let json = QueryJSON(
            topic: topic, key: key, begin: b, end: e == .max ? OrNull(nil) : OrNull(e),
            messages: found.views.map { MessageJSON($0, format: nil) })
        Emit.output(json, format: output.output) {
            var out =
                Printf.left("#Message ID", 50) + " " + Printf.right("#QID", 4) + " " + Printf.right("#Offset", 40)
                + "\n"
            for v in found.views {
                out +=
                    Printf.left(v.message.msgId, 50) + " " + Printf.right(String(v.message.queueId), 4) + " "
                    + Printf.right(String(v.message.queueOffset), 40) + "\n"
            }
            return out
        }
        try LookupFailures.finish(found.failures, what: "query")
    }
}
