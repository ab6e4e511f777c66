import ArgumentParser
import Foundation
import MQClient
import MQProtocol

/// `mqadmin offset export GROUP [-t TOPIC] [--file F]`: committed offsets as JSON.
struct OffsetExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a group's committed offsets as JSON (stdout, or --file), for `offset import`.",
        discussion: """
            Queues without a committed offset are left out. The export is JSON whatever -o says; with --file, \
            -o json also prints the document written to stdout.
            """
    )

    @Argument(help: "Consumer group.", completion: .custom(LiveNames.groups)) var group: String
    @Option(name: [.customShort("t"), .customLong("topic")], help: "Only this topic.",
        completion: .custom(LiveNames.topics))
    var topic: String?
    @Option(name: [.customShort("f"), .customLong("file")], help: "Write to this file (mode 0600) instead of stdout.")
    var file: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws { try GroupTargets.validateName(group) }

    func run() async throws {
        let export = try await Session.with(connection) { session in
            let client = session.client
            _ = try await GroupTargets.existing(
                client, group: group, on: try await GroupTargets.resolve(client, cluster: nil, broker: nil))
            var topics = topic.map { [$0] } ?? []
            if topic == nil { topics = try await client.consumedTopics(group: group) }
            var entries: [OffsetFile.Entry] = []
            for t in topics {
                for s in try await client.offsetStates(group: group, topic: t) {
                    guard let committed = s.committed else { continue }
                    entries.append(
                        .init(topic: t, broker: s.queue.brokerName, queueId: s.queue.queueId, offset: committed))
                }
            }
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            return OffsetFile(
                format: OffsetFile.formatName, group: group, exportedAt: now, exportedTime: TimeFormat.iso(now),
                offsets: entries)
        }
        let text = Emit.json(export)
        guard let file else { return Emit.write(text) }
        guard
            FileManager.default.createFile(
                atPath: file, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw CLIError("cannot write \(file); check the directory exists and is writable", exit: .failed)
        }
        Emit.note("wrote \(export.offsets.count) offsets of group \(group) to \(file)")
        if output.output == .json { Emit.write(text) }
    }
}
