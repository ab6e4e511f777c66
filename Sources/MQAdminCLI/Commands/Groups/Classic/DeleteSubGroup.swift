import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `deleteSubGroup`: deletes a group from a broker, or from a cluster's masters with its retry/DLQ topics.
struct DeleteSubGroup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deleteSubGroup",
        abstract: "Delete subscription group from broker.",
        discussion:
            "Classic form of `mqadmin group delete`. Asks for confirmation on a terminal; "
            + "-y/--yes skips it (needed in scripts)."
    )

    @Option(name: [.customShort("g"), .customLong("groupName")], help: "subscription group name") var groupName: String
    @Option(name: [.customShort("b"), .customLong("brokerAddr")], help: "delete subscription group from which broker")
    var brokerAddr: String?
    @Option(
        name: [.customShort("c"), .customLong("clusterName")], help: "delete subscription group from which cluster")
    var clusterName: String?
    @Option(name: [.customShort("r"), .customLong("removeOffset")], help: "remove offset") var removeOffset: String?
    @Flag(name: [.customShort("y"), .customLong("yes")], help: "Do not ask for confirmation.") var yes = false
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        try GroupTargets.validateName(groupName, option: "-g")
        guard (brokerAddr == nil) != (clusterName == nil) else {
            throw ValidationError("pass exactly one of -b BROKER_ADDR or -c CLUSTER_NAME")
        }
    }

    func run() async throws {
        let clean = removeOffset.map(GroupTargets.javaBool) ?? false
        let (view, lines) = try await Session.with(connection) { session in
            let client = session.client
            let brokers = try await GroupTargets.resolve(client, cluster: clusterName, broker: brokerAddr)
            _ = try await GroupTargets.existing(client, group: groupName, on: brokers)
            try Confirm.destructive(
                "delete consumer group \(groupName) from \(brokers.map(\.address).joined(separator: ", "))",
                token: groupName, yes: yes)
            var view = GroupDeleteView(
                group: groupName, cleanOffsets: clean, brokers: [], deletedTopics: [], topicErrors: [])
            var lines = ""
            for b in brokers {
                do {
                    try await client.deleteGroup(groupName, broker: b.address, cleanOffset: clean)
                    view.brokers.append(BrokerOutcome(b, result: "deleted"))
                    lines +=
                        clusterName.map {
                            "delete subscription group [\(groupName)] from broker [\(b.address)] "
                                + "in cluster [\($0)] success.\n"
                        }
                        ?? "delete subscription group [\(groupName)] from broker [\(b.address)] success.\n"
                } catch {
                    view.brokers.append(BrokerOutcome(b, result: "failed", error: "\(error)"))
                }
            }
            // Apache's -c also deletes the group's retry and DLQ topics in the cluster.
            if let clusterName, view.brokers.allSatisfy({ $0.error.value == nil }) {
                for topic in [SystemTopics.retryTopic(groupName), SystemTopics.dlqTopic(groupName)] {
                    guard let route = try? await client.route(topic: topic, refresh: true) else { continue }
                    for b in route.brokerDatas where brokers.contains(where: { $0.name == b.brokerName }) {
                        guard let addr = b.masterAddress else { continue }
                        do { try await client.deleteTopic(topic, broker: addr) } catch {
                            view.topicErrors.append("\(topic): \(error)")
                        }
                    }
                    do {
                        try await client.deleteTopicInNameServers(topic, cluster: clusterName)
                    } catch {
                        view.topicErrors.append("\(topic) on the name server: \(error)")
                    }
                    view.deletedTopics.append(topic)
                }
            }
            return (view, lines)
        }
        Emit.output(view, format: output.output) { lines }
        try BrokerOutcome.check(view.brokers, what: "deleteSubGroup")
        if let e = view.topicErrors.first {
            throw CLIError("group \(groupName) deleted, but not its topic \(e)", exit: .failed)
        }
    }
}
