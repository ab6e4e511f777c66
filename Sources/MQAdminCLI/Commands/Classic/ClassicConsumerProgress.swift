import ArgumentParser
import Foundation
import MQClient
import MQProtocol

/// Apache's `consumerProgress`: one group's queues with diffs (with -g), or every group's summary (without).
struct ClassicConsumerProgress: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consumerProgress",
        abstract: "Query consumer's progress, speed.",
        discussion: """
            With -s true the #Client IP column shows which member owns each queue, computed with the official \
            clients' default allocation (average) over the group's members.
            """
    )

    @Option(name: [.customShort("g"), .customLong("groupName")], help: "consumer group name",
        completion: .custom(LiveNames.groups))
    var groupName: String?
    @Option(name: [.customShort("t"), .customLong("topicName")], help: "topic name") var topicName: String?
    @Option(name: [.customShort("s"), .customLong("showClientIP")], help: "Show Client IP per Queue")
    var showClientIP: String?
    @Option(
        name: [.customShort("c"), .customLong("cluster")],
        help: "Cluster name or lmq parent topic, lmq is used to find the route.")
    var cluster: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        if let groupName { try GroupTargets.validateName(groupName, option: "-g") }
        try GroupTargets.checkBool(showClientIP, option: "-s")
        if topicName != nil && groupName == nil { throw ValidationError("-t needs -g GROUP") }
    }

    func run() async throws {
        if let groupName {
            let showIP = showClientIP.map(GroupTargets.javaBool) ?? false
            let view = try await Session.with(connection) { session in
                try await ProgressView.load(session.client, group: groupName, topic: topicName, showClientIP: showIP)
            }
            Emit.output(view, format: output.output) { view.layout }
        } else {
            let view = try await Session.with(connection) { session in
                try await GroupsProgressView.load(session.client)
            }
            Emit.output(view, format: output.output) { view.layout }
        }
    }
}

/// `consumerProgress -g` (docs/json/groups.md): per queue, Apache's columns and footer.
struct ProgressView: Encodable {
    struct Queue: Encodable {
        var topic: String
        var broker: String
        var queueId: Int32
        var brokerOffset: Int64
        var consumerOffset: Int64
        var clientIP: OrNull<String>
        var diff: Int64
        var inflight: Int64
        var lastTimestamp: OrNull<Int64>
        var lastTime: OrNull<String>
    }

    var group: String
    var topic: OrNull<String>
    var queues: [Queue]
    var consumeTps: Double
    var diffTotal: Int64
    var inflightTotal: Int64
    var showClientIP: Bool

    static func load(
        _ client: MQClientInstance, group: String, topic: String?, showClientIP: Bool
    ) async throws -> ProgressView {
        let masters = try await GroupTargets.resolve(client, cluster: nil, broker: nil)
        var known = false
        for b in masters where !known { known = try await client.groupConfig(group, broker: b.address) != nil }
        let online = try await client.consumerConnection(group: group, on: masters)
        guard known || online != nil else { throw GroupTargets.notFound(group) }
        let stats = try await client.consumeStats(group: group, topic: topic)
        var owners: [MessageQueue: String] = [:]
        if showClientIP, let ids = online?.connectionSet.map(\.clientId) {
            for t in Set(stats.offsetTable.queues.map(\.topic)) {
                let queues = stats.offsetTable.queues.filter { $0.topic == t }
                owners.merge(MQClientInstance.averageAllocation(queues: queues, clientIds: ids)) { a, _ in a }
            }
        }
        let queues = stats.offsetTable.entries.sorted { $0.queue < $1.queue }.map { mq, w in
            Queue(
                topic: mq.topic, broker: mq.brokerName, queueId: mq.queueId, brokerOffset: w.brokerOffset,
                consumerOffset: w.consumerOffset,
                clientIP: OrNull(owners[mq].map { String($0.split(separator: "@", maxSplits: 1).first ?? "") }),
                diff: w.brokerOffset - w.consumerOffset, inflight: w.pullOffset - w.consumerOffset,
                lastTimestamp: OrNull(w.lastTimestamp > 0 ? w.lastTimestamp : nil),
                lastTime: OrNull(w.lastTimestamp > 0 ? TimeFormat.iso(w.lastTimestamp) : nil))
        }
        return ProgressView(
            group: group, topic: OrNull(topic), queues: queues, consumeTps: stats.consumeTps,
            diffTotal: queues.reduce(0) { $0 + $1.diff }, inflightTotal: queues.reduce(0) { $0 + $1.inflight },
            showClientIP: showClientIP)
    }

