import MQProtocol
import MQRemoting

extension BrokerCore {
    /// GET_ALL_PRODUCER_INFO (328, Apache 4.9.4 and later): every producer group with its live producers.
    func handleGetAllProducerInfo(_ request: RemotingCommand) throws -> RemotingCommand {
        var data: [String: [ProducerInfo]] = [:]
        for (group, channels) in producers.all() {
            data[group] = channels.map(ProducerInfo.init).sorted { $0.clientId < $1.clientId }
        }
        return request.response().withJSONBody(ProducerTableInfo(data: data))
    }

    /// VIEW_BROKER_STATS_DATA (315): one of the statistics the broker really counts, by Apache's name and key.
    /// Anything else (a name it does not keep, a key with nothing recorded yet) gets Apache's SYSTEM_ERROR and
    /// remark, never zeros that look measured.
    func handleViewBrokerStatsData(_ request: RemotingCommand) throws -> RemotingCommand {
        let h = try request.decodeHeader(ViewBrokerStatsDataRequestHeader.self)
        guard let data = stats.statsData(name: h.statsName, key: h.statsKey) else {
            return request.response(.systemError, remark: "The stats <\(h.statsName)> <\(h.statsKey)> not exist")
        }
        return request.response().withJSONBody(data)
    }
}

extension ProducerInfo {
    /// A producer's connection as GET_ALL_PRODUCER_INFO lists it; Apache prints the remote address the Java
    /// way, with a leading slash.
    init(_ channel: ClientChannel) {
        self.init(
            clientId: channel.clientId, remoteIP: "/" + channel.peer.remoteAddress, language: channel.language.name,
            version: channel.version, lastUpdateTimestamp: channel.lastUpdate, clientProtocol: channel.clientProtocol,
            clientVersion: channel.clientVersion)
    }
}
