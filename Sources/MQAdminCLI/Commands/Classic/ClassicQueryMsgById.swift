import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `queryMsgById`: tries the id as an offset message id, then as a message id (UNIQ_KEY).
struct ClassicQueryMsgById: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queryMsgById", abstract: "Query Message by Id (Apache's layout; see `message get`).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    @Option(name: [.customShort("t"), .customLong("topic")], help: "topic name",
        completion: .custom(LiveNames.topics))
    var topic: String
    @Option(name: [.customShort("i"), .customLong("msgId")], help: "Message Id (comma-separated for several)")
    var msgIds: String
    @Option(name: [.customShort("f"), .customLong("bodyFormat")], help: "Print the body in this charset (UTF-8 only)")
    var charset: String?
    @Option(name: [.customShort("c"), .customLong("cluster")], help: "Cluster name (accepted; the route decides)")
    var cluster: String?
    @Option(name: [.customShort("g"), .customLong("consumerGroup")], help: ArgumentHelp(visibility: .hidden),
        completion: .custom(LiveNames.groups))
    var group: String?
    @Option(name: [.customShort("d"), .customLong("clientId")], help: ArgumentHelp(visibility: .hidden))
    var clientId: String?
    @Option(name: [.customShort("s"), .customLong("sendMessage")], help: ArgumentHelp(visibility: .hidden))
    var resend: String?
    @Option(name: [.customShort("u"), .customLong("unitName")], help: ArgumentHelp(visibility: .hidden))
    var unit: String?
    @Option(
        name: .customLong("body-dir"),
        help: ArgumentHelp("Write bodies here (Apache: /tmp/rocketmq/msgbodys).", valueName: "dir"))
    var bodyDir: String?

    func validate() throws {
        if group != nil || clientId != nil || resend != nil || unit != nil {
            throw ValidationError(
                "-g/-d (push to a client) and -s/-u (resend) are not supported; resend with `mqadmin message send`")
        }
        try ClassicCharset.check(charset)
        if ids.isEmpty { throw ValidationError("-i names no message id") }
    }

    var ids: [String] {
        msgIds.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() async throws {
        let results = try await Session.with(connection) { session in
            let names = await BrokerNames.load(session.client)
            var out: [(MessageView, ClassicMessageOutput.Entry, [MessageTrack]?)] = []
            for id in ids {
                let view = try await find(id, client: session.client, names: names)
                let (entry, tracks) = try await ClassicMessageOutput.entry(
                    view, index: 0, bodyDirectory: bodyDir ?? MessageText.defaultBodyDirectory, client: session.client)
                out.append((view, entry, tracks))
            }
            return out
        }
        Emit.output(results.map(\.1), format: output.output) {
            results.map {
                ClassicMessageOutput.text($0.0, entry: $0.1, tracks: $0.2, offsetId: true, charsetBody: charset != nil)
            }.joined()
        }
    }

    /// Apache's order: the offset message id first, then the unique key.
    private func find(_ id: String, client: MQClientInstance, names: BrokerNames) async throws -> MessageView {
        if let view = try? await MessageResolve.byOffsetId(id, client: client, names: names),
            view.message.topic == topic
        {
            return view
        }
        let found = try await MessageResolve.byUniqueKey(id, topic: topic, client: client, names: names)
        if let first = found.views.first { return first }
        if let f = found.failures.first {
            throw CLIError(
                "lookup incomplete: broker \(f.broker) (\(f.address)): \(f.error)",
                exit: f.unreachable ? .unreachable : .failed)
        }
        throw MessageResolve.notFound(id, topic: topic)
    }
}
