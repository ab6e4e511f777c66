import MQProtocol

/// Topic and group names a bundled store on disk holds, read from its metadata files without opening the
/// store or taking the data directory's lock: shell completion reads them while a command may be about to
/// open the same directory.
public enum StoredNames {
    /// The names in `dataDirectory/config`, nil when it holds no topic table (no store there).
    /// A damaged file reads as nil too: completion offers nothing rather than fail.
    public static func read(dataDirectory: String) -> (topics: [String], groups: [String])? {
        let config = dataDirectory + "/config"
        guard let topics = try? ConfigFile<TopicConfigSerializeWrapper>(path: config + "/topics.json").load()
        else { return nil }
        let groups = try? ConfigFile<SubscriptionGroupWrapper>(path: config + "/subscriptionGroup.json").load()
        return (
            topics.topicConfigTable.keys.sorted(),
            groups.map { $0.subscriptionGroupTable.keys.sorted() } ?? []
        )
    }

    /// The cluster and broker names an in-process bundled broker registers (and names topics after).
    public static var bundledClusterName: String { defaults.clusterName }
    public static var bundledBrokerName: String { defaults.brokerName }

    private static var defaults: BrokerConfig { BrokerConfig(dataDirectory: "", advertisedAddress: "") }
}