    /// Apache's printf layout, including its header quirk (no space before #LastTime).
    var layout: String {
        var out: String
        if showClientIP {
            out = JavaFormat.format(
                "%-64s  %-32s  %-4s  %-20s  %-20s  %-20s %-20s %-20s%s%n",
                [
                    "#Topic", "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset", "#Client IP", "#Diff",
                    "#Inflight",
                    "#LastTime",
                ])
        } else {
            out = JavaFormat.format(
                "%-64s  %-32s  %-4s  %-20s  %-20s  %-20s %-20s%s%n",
                [
                    "#Topic", "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset", "#Diff", "#Inflight",
                    "#LastTime",
                ])
        }
        for q in queues {
            var cells = [
                Printf.front(q.topic, 64), Printf.front(q.broker, 32), String(q.queueId), String(q.brokerOffset),
                String(q.consumerOffset),
            ]
            if showClientIP { cells.append(q.clientIP.value ?? "N/A") }
            cells += [String(q.diff), String(q.inflight), q.lastTimestamp.value.map(TimeFormat.seconds) ?? "N/A"]
            out += JavaFormat.format(
                showClientIP
                    ? "%-64s  %-32s  %-4d  %-20d  %-20d  %-20s %-20d %-20d %s%n"
                    : "%-64s  %-32s  %-4d  %-20d  %-20d  %-20d %-20d %s%n",
                cells)
        }
        out += "\n"
        out += "Consume TPS: \(String(format: "%.2f", consumeTps))\n"
        out += "Consume Diff Total: \(diffTotal)\n"
        out += "Consume Inflight Total: \(inflightTotal)\n"
        return out
    }
}

/// `consumerProgress` without -g: one row per group that has a %RETRY% topic (Apache's selection).
struct GroupsProgressView: Encodable {
    struct Group: Encodable {
        var group: String
        var count: Int
        var version: OrNull<String>
        var versionCode: OrNull<Int32>
        var consumeType: OrNull<String>
        var messageModel: OrNull<String>
        var consumeTps: Int
        var diffTotal: Int64
    }

    var groups: [Group]

    static func load(_ client: MQClientInstance) async throws -> GroupsProgressView {
        var groups: [Group] = []
        for topic in try await client.allTopicNames() where topic.hasPrefix(SystemTopics.retryPrefix) {
            var name = String(topic.dropFirst(SystemTopics.retryPrefix.count))
            // Pop v2 retry topics are %RETRY%<group>+<topic>.
            if let plus = name.firstIndex(of: "+") { name = String(name[..<plus]) }
            let stats = try? await client.consumeStats(group: name)
            let cc = (try? await client.consumerConnection(group: name)) ?? nil
            let count = cc?.connectionSet.count ?? 0
            let minVersion = cc?.connectionSet.map(\.version).min()
            let type = count > 0 ? (cc?.consumeType == .consumeActively ? "PULL" : "PUSH") : nil
            groups.append(
                Group(
                    group: name, count: count, version: OrNull(count > 0 ? minVersion.map(MQVersion.describe) : nil),
                    versionCode: OrNull(count > 0 ? minVersion : nil), consumeType: OrNull(type),
                    messageModel: OrNull(
                        count > 0 && cc?.consumeType == .consumePassively ? cc?.messageModel?.rawValue : nil),
                    consumeTps: Int(stats?.consumeTps ?? 0), diffTotal: stats?.totalDiff ?? 0))
        }
        return GroupsProgressView(groups: groups)
    }

    /// Apache's `%-64s  %-6s  %-24s %-5s  %-14s  %-7s  %s` layout; an offline group's version reads OFFLINE.
    var layout: String {
        var out = JavaFormat.format(
            "%-64s  %-6s  %-24s %-5s  %-14s  %-7s  %s%n",
            ["#Group", "#Count", "#Version", "#Type", "#Model", "#TPS", "#Diff Total"])
        for g in groups {
            out += JavaFormat.format(
                "%-64s  %-6d  %-24s %-5s  %-14s  %-7d  %d%n",
                [
                    Printf.front(g.group, 64), String(g.count), g.count > 0 ? (g.version.value ?? "") : "OFFLINE",
                    g.consumeType.value ?? "", g.messageModel.value ?? "", String(g.consumeTps), String(g.diffTotal),
                ])
        }
        return out
    }
}
