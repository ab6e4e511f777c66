import Foundation
import MQClient
import MQProtocol

/// What applying one change did.
struct MetadataChangeResult: Codable, Equatable, Sendable {
    var change: MetadataChange
    /// applied, failed, or skipped (a blocked item: nothing sent).
    var result: String
    var error: String?
}

/// Applies a plan change by change, in the plan's order, going on after a failure so every failure is named.
enum MetadataExecutor {
    /// `document`: the desired state a change of that broker is made from (apply: the file; undo: the prior state
    /// journaled for that broker).
    static func apply(
        _ plan: MetadataPlan, document: (String) -> MetadataDocument, state: MetadataState,
        credentials: [String: String], client: MQClientInstance
    ) async -> [MetadataChangeResult] {
        var results: [MetadataChangeResult] = []
        for change in plan.changes {
            guard change.action != .blocked else {
                results.append(MetadataChangeResult(change: change, result: "skipped", error: change.reason))
                continue
            }
            guard let address = state.masters.first(where: { $0.brokerName == change.broker })?.address else {
                results.append(
                    MetadataChangeResult(change: change, result: "failed", error: "broker \(change.broker) is gone"))
                continue
            }
            do {
                try await apply(
                    change, address: address, doc: document(change.broker), state: state, credentials: credentials,
                    client)
                results.append(MetadataChangeResult(change: change, result: "applied"))
            } catch {
                results.append(MetadataChangeResult(change: change, result: "failed", error: "\(error)"))
            }
        }
        return results
    }

    static func apply(
        _ change: MetadataChange, address: String, doc: MetadataDocument, state: MetadataState,
        credentials: [String: String], _ client: MQClientInstance
    ) async throws {
        switch (change.kind, change.action) {
        case (_, .blocked): return
        case (.topic, .delete):
            _ = try await client.deleteTopic(
                change.name, on: state.masters.filter { $0.brokerName == change.broker }, cluster: state.cluster)
        case (.topic, _):
            let spec = doc.topics.first { $0.name == change.name }!
            let old = state.topics[change.broker]?[change.name]?.attributes ?? [:]
            let config = TopicConfig(
                topicName: spec.name, readQueueNums: spec.readQueues, writeQueueNums: spec.writeQueues,
                perm: spec.perm, order: spec.order, attributes: spec.attributes)
            try await client.writeTopicConfig(
                config, attributes: TopicAttributes.format(attributeChange(from: old, to: spec.attributes)),
                broker: address)
        case (.group, .delete):
            try await client.deleteGroup(change.name, broker: address, cleanOffset: false)
        case (.group, _):
            let spec = doc.groups.first { $0.name == change.name }!
            try await client.updateGroup(spec.config(over: state.groups[change.broker]?[change.name]), broker: address)
        case (.user, .delete):
            try await client.deleteUser(change.name, broker: address)
        case (.user, let action):
            let spec = doc.users!.first { $0.name == change.name }!
            let password = action == .create ? spec.password ?? credentials[spec.name] : nil
            let user = UserInfo(username: spec.name, password: password, userType: spec.type, userStatus: spec.status)
            if action == .create {
                try await client.createUser(user, broker: address)
            } else {
                try await client.updateUser(user, broker: address)
            }
        case (.acl, .delete):
            try await client.deleteAcl(subject: change.name, resource: nil, broker: address)
        case (.acl, let action):
            let spec = doc.acls!.first { $0.subject == change.name }!
            try await client.putAcl(spec.info, update: action == .update, broker: address)
            // The broker merges an update into the ACL; resources the file no longer lists go one by one.
            for f in change.fields where f.to == nil {
                try await client.deleteAcl(subject: spec.subject, resource: f.field, broker: address)
            }
        case (.offset, _):
            let queue = MessageQueue(topic: change.topic ?? "", brokerName: change.broker, queueId: change.queueId ?? 0)
            let offset = Int64(change.fields.first?.to ?? "") ?? 0
            try await client.resetOffset(group: change.name, queue: queue, offset: offset, broker: address)
        }
    }

    /// Apache's attribute modification from `old` to `new`: `+k=v` for what is new or changed, `-k` for what goes.
    static func attributeChange(from old: [String: String], to new: [String: String]) -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in new where old[k] != v { out["+" + k] = v }
        for k in old.keys where new[k] == nil { out["-" + k] = "" }
        return out
    }
}
