import ArgumentParser
import Foundation
import MQClient
import MQProtocol

/// What `message browse` and `message tail` share: which queues, which messages, and how each is printed.
struct BrowseOptions: ParsableArguments {
    @Option(name: [.customShort("b"), .long], help: "Only this broker's queues.") var broker: String?
    @Option(name: [.customShort("q"), .long], help: "Only this queue id.") var queue: Int32?
    @Option(help: ArgumentHelp("Tag filter: * or TagA || TagB.", valueName: "expr")) var tag = "*"
    @Option(name: [.customShort("k"), .long], help: "Only messages whose keys include this key.") var key: String?
    @Option(
        name: .customLong("where"),
        help: ArgumentHelp("SQL92 property filter, e.g. \"a > 5 AND region = 'eu'\".", valueName: "expr"))
    var whereExpression: String?
    @Option(name: .customLong("body-format"), help: "text, hex or base64 (default: text if valid UTF-8, else hex).")
    var bodyFormat: BodyFormat?
    @Option(help: ArgumentHelp("One line per message from a template: \(MessageTemplate.help).", valueName: "template"))
    var format: String?

    func validate(output: OutputFormat) throws {
        if let queue, queue < 0 { throw ValidationError("--queue must be 0 or more") }
        _ = try filter()
        _ = try template()
        if format != nil, output == .json {
            throw ValidationError("--format prints lines of text; drop it or -o json")
        }
    }

    func filter() throws -> FilterExpression? {
        guard let whereExpression else { return nil }
        do {
            return try FilterExpression.parse(whereExpression)
        } catch {
            throw ValidationError("--where: \(error)")
        }
    }

    func template() throws -> MessageTemplate? {
        guard let format else { return nil }
        do {
            return try MessageTemplate(format)
        } catch {
            throw ValidationError(error.message)
        }
    }

    func window(topic: String) throws -> MessageWindow {
        var w = MessageWindow(topic: topic)
        w.broker = broker
        w.queueId = queue
        w.tags = tag
        w.key = key
        w.filter = try filter()
        return w
    }
}

/// How `message browse` and `message tail` print each message as it comes: a `message consume` table row, a JSON
/// Lines object (the `message get` shape), or a `--format` line.
final class MessageStream: Sendable {
    let rows: ConsumeStream
    let template: MessageTemplate?
    private let zone: LazyZone

    init(format: OutputFormat, template: MessageTemplate?, bodyFormat: BodyFormat?, names: BrokerNames) {
        rows = ConsumeStream(format: format, bodyFormat: bodyFormat, names: names, console: Console.current)
        self.template = template
        zone = TimeFormat.display
    }

    func print(_ m: MessageExt) {
        guard let template else { return rows.print(m) }
        let line = TimeFormat.$display.withValue(zone) {
            let view = MessageView(m, broker: rows.names.name(m.storeHost), bodyIsStored: false)
            return template.render(view, broker: view.broker, bodyFormat: rows.bodyFormat)
        }
        rows.console.write(line)
    }
}
