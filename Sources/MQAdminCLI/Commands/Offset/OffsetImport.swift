import ArgumentParser
import Foundation
import MQClient
import MQProtocol

/// `mqadmin offset import FILE`: sets the offsets of an `offset export` file (plan; --execute applies).
struct OffsetImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Set offsets from an `offset export` file (plan; --execute applies).",
        discussion: "FILE '-' reads stdin. --group imports into another group than the file's."
    )

    @Argument(help: "File written by `mqadmin offset export` ('-' for stdin).") var file: String
    @Option(name: [.customShort("g"), .customLong("group")], help: "Import into this group instead of the file's.",
        completion: .custom(LiveNames.groups))
    var group: String?
    @Flag(help: "Move offsets outside a queue's range to its nearest end instead of refusing.") var clamp = false
    @OptionGroup var execute: ExecuteOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let group { try GroupTargets.validateName(group, option: "--group") }
    }

    func run() async throws {
        let content = try read()
        let target = group ?? content.group
        try GroupTargets.validateName(target)
        try await Session.with(connection) { session in
            let client = session.client
            _ = try await GroupTargets.existing(
                client, group: target, on: try await GroupTargets.resolve(client, cluster: nil, broker: nil))
            let offsets = content.offsets.map {
                (queue: MessageQueue(topic: $0.topic, brokerName: $0.broker, queueId: $0.queueId), offset: $0.offset)
            }
            let plan = try await client.planOffsets(group: target, offsets: offsets, what: "import of \(file)", clamp: clamp)
            try await PlanRunner.run(
                plan, client: client, connection: connection, format: output.output, execute: execute,
                operation: "offset import \(file)" + (group.map { " --group \($0)" } ?? ""))
        }
    }

    func read() throws -> OffsetFile {
        let data: Data
        if file == "-" {
            data = Console.current.readAll()
        } else {
            guard let d = FileManager.default.contents(atPath: file) else {
                throw CLIError("cannot read \(file); check the path", exit: .usage)
            }
            data = d
        }
        let content: OffsetFile
        do {
            content = try JSONDecoder().decode(OffsetFile.self, from: data)
        } catch {
            throw CLIError("\(file) is not an `mqadmin offset export` file (\(Self.describe(error)))", exit: .usage)
        }
        guard content.format == OffsetFile.formatName else {
            throw CLIError(
                "\(file) has format \"\(content.format)\"; this version reads \"\(OffsetFile.formatName)\"",
                exit: .usage)
        }
        guard !content.offsets.isEmpty else {
            throw CLIError("\(file) holds no offsets; nothing to import", exit: .usage)
        }
        if let bad = content.offsets.first(where: { $0.offset < 0 || $0.queueId < 0 }) {
            throw CLIError("\(file): negative offset or queue id for \(bad.topic) on \(bad.broker)", exit: .usage)
        }
        return content
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            return "wrong value at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: return "not valid JSON"
        default: return "\(error)"
        }
    }
}
