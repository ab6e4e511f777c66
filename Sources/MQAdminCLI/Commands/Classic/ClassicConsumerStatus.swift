import ArgumentParser
import Foundation
import MQClient
import MQProtocol

/// Apache's `consumerStatus`: without -i, one line per member that answered, its running info written to
/// `<now>/<clientId>` under the current directory (as Apache does), then the subscription and queue analysis;
/// with -i, that member's running info itself.
struct ClassicConsumerStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consumerStatus",
        abstract: "Query consumer's internal data structure.",
        discussion: """
            Members that do not answer are named on standard error, one line each, and left out as Apache does. \
            Exits 3 when the group has no online consumer, 4 when -i names a client that did not answer.
            """
    )

    @Option(name: [.customShort("g"), .customLong("consumerGroup")], help: "consumer group name",
        completion: .custom(LiveNames.groups))
    var consumerGroup: String
    @Option(name: [.customShort("i"), .customLong("clientId")], help: "The consumer's client id") var clientId: String?
    @Option(name: [.customShort("b"), .customLong("brokerAddr")], help: "broker address") var brokerAddr: String?
    @Flag(name: [.customShort("s"), .customLong("jstack")], help: "Run jstack command in the consumer progress")
    var jstack = false
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws { try GroupTargets.validateName(consumerGroup, option: "-g") }

    func run() async throws {
        let group = consumerGroup.trimmingCharacters(in: .whitespaces)
        let members = try await Session.with(connection) { session in
            var brokers: [BrokerRef]?
            if let brokerAddr {
                let address = brokerAddr.trimmingCharacters(in: .whitespaces)
                brokers = try await GroupTargets.resolve(session.client, cluster: nil, broker: address)
            }
            return try await session.client.groupRunningInfo(
                group: group, clientId: clientId?.trimmingCharacters(in: .whitespaces), jstack: jstack,
                brokers: brokers)
        }
        guard !members.isEmpty else {
            throw CLIError("consumer group \(group) is not online (no consumer connected)", exit: .notFound)
        }
        let now = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        let view = GroupStatusView(group: group, members: members, now: now, stack: jstack)
        if clientId != nil {
            guard let member = members.first, let info = member.info else {
                throw CLIError(
                    "client \(members.first?.clientId ?? "") did not answer: \(members.first?.failure ?? "unknown")",
                    exit: .unreachable)
            }
            Emit.output(view, format: output.output) { ClassicRunningInfoText.format(info) }
            return
        }
        for m in members { if let why = m.failure { Emit.note("client \(m.clientId) did not answer: \(why)") } }
        Emit.output(view, format: output.output) { Self.listing(members, now: now) }
    }

    /// The table of members with the file each one's running info went to, then Apache's analysis.
    static func listing(_ members: [ClientRunningInfo], now: Int64) -> String {
        var out = JavaFormat.format(
            "%-10s %-40s %-20s %s%n", ["#Index", "#ClientId", "#Version", "#ConsumerRunningInfoFile"])
        var answered: [(clientId: String, info: ConsumerRunningInfo)] = []
        for m in members {
            guard let info = m.info else { continue }
            let path = "\(now)/\(m.clientId)"
            do {
                try FileManager.default.createDirectory(atPath: String(now), withIntermediateDirectories: true)
                try ClassicRunningInfoText.format(info).write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                Emit.note("cannot write \(path): \(error.localizedDescription)")
                continue
            }
            answered.append((m.clientId, info))
            let version = m.connection.map { MQVersion.describe($0.version) } ?? ""
            out += JavaFormat.format("%-10s %-40s %-20s %s%n", [String(answered.count), m.clientId, version, path])
        }
        guard !answered.isEmpty else { return out }
        if ClassicRunningInfoText.sameSubscription(answered, now: now) {
            out += "\n\nSame subscription in the same group of consumer"
            out += "\n\nRebalance OK\n"
            for a in answered {
                out += ClassicRunningInfoText.analyzeProcessQueue(clientId: a.clientId, a.info, now: now)
            }
        } else {
            out += "\n\nWARN: Different subscription in the same group of consumer!!!"
        }
        return out
    }
}
