import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `checkMsgSendRT`: `-a` messages of `-s` bytes, send i to queue i mod the topic's writable queues,
/// one `#Broker Name #QID #Send Result #RT` line per send, then `Avg RT`.
struct ClassicCheckMsgSendRT: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkMsgSendRT", abstract: "Check message send response time (Apache's layout).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    @Option(name: [.customShort("t"), .customLong("topic")], help: "topic name", completion: .custom(LiveNames.topics))
    var topic: String
    @Option(name: [.customShort("a"), .customLong("amount")], help: "message amount | default 100") var amount = 100
    @Option(name: [.customShort("s"), .customLong("size")], help: "message size | default 128 Byte") var size = 128

    struct View: Encodable, Sendable {
        var topic: String
        var sends: [ClassicSendRT.Send]
        /// Apache's Avg RT: sends after the first; null for a single send (Apache prints NaN).
        var avgRtMillis: OrNull<Double>
    }

    func validate() throws {
        if let why = SystemTopics.validate(topic: topic) { throw ValidationError(why) }
        guard amount >= 1 else { throw ValidationError("-a/--amount must be at least 1") }
        guard size >= 1 else { throw ValidationError("-s/--size must be at least 1 byte (empty bodies are refused)") }
    }

    func run() async throws {
        let sends = try await Session.withClient(connection) { client in
            _ = try await client.route(topic: topic)
            let producer = Producer(group: ClassicSendRT.producerGroup(), client: client, retryTimes: 0)
            let queues = try await producer.writableQueues(topic: topic)
                .sorted { ($0.brokerName, $0.queueId) < ($1.brokerName, $1.queueId) }
            guard !queues.isEmpty else {
                throw CLIError("topic \(topic) has no writable queue (is every broker of it drained?)")
            }
            let message = Message(topic: topic, body: ClassicSendRT.body(size: size))
            var sends: [ClassicSendRT.Send] = []
            for i in 0..<amount {
                sends.append(await ClassicSendRT.timedSend(producer, message, to: queues[i % queues.count]))
            }
            return sends
        }
        let average = ClassicSendRT.averageMillis(sends)
        let view = View(topic: topic, sends: sends, avgRtMillis: OrNull(average.isNaN ? nil : average))
        Emit.output(view, format: output.output) { Self.layout(sends, average: average) }
    }

    static func layout(_ sends: [ClassicSendRT.Send], average: Double) -> String {
        let row = "%-32s  %-4s  %-20s    %s%n"
        var out = JavaFormat.format(row, ["#Broker Name", "#QID", "#Send Result", "#RT"])
        for s in sends {
            out += JavaFormat.format(row, [s.broker, String(s.queueId), String(s.success), String(s.rtMillis)])
        }
        return out + "Avg RT: \(ClassicSendRT.twoDecimals(average))\n"
    }
}
