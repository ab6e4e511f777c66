import MQClient
import MQProtocol

/// Deleting a group from brokers, and its retry/DLQ topics with it (group delete, deleteSubGroup).
enum GroupDeletion {
    /// Deletes `group` from each broker; then, when `topics`, its %RETRY% and %DLQ% topics on those brokers,
    /// and from the name servers when `nameServers` (limited to `cluster` when given). Never throws: the
    /// view says what happened where.
    static func run(
        _ client: MQClientInstance, group: String, brokers: [BrokerRef], cleanOffsets: Bool, topics: Bool,
        nameServers: Bool, cluster: String? = nil
    ) async -> GroupDeleteView {
        var view = GroupDeleteView(
            group: group, cleanOffsets: cleanOffsets, brokers: [], deletedTopics: [], topicErrors: [])
        for b in brokers {
            do {
                try await client.deleteGroup(group, broker: b.address, cleanOffset: cleanOffsets)
                view.brokers.append(BrokerOutcome(b, result: "deleted"))
            } catch {
                view.brokers.append(BrokerOutcome(b, result: "failed", error: error))
            }
        }
        // Only once the group is gone everywhere in scope: a half-deleted group keeps its topics.
        guard topics, view.brokers.allSatisfy({ $0.error.value == nil }) else { return view }
        let names = Set(brokers.map(\.name))
        for topic in [SystemTopics.retryTopic(group), SystemTopics.dlqTopic(group)] {
            guard let route = try? await client.route(topic: topic, refresh: true) else { continue }
            for b in route.brokerDatas where names.contains(b.brokerName) {
                guard let addr = b.masterAddress else { continue }
                do {
                    try await client.deleteTopic(topic, broker: addr)
                } catch {
                    view.topicErrors.append("\(topic) on \(b.brokerName): \(error)")
                }
            }
            if nameServers {
                do {
                    try await client.deleteTopicInNameServers(topic, cluster: cluster)
                } catch {
                    view.topicErrors.append("\(topic) on the name server: \(error)")
                }
            }
            view.deletedTopics.append(topic)
        }
        return view
    }

    /// Exit 1 when a broker or a topic deletion failed, naming it.
    static func check(_ view: GroupDeleteView, what: String) throws {
        try BrokerOutcome.check(view.brokers, what: what)
        if let e = view.topicErrors.first {
            throw CLIError("group \(view.group) deleted, but not its topic \(e)", exit: .failed)
        }
    }
}

/// `group delete` / `deleteSubGroup` output (docs/json/groups.md).
struct GroupDeleteView: Encodable {
    var group: String
    var cleanOffsets: Bool
    var brokers: [BrokerOutcome]
    var deletedTopics: [String]
    var topicErrors: [String]

    var table: String {
        var out = BrokerOutcome.table(brokers)
        if !deletedTopics.isEmpty { out += "Deleted topics: \(deletedTopics.joined(separator: ", "))\n" }
        return out
    }
}
