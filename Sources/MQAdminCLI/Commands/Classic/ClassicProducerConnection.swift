import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `producerConnection`: the connections of a producer group on the brokers of a topic.
struct ClassicProducerConnection: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "producerConnection",
        abstract: "Query producer's socket connection and client version.",
        discussion: """
            Asks every master of the topic's route (Apache asks one at random) and prints the connections found, \
            sorted by client id. Exits 3 when the group has no producer connected to them.
            """
    )

    @Option(name: [.customShort("g"), .customLong("producerGroup")], help: "producer group name")
    var producerGroup: String
    @Option(name: [.customShort("t"), .customLong("topic")], help: "topic name", completion: .custom(LiveNames.topics))
    var topic: String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func run() async throws {
        let rows = try await Session.withClient(connection) { client in
            let masters = try await client.routeMasters(topic: topic).masters
                .map { BrokerRef(name: $0.brokerName, address: $0.address) }
            let rows = try await client.producerConnections(group: producerGroup, on: masters)
            guard !rows.isEmpty else { throw ProducerView.noProducer(producerGroup, brokers: masters) }
            return rows
        }
        let view = ProducerView(group: producerGroup, rows: rows, unserved: [])
        Emit.output(view, format: output.output) { Self.layout(rows) }
    }

    /// Apache's `%04d  %-32s %-22s %-8s %s` line per connection.
    static func layout(_ rows: [ProducerRow]) -> String {
        var out = ""
        for (i, r) in rows.enumerated() {
            out += JavaFormat.format(
                "%s  %-32s %-22s %-8s %s%n",
                [String(format: "%04d", i + 1), r.clientId, r.address, r.language, MQVersion.describe(r.version)])
        }
        return out
    }
}
