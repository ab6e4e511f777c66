import Foundation
import MQClient
import MQProtocol

/// What `exportMetadata` read from each broker, and the files it writes from that (fastjson's pretty layout).
struct ClassicMetadataFiles: Sendable {
    var brokers: [BrokerRef]
    var topicWrappers: [TopicConfigSerializeWrapper]
    var groupWrappers: [SubscriptionGroupWrapper]

    static func read(
        _ client: MQClientInstance, from brokers: [BrokerRef], topics: Bool, groups: Bool, retryAndDLQ: Bool
    ) async throws -> ClassicMetadataFiles {
        var export = ClassicMetadataFiles(brokers: brokers, topicWrappers: [], groupWrappers: [])
        for b in brokers {
            if topics {
                let wrapper = try await client.userTopicConfigs(broker: b.address, retryAndDLQ: retryAndDLQ)
                export.topicWrappers.append(wrapper)
            }
            if groups { export.groupWrappers.append(try await client.userGroupConfigs(broker: b.address)) }
        }
        return export
    }

    /// Topics merged over the brokers: queue counts summed per topic name (Apache's cluster export).
    var mergedTopics: [String: TopicConfig] {
        var merged: [String: TopicConfig] = [:]
        for wrapper in topicWrappers {
            for (name, config) in wrapper.topicConfigTable {
                var c = config
                if let seen = merged[name] {
                    c.readQueueNums += seen.readQueueNums
                    c.writeQueueNums += seen.writeQueueNums
                }
                merged[name] = c
            }
        }
        return merged
    }

    /// Groups merged over the brokers: retry queues summed per group name.
    var mergedGroups: [String: SubscriptionGroupConfig] {
        var merged: [String: SubscriptionGroupConfig] = [:]
        for wrapper in groupWrappers {
            for (name, config) in wrapper.subscriptionGroupTable {
                var c = config
                if let seen = merged[name] { c.retryQueueNums += seen.retryQueueNums }
                merged[name] = c
            }
        }
        return merged
    }

    var topicNames: [String] { mergedTopics.keys.sorted() }
    var groupNames: [String] { mergedGroups.keys.sorted() }

    /// `-b -t`: the broker's wrapper as Apache's client decodes it (dataVersion and the table).
    var brokerTopicsText: String { Self.pretty(topicWrappers.first) }

    /// `-b -g`: the broker's group wrapper.
    var brokerGroupsText: String { Self.pretty(groupWrappers.first) }

    /// `-c` (and `-b` alone): the merged tables that were read, with the export time.
    func mergedText(exportTime: Int64) -> String {
        Self.pretty(
            MergedMetadata(
                exportTime: exportTime, subscriptionGroupTable: groupWrappers.isEmpty ? nil : mergedGroups,
                topicConfigTable: topicWrappers.isEmpty ? nil : mergedTopics))
    }

    private struct MergedMetadata: Encodable {
        var exportTime: Int64
        var subscriptionGroupTable: [String: SubscriptionGroupConfig]?
        var topicConfigTable: [String: TopicConfig]?
    }

    private static func pretty<T: Encodable>(_ value: T?) -> String {
        guard let value, let json = try? FastJSONEncoder().encodeToValue(value) else { return "{}" }
        return FastjsonPretty.string(json)
    }

    /// Writes the file, creating its directory (Apache's `string2FileNotSafe`).
    static func write(_ text: String, to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw CLIError(
                "cannot write \(path): \(error.localizedDescription); choose another directory with -f",
                exit: .permissionDenied)
        }
    }
}
