import ArgumentParser
import Foundation
import MQClient
import MQProtocol

enum GroupTargets {
    /// The master brokers of `cluster`, the one at `broker`, or every master; unknown names exit 3.
    static func resolve(_ client: MQClientInstance, cluster: String?, broker: String?) async throws -> [BrokerRef] {
        if let broker {
            let info = try await client.clusterInfo()
            let name = info.brokerAddrTable.values.first { $0.brokerAddrs.values.contains(broker) }?.brokerName
            return [BrokerRef(name: name ?? broker, address: broker)]
        }
        guard let masters = try await client.masters(cluster: cluster) else {
            let known = try await client.clusterInfo().clusterAddrTable.keys.sorted().joined(separator: ", ")
            throw CLIError(
                "cluster \(cluster ?? "") not found; known clusters: \(known.isEmpty ? "none" : known)", exit: .notFound
            )
        }
        guard !masters.isEmpty else {
            throw CLIError(
                "no master broker is registered\(cluster.map { " in cluster \($0)" } ?? ""); is the broker running?",
                exit: .unreachable)
        }
        return masters
    }

    /// The group's configuration on each broker that has it; exits 3 when none has it.
    static func existing(
        _ client: MQClientInstance, group: String, on brokers: [BrokerRef]
    ) async throws
        -> [(broker: BrokerRef, config: SubscriptionGroupConfig)]
    {
        var found: [(BrokerRef, SubscriptionGroupConfig)] = []
        for b in brokers {
            if let c = try await client.groupConfig(group, broker: b.address) { found.append((b, c)) }
        }
        guard !found.isEmpty else { throw notFound(group) }
        return found
    }

    static func notFound(_ group: String) -> CLIError {
        CLIError("consumer group \(group) does not exist; see `mqadmin group list`", exit: .notFound)
    }

    /// Checks a group name as the broker would, so a typo fails before anything is sent.
    static func validateName(_ group: String, option: String = "GROUP") throws {
        if let why = SystemTopics.validate(group: group) { throw ValidationError("\(option): \(why)") }
    }

    /// Apache's boolean options (`Boolean.parseBoolean`): "true" in any case is true, anything else false.
    static func javaBool(_ text: String) -> Bool { text.trimmingCharacters(in: .whitespaces).lowercased() == "true" }

    /// Refuses a boolean option that is neither true nor false (any case). Apache reads "maybe" as false,
    /// which silently turned `-r maybe` into a delete or `-s maybe` into a disabled group; a typo must not
    /// change the broker.
    static func checkBool(_ text: String?, option: String) throws {
        guard let text else { return }
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "false": return
        default: throw ValidationError("\(option) \"\(text)\" is not true or false")
        }
    }

    /// Where offset changes are applied, as the journal records it: undo only goes back to the same place.
    static func journalTarget(_ connection: ConnectionOptions) -> String {
        let ns = connection.nameServers
        if !ns.isEmpty { return "namesrv:" + ns.sorted().joined(separator: ";") }
        return "data:" + connection.resolvedDataDirectory
    }

    /// `~/.mqadmin/journal` (HOME-relative, so each operator account keeps its own).
    static var journalDirectory: String {
        HomeFile.journal.path
    }
}
