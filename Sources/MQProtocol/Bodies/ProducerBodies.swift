/// One live producer as GET_ALL_PRODUCER_INFO (328) lists it (Apache's ProducerInfo, 4.9.4 and later). `remoteIP` is the
/// connection's remote address the way Java prints a socket address: `/127.0.0.1:51234`.
public struct ProducerInfo: Codable, Sendable, Hashable {
    public var clientId: String
    public var remoteIP: String
    public var language: String
    public var version: Int32
    public var lastUpdateTimestamp: Int64
    /// mqadmin extensions as in `Connection` (JSON `protocol` and `clientVersion`; bundled broker only).
    public var clientProtocol: String?
    public var clientVersion: String?

    public init(
        clientId: String, remoteIP: String, language: String, version: Int32, lastUpdateTimestamp: Int64,
        clientProtocol: String? = nil, clientVersion: String? = nil
    ) {
        self.clientId = clientId
        self.remoteIP = remoteIP
        self.language = language
        self.version = version
        self.lastUpdateTimestamp = lastUpdateTimestamp
        self.clientProtocol = clientProtocol
        self.clientVersion = clientVersion
    }

    enum CodingKeys: String, CodingKey {
        case clientId, remoteIP, language, version, lastUpdateTimestamp, clientVersion
        case clientProtocol = "protocol"
    }
}

/// GET_ALL_PRODUCER_INFO body (Apache's ProducerTableInfo): producer group → its live producers.
public struct ProducerTableInfo: Codable, Sendable {
    public var data: [String: [ProducerInfo]]

    public init(data: [String: [ProducerInfo]]) { self.data = data }

    enum CodingKeys: String, CodingKey { case data }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        data = try c.decodeIfPresent([String: [ProducerInfo]].self, forKey: .data) ?? [:]
    }
}

/// One window of a broker statistic (Apache's BrokerStatsItem): the increase over the window, that increase
/// per second, and the average increase per recorded call (messages per put or pull).
public struct BrokerStatsItem: Codable, Sendable, Hashable {
    public var sum: Int64
    public var tps: Double
    public var avgpt: Double

    public init(sum: Int64, tps: Double, avgpt: Double) {
        self.sum = sum
        self.tps = tps
        self.avgpt = avgpt
    }
}

/// VIEW_BROKER_STATS_DATA (315) body: one statistic over the last minute, hour and day.
public struct BrokerStatsData: Codable, Sendable, Hashable {
    public var statsMinute: BrokerStatsItem
    public var statsHour: BrokerStatsItem
    public var statsDay: BrokerStatsItem

    public init(statsMinute: BrokerStatsItem, statsHour: BrokerStatsItem, statsDay: BrokerStatsItem) {
        self.statsMinute = statsMinute
        self.statsHour = statsHour
        self.statsDay = statsDay
    }

    /// Apache's StatsAllSubCommand#compute24HourSum: the day's sum, else the hour's, else the minute's.
    public var last24HourSum: Int64 {
        if statsDay.sum != 0 { return statsDay.sum }
        if statsHour.sum != 0 { return statsHour.sum }
        return statsMinute.sum
    }
}

/// VIEW_BROKER_STATS_DATA request header.
public struct ViewBrokerStatsDataRequestHeader: CommandHeader, Equatable {
    public var statsName: String
    public var statsKey: String

    public init(statsName: String, statsKey: String) {
        self.statsName = statsName
        self.statsKey = statsKey
    }

    public init(fields f: HeaderFields) throws {
        statsName = try f.require("statsName")
        statsKey = try f.require("statsKey")
    }

    public func encode(into f: inout [String: String]) {
        f["statsName"] = statsName
        f["statsKey"] = statsKey
    }
}

/// GET_PRODUCER_CONNECTION_LIST request header (Apache's GetProducerConnectionListRequestHeader).
public struct ProducerGroupHeader: CommandHeader, Equatable {
    public var producerGroup: String

    public init(producerGroup: String) { self.producerGroup = producerGroup }

    public init(fields f: HeaderFields) throws { producerGroup = try f.require("producerGroup") }

    public func encode(into f: inout [String: String]) { f["producerGroup"] = producerGroup }
}

/// The statistics names Apache's statsAll reads (BrokerStatsManager's `Stats` constants).
public enum BrokerStatsName {
    /// Messages stored per topic; key: topic.
    public static let topicPutNums = "TOPIC_PUT_NUMS"
    /// Bytes stored per topic; key: topic.
    public static let topicPutSize = "TOPIC_PUT_SIZE"
    /// Messages pulled per group and topic; key: `topic@group`.
    public static let groupGetNums = "GROUP_GET_NUMS"
    /// Bytes pulled per group and topic; key: `topic@group`.
    public static let groupGetSize = "GROUP_GET_SIZE"

    public static func groupKey(topic: String, group: String) -> String { "\(topic)@\(group)" }
}
