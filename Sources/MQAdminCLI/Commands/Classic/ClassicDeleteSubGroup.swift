import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `deleteSubGroup`: deletes a group from a broker, or from a cluster's masters with its retry/DLQ topics.
struct ClassicDeleteSubGroup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deleteSubGroup",
        abstract: "Delete subscription group from broker.",
        discussion: "Classic form of `mqadmin group delete`; like Apache's, it does not ask for confirmation."
    )

    @Option(name: [.customShort("g"), .customLong("groupName")], help: "subscription group name",
        completion: .custom(LiveNames.groups))
    var groupName: String
    @Option(name: [.customShort("b"), .customLong("brokerAddr")], help: "delete subscription group from which broker")
    var brokerAddr: String?
    @Option(
        name: [.customShort("c"), .customLong("clusterName")], help: "delete subscription group from which cluster")
    var clusterName: String?
    @Option(name: [.customShort("r"), .customLong("removeOffset")], help: "remove offset") var removeOffset: String?
    @OptionGroup var ignoredYes: ClassicIgnoredYes
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        try GroupTargets.validateName(groupName, option: "-g")
        try GroupTargets.checkBool(removeOffset, option: "-r")
        try ClassicBrokerOrCluster.validate(broker: brokerAddr, cluster: clusterName, checkAddress: false)
    }

    func run() async throws {
        let clean = removeOffset.map(GroupTargets.javaBool) ?? false
        let view = try await Session.with(connection) { session in
            let client = session.client
            let brokers = try await GroupTargets.resolve(client, cluster: clusterName, broker: brokerAddr)
            _ = try await GroupTargets.existing(client, group: groupName, on: brokers)
            // Apache's -c also deletes the group's retry and DLQ topics in the cluster; -b does not.
            return await GroupDeletion.run(
                client, group: groupName, brokers: brokers, cleanOffsets: clean, topics: clusterName != nil,
                nameServers: true, cluster: clusterName)
        }
        Emit.output(view, format: output.output) { lines(view) }
        try GroupDeletion.check(view, what: "deleteSubGroup")
    }

    /// Apache's lines, one per broker the group was deleted from.
    func lines(_ view: GroupDeleteView) -> String {
        view.brokers.filter { $0.error.value == nil }.map { b in
            let place = clusterName.map { " in cluster [\($0)]" } ?? ""
            return "delete subscription group [\(groupName)] from broker [\(b.address)]\(place) success.\n"
        }.joined()
    }
}
