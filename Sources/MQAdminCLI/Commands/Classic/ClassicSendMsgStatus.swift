import ArgumentParser
import Foundation
import MQClient
import MQProtocol

/// Apache's `sendMsgStatus`: sends to the broker's own topic (named after the broker) as producer group
/// `PID_SMSC`, one warm-up message of 16 bytes and then `-c` of `-s` bytes, printing the time and the
/// SendResult of each.
struct ClassicSendMsgStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sendMsgStatus",
        abstract: "Send msg to broker.",
        discussion: "Writes count + 1 messages to the topic named after the broker (every broker has one)."
    )

    @Option(
        name: [.customShort("b"), .customLong("brokerName")],
        help: "Broker Name e.g. clusterName_brokerName as DefaultCluster_broker-a")
    var brokerName: String
    @Option(name: [.customShort("s"), .customLong("messageSize")], help: "Message Size, Default: 128")
    var messageSize = 128
    @Option(name: [.customShort("c"), .customLong("count")], help: "send message count, Default: 50") var count = 50
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    struct Send: Encodable {
        var rtMillis: Int64
        var status: String
        var msgId: String
        var offsetMsgId: String
        var topic: String
        var brokerName: String
        var queueId: Int32
        var queueOffset: Int64
    }

    struct View: Encodable {
        var brokerName: String
        var sends: [Send]
    }

    func validate() throws {
        if let why = SystemTopics.validate(topic: brokerName) { throw ValidationError("-b: \(why)") }
        guard count >= 0 else { throw ValidationError("-c/--count must be 0 or more") }
        guard messageSize >= 1 else {
            throw ValidationError("-s/--messageSize must be at least 1 (empty bodies are refused)")
        }
    }

    func run() async throws {
        let results = try await Session.withClient(connection) { client in
            let producer = Producer(group: "PID_SMSC", client: client)
            _ = try await producer.send(Self.message(topic: brokerName, size: 16))
            var results: [(rt: Int64, result: SendResult)] = []
            for _ in 0..<count {
                let start = ContinuousClock.now
                let result = try await producer.send(Self.message(topic: brokerName, size: messageSize))
                results.append((ClassicSendRT.millis(since: start), result))
            }
            return results
        }
        let view = View(
            brokerName: brokerName,
            sends: results.map {
                Send(
                    rtMillis: $0.rt, status: $0.result.status.rawValue, msgId: $0.result.msgId,
                    offsetMsgId: $0.result.offsetMsgId, topic: $0.result.queue.topic,
                    brokerName: $0.result.queue.brokerName, queueId: $0.result.queue.queueId,
                    queueOffset: $0.result.queueOffset)
            })
        Emit.output(view, format: output.output) { Self.layout(results) }
    }

    /// Apache's body: "hello jodie" once per 11 bytes asked for, rounded up (so never shorter than asked).
    static func message(topic: String, size: Int) -> Message {
        Message(topic: topic, body: String(repeating: "hello jodie", count: (size + 10) / 11))
    }

    /// `rt=<ms>ms, SendResult=<SendResult.toString()>` per send, as Apache 5.x prints it.
    static func layout(_ results: [(rt: Int64, result: SendResult)]) -> String {
        results.map { rt, r in
            let queue =
                "MessageQueue [topic=\(r.queue.topic), brokerName=\(r.queue.brokerName), queueId=\(r.queue.queueId)]"
            return "rt=\(rt)ms, SendResult=SendResult [sendStatus=\(r.status.rawValue), msgId=\(r.msgId), "
                + "offsetMsgId=\(r.offsetMsgId), messageQueue=\(queue), queueOffset=\(r.queueOffset), "
                + "recallHandle=\(r.recallHandle ?? "null")]\n"
        }.joined()
    }
}
