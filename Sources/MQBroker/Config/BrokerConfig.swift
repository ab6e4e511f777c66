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

    public init(dataDirectory: String, advertisedAddress: String) {
        self.dataDirectory = dataDirectory
        self.advertisedAddress = advertisedAddress
    }

    public var isWritable: Bool { PermName.isWriteable(brokerPermission) }
    public var isReadable: Bool { PermName.isReadable(brokerPermission) }
}

/// Names of topics the broker creates for itself (wire.md §6.4).
public enum SystemTopics {
    public static let autoCreateTemplate = "TBW102"
    public static let schedule = "SCHEDULE_TOPIC_XXXX"
    public static let selfTest = "SELF_TEST_TOPIC"
    public static let offsetMovedEvent = "OFFSET_MOVED_EVENT"
    public static let trace = "RMQ_SYS_TRACE_TOPIC"
    public static let retryPrefix = "%RETRY%"
    public static let dlqPrefix = "%DLQ%"

    static let names: Set<String> = [
        autoCreateTemplate, schedule, selfTest, offsetMovedEvent, trace, "BenchmarkTest", "RMQ_SYS_TRANS_HALF_TOPIC",
        "RMQ_SYS_TRANS_OP_HALF_TOPIC", "TRANS_CHECK_MAX_TIME_TOPIC", "CHECKPOINT_TOPIC",
    ]

    public static func isSystem(_ topic: String) -> Bool {
        names.contains(topic) || topic.hasPrefix("rmq_sys_")
    }

    /// Topics producers may not send to directly.
    public static func isSendForbidden(_ topic: String) -> Bool {
        topic == schedule || topic == "RMQ_SYS_TRANS_HALF_TOPIC" || topic == "RMQ_SYS_TRANS_OP_HALF_TOPIC"
            || topic == "TRANS_CHECK_MAX_TIME_TOPIC"
    }

    public static func retryTopic(_ group: String) -> String { retryPrefix + group }
    public static func dlqTopic(_ group: String) -> String { dlqPrefix + group }

    /// Apache's topic name rule: `[%|a-zA-Z0-9_-]`, at most 127 bytes (255 for retry/DLQ topics).
    public static func validate(topic: String) -> String? {
        if topic.isEmpty { return "the topic name is empty" }
        let limit = topic.hasPrefix(retryPrefix) || topic.hasPrefix(dlqPrefix) ? 255 : 127
        if topic.utf8.count > limit { return "the topic name \"\(topic)\" is longer than \(limit) characters" }
        if let bad = topic.unicodeScalars.first(where: { !isNameCharacter($0) }) {
            return "the topic name \"\(topic)\" contains the illegal character '\(bad)'; use letters, digits, %, |, _ and -"
        }
        return nil
    }

    /// Apache's group name rule: `[%|a-zA-Z0-9_-]`, at most 120 characters.
    public static func validate(group: String) -> String? {
        if group.isEmpty { return "the group name is empty" }
        if group.utf8.count > 120 { return "the group name \"\(group)\" is longer than 120 characters" }
        if let bad = group.unicodeScalars.first(where: { !isNameCharacter($0) }) {
            return "the group name \"\(group)\" contains the illegal character '\(bad)'; use letters, digits, %, |, _ and -"
        }
        return nil
    }

    static func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "a"..."z", "A"..."Z", "0"..."9", "%", "|", "_", "-": return true
        default: return false
        }
    }
}

/// Parses Apache's `messageDelayLevel` string ("1s 5s 1m 2h 1d") into milliseconds per level.
public enum DelayLevels {
    public static func parse(_ text: String) -> [Int64]? {
        var out: [Int64] = []
        for token in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
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
