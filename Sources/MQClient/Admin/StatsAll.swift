import MQProtocol

/// One line of Apache's `statsAll`: a topic and one group consuming it (or none), with the broker-counted
/// put and get statistics summed over the topic's masters.
public struct StatsAllRow: Sendable, Hashable, Codable {
    public var topic: String
    /// nil: nobody consumes the topic (Apache prints NO_CONSUMER).
    public var group: String?
    /// The group's backlog on the topic (never negative), 0 without a group.
    public var accumulation: Int64
    /// Messages stored per second over the last minute (TOPIC_PUT_NUMS).
    public var inTps: Double
    /// Messages pulled by the group per second over the last minute (GROUP_GET_NUMS); nil without a group.
    public var outTps: Double?
    /// Messages stored over the last day (Apache's compute24HourSum).
    public var inMsg24Hour: Int64
    /// Messages pulled by the group over the last day; nil without a group.
    public var outMsg24Hour: Int64?
}

extension MQClientInstance {
    /// Apache's StatsAllSubCommand#printTopicDetail for one topic, one row per consuming group, in the order of
    /// `orderGroups`. As in Apache, a statistic a broker has not recorded counts as 0 (so does one it fails to
    /// give): the command is a dashboard, one silent broker must not hide the others.
    public func statsAll(topic: String, orderGroups: ([String]) -> [String] = { $0.sorted() }) async throws
        -> [StatsAllRow]
    {
        let masters = try await routeMasters(topic: topic).masters
        var inTps = 0.0
        var in24h: Int64 = 0
        for m in masters {
            if let d = try? await brokerStatsData(name: BrokerStatsName.topicPutNums, key: topic, broker: m.address) {
                inTps += d.statsMinute.tps
                in24h += d.last24HourSum
            }
        }
        var groups = Set<String>()
        for answer in try await topicConsumers(topic: topic) { groups.formUnion((try? answer.result.get()) ?? []) }
        guard !groups.isEmpty else {
            return [
                StatsAllRow(
                    topic: topic, group: nil, accumulation: 0, inTps: inTps, outTps: nil, inMsg24Hour: in24h,
                    outMsg24Hour: nil)
            ]
        }
        var rows: [StatsAllRow] = []
        for group in orderGroups(Array(groups)) {
            var outTps = 0.0
            var out24h: Int64 = 0
            let key = BrokerStatsName.groupKey(topic: topic, group: group)
            for m in masters {
                if let d = try? await brokerStatsData(name: BrokerStatsName.groupGetNums, key: key, broker: m.address) {
                    outTps += d.statsMinute.tps
                    out24h += d.last24HourSum
                }
            }
            let backlog = (try? await consumeStats(group: group, topic: topic).totalDiff) ?? 0
            rows.append(
                StatsAllRow(
                    topic: topic, group: group, accumulation: max(0, backlog), inTps: inTps, outTps: outTps,
                    inMsg24Hour: in24h, outMsg24Hour: out24h))
        }
        return rows
    }
}
