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
    public var traceTopic = SystemTopics.trace
    /// Apache's `messageDelayLevel`: durations for delay levels 1...N.
    public var messageDelayLevel = "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h"
    public var maxMessageSize = 4 * 1024 * 1024
    public var flushMode: FlushMode = .async
    public var syncFlushTimeoutMillis: Int64 = 5000
    public var retentionHours: Double = 72
    public var segmentSize: Int64 = 1 << 30
    public var registerIntervalMillis: Int64 = 30_000
    public var channelExpiredTimeoutMillis: Int64 = 120_000
    public var offsetPersistIntervalMillis: Int64 = 5000
    public var defaultQueryMaxNum: Int32 = 32
    /// ACL 2.0 authentication and authorization (off by default, as in Apache).
    public var auth = AuthSettings()

    public init(dataDirectory: String, advertisedAddress: String) {
        self.dataDirectory = dataDirectory
        self.advertisedAddress = advertisedAddress
    }

    public var isWritable: Bool { PermName.isWriteable(brokerPermission) }
    public var isReadable: Bool { PermName.isReadable(brokerPermission) }
}

/// Parses Apache's `messageDelayLevel` string ("1s 5s 1m 2h 1d") into milliseconds per level.
public enum DelayLevels {
    public static func parse(_ text: String) -> [Int64]? {
        var out: [Int64] = []
        for token in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
            if token.hasSuffix("ms") {
                guard let n = Int64(token.dropLast(2)), n >= 0 else { return nil }
                out.append(n)
                continue
            }
            guard let unit = token.last, let n = Int64(token.dropLast()), n >= 0 else { return nil }
            let factor: Int64
            switch unit {
            case "s": factor = 1000
            case "m": factor = 60_000
            case "h": factor = 3_600_000
            case "d": factor = 86_400_000
            default: return nil
            }
            out.append(n * factor)
        }
        return out.isEmpty ? nil : out
    }
}
