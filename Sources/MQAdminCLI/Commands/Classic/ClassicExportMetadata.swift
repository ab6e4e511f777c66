import ArgumentParser
import Foundation
import MQClient
import MQProtocol

/// Apache's `exportMetadata`: the user topics and groups of a broker (`-b`) or of a cluster's masters (`-c`,
/// merged) written as fastjson pretty JSON to `topic.json`, `subscriptionGroup.json` or `metadata.json` under -f.
struct ClassicExportMetadata: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exportMetadata",
        abstract: "Export metadata (Apache's classic command and output).",
        discussion: """
            -b with -t writes the broker's topic table (dataVersion and topicConfigTable) to FILE_PATH/topic.json, \
            with -g its group table to FILE_PATH/subscriptionGroup.json. -c merges the cluster's masters (queue \
            counts and retry queues summed per name, as Apache does) into FILE_PATH/metadata.json, or topic.json / \
            subscriptionGroup.json with -t / -g, with the export time. System topics and groups are left out; \
            retry and DLQ topics only come with -s. Map keys are sorted (Apache's follow Java's hash order). \
            -b alone writes metadata.json, where Apache's tool writes nothing. `updateTopicList` and \
            `updateSubGroupList` restore what these files list.
            """)

    static let defaultPath = "/tmp/rocketmq/export"

    @Option(name: [.customShort("c"), .customLong("clusterName")], help: "choose a cluster to export")
    var clusterName: String?

    @Option(name: [.customShort("b"), .customLong("brokerAddr")], help: "choose a broker to export")
    var brokerAddr: String?

    @Option(
        name: [.customShort("f"), .customLong("filePath")],
        help: "export metadata.json path | default /tmp/rocketmq/export")
    var filePath: String?

    @Flag(name: [.customShort("t"), .customLong("topic")], help: "only export topic metadata")
    var topicOnly = false

    @Flag(name: [.customShort("g"), .customLong("subscriptionGroup")], help: "only export subscriptionGroup metadata")
    var groupOnly = false

    @Flag(name: [.customShort("s"), .customLong("specialTopic")], help: "need retryTopic and dlqTopic")
    var specialTopic = false

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        try ClassicBrokerOrCluster.validate(broker: brokerAddr?.trimmed, cluster: clusterName)
    }

    func run() async throws {
        let directory = filePath?.trimmed ?? Self.defaultPath
        let export = try await Session.with(connection) { session in
            let brokers = try await GroupTargets.resolve(
                session.client, cluster: clusterName?.trimmed, broker: brokerAddr?.trimmed)
            return try await ClassicMetadataFiles.read(
                session.client, from: brokers, topics: !groupOnly || topicOnly, groups: !topicOnly,
                retryAndDLQ: specialTopic)
        }
        let file: String
        let text: String
        if brokerAddr != nil && topicOnly {
            file = "topic.json"
            text = export.brokerTopicsText
        } else if brokerAddr != nil && groupOnly {
            file = "subscriptionGroup.json"
            text = export.brokerGroupsText
        } else {
            file = topicOnly ? "topic.json" : groupOnly ? "subscriptionGroup.json" : "metadata.json"
            text = export.mergedText(exportTime: Int64(Date().timeIntervalSince1970 * 1000))
        }
        let path = directory + "/" + file
        try ClassicMetadataFiles.write(text, to: path)
        let view = ClassicExportMetadataView(
            path: path, brokers: export.brokers.map(\.address), topics: export.topicNames, groups: export.groupNames)
        Emit.output(view, format: output.output) {
            // Apache's -b line has no newline, its -c line has one.
            brokerAddr != nil && (topicOnly || groupOnly) ? "export \(path) success" : "export \(path) success\n"
        }
    }
}

/// `exportMetadata` output: where the file went and what it lists.
struct ClassicExportMetadataView: Encodable {
    var path: String
    var brokers: [String]
    var topics: [String]
    var groups: [String]
}
