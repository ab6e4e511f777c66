import MQClient
import MQProtocol

/// Apache's `producer -b BROKER_ADDR` (its ProducerSubCommand, 4.9.4 and later): every producer group one
/// broker knows, with its live instances (GET_ALL_PRODUCER_INFO). The name is also this tool's `producer` noun, so
/// `ProducerCommand` runs this when given `-b` and no subcommand.
enum ClassicProducer {
    static func rows(_ table: ProducerTableInfo, broker: String) -> [ProducerRow] {
        table.data.flatMap { group, producers in
            producers.map {
                ProducerRow(
                    group: group, broker: BrokerRef(name: broker, address: broker), clientId: $0.clientId,
                    address: $0.remoteIP.hasPrefix("/") ? String($0.remoteIP.dropFirst()) : $0.remoteIP,
                    language: $0.language, version: $0.version, lastHeartbeat: $0.lastUpdateTimestamp)
            }
        }.sorted { ($0.group, $0.clientId) < ($1.group, $1.clientId) }
    }

    /// Apache's lines: `producer group (G) instance : <ProducerInfo.toString>` per producer, groups in Java
    /// hash-map order, or `producer group (G) instances are empty`.
    static func layout(_ table: ProducerTableInfo) -> String {
        var out = ""
        for group in JavaHashOrder.ordered(table.data.keys.sorted()) {
            let producers = table.data[group] ?? []
            if producers.isEmpty {
                out += "producer group (\(group)) instances are empty\n"
                continue
            }
            for p in producers {
                out += "producer group (\(group)) instance : clientId=\(p.clientId),remoteIP=\(p.remoteIP), "
                    + "language=\(p.language), version=\(p.version), lastUpdateTimestamp=\(p.lastUpdateTimestamp)\n"
            }
        }
        return out
    }
}
