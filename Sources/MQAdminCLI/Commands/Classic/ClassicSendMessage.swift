import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `sendMessage`: `#Broker Name #QID #Send Result #MsgId`.
struct ClassicSendMessage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sendMessage", abstract: "Send a message (Apache's layout; see `message send`).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    @Option(name: [.customShort("t"), .customLong("topic")], help: "Topic name",
        completion: .custom(LiveNames.topics))
    var topic: String
    @Option(name: [.customShort("p"), .customLong("body")], help: "UTF-8 string format of the message body")
    var body: String
    @Option(name: [.customShort("k"), .customLong("key")], help: "Message keys (space-separated)") var keys: String?
    @Option(name: [.customShort("c"), .customLong("tags")], help: "Message tags") var tags: String?
    @Option(name: [.customShort("b"), .customLong("broker")], help: "Send message to target broker") var broker: String?
    @Option(name: [.customShort("i"), .customLong("qid")], help: "Send message to target queue") var qid: Int32?
    @Option(name: [.customShort("m"), .customLong("msgTraceEnable")], help: "Message trace: true writes a Pub trace record")
    var trace: String?

    func validate() throws {
        if let why = SystemTopics.validate(topic: topic) { throw ValidationError(why) }
        if let trace, trace.lowercased() != "true", trace.lowercased() != "false" {
            throw ValidationError("-m/--msgTraceEnable takes true or false, not \"\(trace)\"")
        }
        if qid != nil && broker == nil {
            throw ValidationError("Broker name must be set if the queue is chosen! (add -b BROKER)")
        }
    }

    func run() async throws {
        let keyList = (keys ?? "").split(separator: " ").map(String.init)
        let message = try SendSupport.message(
            topic: topic, body: Array(body.utf8), keys: keyList, tag: tags, properties: [])
        let traced = trace?.lowercased() == "true"
        let sent = try await Session.with(connection) { session in
            let tracer = traced
                ? TraceDispatcher(client: session.client, hostGroup: SendSupport.producerGroup, role: .produce)
                : nil
            let result = try await SendSupport.send(message, client: session.client, broker: broker, queue: qid, tracer: tracer)
            if let report = await tracer?.shutdown(), !report.failures.isEmpty {
                Emit.note("trace records were not written: \(report.failures.joined(separator: "; "))")
            }
            return result
        }
        Emit.output(SendJSON(sent), format: output.output) {
            func row(_ a: String, _ b: String, _ c: String, _ d: String) -> String {
                Printf.left(a, 32) + "  " + Printf.left(b, 4) + "  " + Printf.left(c, 20) + "    " + d + "\n"
            }
            return row("#Broker Name", "#QID", "#Send Result", "#MsgId")
                + row(sent.queue.brokerName, String(sent.queue.queueId), sent.status.rawValue, sent.msgId)
        }
    }
}
