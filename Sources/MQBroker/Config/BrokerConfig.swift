import MQProtocol
import MQStore

/// Which servers this process runs.
public enum BrokerRole: String, Sendable, CaseIterable {
    case all, namesrv, broker
}

/// Everything a broker needs to start; defaults mirror Apache's where they matter to clients.
public struct BrokerConfig: Sendable {
    public var clusterName = "DefaultCluster"
    public var brokerName = "broker-a"
    public var brokerId: Int64 = 0
    /// Address clients use for this broker ("ip:port"); also the store host in message ids.
    public var advertisedAddress: String
    /// Name servers to register with ("a:9876;b:9876").
    public var nameServerAddresses: [String] = []
    public var dataDirectory: String
    public var autoCreateTopicEnable = true
    public var autoCreateSubscriptionGroup = true
    public var defaultTopicQueueNums: Int32 = 8
    public var brokerPermission: Int32 = PermName.read | PermName.write
    public var longPollingEnable = true
    public var shortPollingTimeMillis: Int64 = 1000
    public var regionId = "DefaultRegion"
    /// The topic named after the cluster (and the one named after the broker) accept sends, as Apache's
    /// `clusterTopicEnable` / `brokerTopicEnable` (clusterRT and sendMsgStatus send to them).
    public var clusterTopicEnable = true
    public var brokerTopicEnable = true
    public var traceOn = true
    /// Consumers may subscribe with SQL92 property filters (Apache's `enablePropertyFilter`). Apache's default is
    /// off; the bundled broker turns it on, so the official clients' SQL92 subscriptions work out of the box.
    public var enablePropertyFilter = true
    public var traceTopic = SystemTopics.trace
    /// How long a sync-flush send waits for its group commit before answering FLUSH_DISK_TIMEOUT.
    public var syncFlushTimeoutMillis: Int64 = 5000
    /// The store's settings (segment size, flush mode, retention, maximum message size, delay levels),
    /// handed to the store as they are.
    public var store = StoreSettings()
    public var registerIntervalMillis: Int64 = 30_000
    /// How long a registration waits for each name server (Apache's registerBrokerTimeoutMills, 6 s as 4.9.8).
    /// Every name server is asked at once, so a silent one costs this once, not once per server.
    public var registerTimeoutMillis: Int64 = 6_000
    public var channelExpiredTimeoutMillis: Int64 = 120_000
    public var offsetPersistIntervalMillis: Int64 = 5000
    public var defaultQueryMaxNum: Int32 = 32
    /// Transactional messages (Apache's names): a half message is first checked once it is this old
    /// (`transactionTimeOut`), the check service runs this often (`transactionCheckInterval`), and a half message
    /// checked this many times without an answer is moved to TRANS_CHECK_MAX_TIME_TOPIC (`transactionCheckMax`).
    public var transactionTimeOutMillis: Int64 = 6000
    public var transactionCheckIntervalMillis: Int64 = 30_000
    public var transactionCheckMax = 15
    /// ACL 2.0 authentication and authorization (off by default, as in Apache).
    public var auth = AuthSettings()
    /// Timer messages and their recall.
    public var timer = TimerSettings()
    /// POP consumption: invisible time limits.
    public var pop = PopSettings()

    public init(dataDirectory: String, advertisedAddress: String) {
        self.dataDirectory = dataDirectory
        self.advertisedAddress = advertisedAddress
    }

    public var isWritable: Bool { PermName.isWriteable(brokerPermission) }
    public var isReadable: Bool { PermName.isReadable(brokerPermission) }
}
