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
    @Option(name: [.customShort("g"), .customLong("consumerGroup")], help: "consumer group name (with -d)",
        completion: .custom(LiveNames.groups))
    var group: String?
    @Option(name: [.customShort("d"), .customLong("clientId")], help: "The consumer's client id (with -g)")
    var clientId: String?
    @Option(name: [.customShort("s"), .customLong("sendMessage")], help: "resend message (true: send it again)")
    var resend: String?
    @Option(name: [.customShort("u"), .customLong("unitName")], help: "unit name (accepted; no unit mode)")
    var unit: String?
    @Option(
        name: .customLong("body-dir"),
        help: ArgumentHelp("Write bodies here (Apache: /tmp/rocketmq/msgbodys).", valueName: "dir"))
    var bodyDir: String?

    /// -g with -d pushes the message to a client; -s true sends it again (Apache's precedence).
    var pushesToClient: Bool { group != nil && clientId != nil }
    var resends: Bool { !pushesToClient && resend?.trimmingCharacters(in: .whitespaces).lowercased() == "true" }
    var changesCluster: Bool { pushesToClient || resends }

    func validate() throws {
        try ClassicCharset.check(charset)
        if ids.isEmpty { throw ValidationError("-i names no message id") }
    }

    var ids: [String] {
        msgIds.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() async throws {
        if pushesToClient, let group, let clientId { return try await push(group: group, clientId: clientId) }
        if resend != nil {
            // Apache: -s with anything but true does nothing.
            if resends { try await sendAgain() }
            return
        }
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

    /// -g -d: each message to the client, its ConsumeMessageDirectlyResult printed.
    private func push(group: String, clientId: String) async throws {
        let pushed = try await Session.with(connection) { session in
            let names = await BrokerNames.load(session.client)
            var views: [(id: String, view: MessageView)] = []
            for id in ids { views.append((id, try await find(id, client: session.client, names: names))) }
            return try await ClassicQueryMsgByIdActions.push(
                views, group: group, clientId: clientId, client: session.client)
        }
        Emit.output(pushed, format: output.output) { ClassicQueryMsgByIdActions.pushText(pushed) }
    }

    /// -s true: each message sent again to its topic; one not found says so and the others go on.
    private func sendAgain() async throws {
        let resent = try await Session.with(connection) { session in
            let names = await BrokerNames.load(session.client)
            var views: [(id: String, view: MessageView?)] = []
            for id in ids {
                do {
                    views.append((id, try await find(id, client: session.client, names: names)))
                } catch let error as CLIError where error.exit == .notFound {
                    views.append((id, nil))
                }
            }
            return try await ClassicQueryMsgByIdActions.resend(views, client: session.client)
        }
        Emit.output(resent, format: output.output) { ClassicQueryMsgByIdActions.resendText(resent) }
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
