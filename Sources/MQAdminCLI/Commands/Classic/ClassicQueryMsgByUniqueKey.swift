import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `queryMsgByUniqueKey`: the oldest message with the id, or all of them with -a.
struct ClassicQueryMsgByUniqueKey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queryMsgByUniqueKey",
        abstract: "Query Message by Unique key (Apache's layout; see `message get`).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    @Option(name: [.customShort("i"), .customLong("msgId")], help: "Message Id") var msgId: String
    @Option(name: [.customShort("t"), .customLong("topic")], help: "The topic of msg",
        completion: .custom(LiveNames.topics))
    var topic: String
    @Flag(name: [.customShort("a"), .customLong("showAll")], help: "Print all message, the limit is 32")
    var showAll = false
    @Option(name: [.customShort("c"), .customLong("cluster")], help: "Cluster name (accepted; the route decides)")
    var cluster: String?
    @Option(name: [.customShort("g"), .customLong("consumerGroup")], help: ArgumentHelp(visibility: .hidden),
        completion: .custom(LiveNames.groups))
    var group: String?
    @Option(name: [.customShort("d"), .customLong("clientId")], help: ArgumentHelp(visibility: .hidden))
    var clientId: String?
    @Option(
        name: .customLong("body-dir"),
        help: ArgumentHelp("Write bodies here (Apache: /tmp/rocketmq/msgbodys).", valueName: "dir"))
    var bodyDir: String?

    func validate() throws {
        if group != nil || clientId != nil {
            throw ValidationError("-g/-d (push the message to a client) are not supported")
        }
    }

    func run() async throws {
        let results = try await Session.with(connection) { session in
            let names = await BrokerNames.load(session.client)
            let found = try await MessageResolve.byUniqueKey(msgId, topic: topic, client: session.client, names: names)
            if found.views.isEmpty {
                if let f = found.failures.first {
                    throw CLIError(
                        "lookup incomplete: broker \(f.broker) (\(f.address)): \(f.error)",
                        exit: f.unreachable ? .unreachable : .failed)
                }
                throw MessageResolve.notFound(msgId, topic: topic)
            }
            var out: [(MessageView, ClassicMessageOutput.Entry, [MessageTrack]?)] = []
            for (i, view) in (showAll ? found.views : Array(found.views.prefix(1))).enumerated() {
                let (entry, tracks) = try await ClassicMessageOutput.entry(
                    view, index: i, bodyDirectory: bodyDir ?? MessageText.defaultBodyDirectory, client: session.client)
                out.append((view, entry, tracks))
            }
            return out
        }
        Emit.output(results.map(\.1), format: output.output) {
            results.map {
                ClassicMessageOutput.text($0.0, entry: $0.1, tracks: $0.2, offsetId: false, charsetBody: false)
            }.joined()
        }
    }
}
