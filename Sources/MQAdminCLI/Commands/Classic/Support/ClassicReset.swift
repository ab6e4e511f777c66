import Foundation
import MQClient
import MQProtocol

/// The server-side reset resetOffsetByTime and skipAccumulatedMessage share: every broker of the topic's
/// route resets the group's queues by time (−1: to the end), like Apache's, after journaling the old offsets.
enum ClassicReset {
    struct Row: Encodable {
        var broker: String
        var queueId: Int32
        var offset: Int64
    }

    /// `resetOffsetByTime` / `skipAccumulatedMessage --output json` (docs/json/groups.md).
    struct View: Encodable {
        var group: String
        var topic: String
        var timestamp: Int64
        var timestampText: String
        var force: Bool
        var queues: [Row]
        var journalId: String
    }

    /// Resets and returns the offsets set; throws (exit 1, after printing what changed) on a partial failure.
    static func byTime(
        _ client: MQClientInstance, connection: ConnectionOptions, group: String, topic: String, timestamp: Int64,
        operation: String
    ) async throws -> (rows: [Row], journalId: String, failure: CLIError?) {
        _ = try await GroupTargets.existing(
            client, group: group, on: try await GroupTargets.resolve(client, cluster: nil, broker: nil))
        let target: OffsetTarget = timestamp < 0 ? .latest : .time(timestamp)
        let plan = try await client.planReset(group: group, topic: topic, target: target, storeTimes: false)
        let id = try PlanRunner.saveJournal(plan, connection: connection, operation: operation)
        var rows: [Row] = []
        var failed: [(broker: String, error: any Error)] = []
        for (broker, _) in try await client.topicQueues(topic) {
            do {
                let set = try await client.resetOffsets(
                    group: group, topic: topic, timestamp: timestamp, broker: broker.address)
                rows += set.map { Row(broker: $0.queue.brokerName, queueId: $0.queue.queueId, offset: $0.offset) }
            } catch let e as ClientError where e.responseCode == .consumerNotOnline {
                // A broker without server-side reset refuses offline groups: write the planned offsets directly.
                for c in plan.changes where c.queue.brokerName == broker.name {
                    do {
                        try await client.updateConsumerOffset(group: group, queue: c.queue, offset: c.new)
                        rows.append(Row(broker: broker.name, queueId: c.queue.queueId, offset: c.new))
                    } catch {
                        failed.append((broker.name, error))
                    }
                }
            } catch {
                failed.append((broker.name, error))
            }
        }
        var failure: CLIError?
        if let first = failed.first {
            let changed = rows.map { "\($0.broker)#\($0.queueId)" }
            // A reset that was sent and not answered may have been applied there.
            let unconfirmed = Set(failed.filter { ($0.error as? ClientError)?.outcomeUnknown == true }.map(\.broker))
            let brokers = Set(failed.map(\.broker)).sorted().joined(separator: ", ")
            var message = "reset failed on \(brokers): \(first.error)"
            message += PartialWrite.tail(
                done: changed.isEmpty ? nil : "changed: \(changed.joined(separator: ", "))",
                unconfirmed: unconfirmed.sorted(), write: "reset", nothing: "nothing changed")
            if !changed.isEmpty || !unconfirmed.isEmpty { message += "; undo with `mqadmin offset undo --id \(id)`" }
            failure = CLIError(message, exit: .failed)
        }
        return (rows.sorted { ($0.broker, $0.queueId) < ($1.broker, $1.queueId) }, id, failure)
    }

    /// Apache's `%-40s  %-40s  %-40s` table of the offsets set.
    static func table(_ rows: [Row]) -> String {
        var out = JavaFormat.format("%-40s  %-40s  %-40s%n", ["#brokerName", "#queueId", "#offset"])
        for r in rows {
            out += JavaFormat.format(
                "%-40s  %-40d  %-40d%n", [Printf.front(r.broker, 32), String(r.queueId), String(r.offset)])
        }
        return out
    }
}
