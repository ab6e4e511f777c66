import ArgumentParser
import MQClient

/// The window `dlq list` and `dlq resend` read: store times in the DLQ and a key.
struct DLQWindowOptions: ParsableArguments {
    @Option(help: ArgumentHelp("First DLQ store time (inclusive): \(TimeArgument.forms).", valueName: "time"))
    var since: String?
    @Option(help: ArgumentHelp("DLQ store time to stop before (exclusive), same forms.", valueName: "time"))
    var until: String?
    @Option(name: [.customShort("k"), .long], help: "Only messages whose keys include this key.") var key: String?

    func validate() throws {
        if let since { try TimeArgument.validate(since, option: "--since") }
        if let until { try TimeArgument.validate(until, option: "--until") }
    }

    func window(group: String, limit: Int) throws -> DeadLetterWindow {
        let from = try since.map { try TimeArgument.require($0, option: "--since") }
        let to = try until.map { try TimeArgument.require($0, option: "--until") }
        if let from, let to, to <= from {
            throw CLIError("--until must be later than --since (the window is empty)", exit: .usage)
        }
        return DeadLetterWindow(group: group, since: from, until: to, key: key, limit: limit)
    }
}
