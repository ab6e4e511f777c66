import Foundation
import Logging

/// One line per event on stderr: time, level, message, metadata. Never used for command output.
struct LineLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level
    let label: String
    /// The display zone of the command that made the logger: events come from threads outside its task.
    var zone = TimeFormat.display

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var line = "\(TimeFormat.logTime(Date(), in: zone.zone)) \(event.level.rawValue.uppercased()) \(event.message)"
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        if !merged.isEmpty {
            line += " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        }
        Console.current.writeError(line + "\n")
    }
}

enum Logs {
    static func make(_ label: String, level: Logger.Level) -> Logger {
        var logger = Logger(label: label) { LineLogHandler(logLevel: level, label: $0) }
        logger.logLevel = level
        return logger
    }
}
