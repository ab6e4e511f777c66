import MQClient
import MQProtocol

/// `producer list` and `producer describe` output (docs/schemas/producer/list.json, describe.json).
struct ProducerView: Encodable {
    struct Producer: Encodable {
        var group: String
        var broker: String
        var brokerAddress: String
        var clientId: String
        var address: String
        var language: String
        var version: String
        var versionCode: Int32
        /// Absent from GET_PRODUCER_CONNECTION_LIST answers (describe, list -g).
        var lastHeartbeat: OrNull<String>
        /// `REMOTING` or `GRPC_V2` (bundled broker's extension); null from Apache brokers.
        var `protocol`: OrNull<String>
        /// The raw version a gRPC client announced (e.g. 5.1.2); null otherwise.
        var clientVersion: OrNull<String>
    }

    struct Unserved: Encodable {
        var broker: String
        var address: String
        var reason: String
    }

    var group: OrNull<String>
    var producers: [Producer]
    var unservedBrokers: [Unserved]

    init(group: String?, rows: [ProducerRow], unserved: [(broker: BrokerRef, remark: String)]) {
        self.group = OrNull(group)
        producers = rows.map {
            Producer(
                group: $0.group, broker: $0.broker.name, brokerAddress: $0.broker.address, clientId: $0.clientId,
                address: $0.address, language: $0.language, version: MQVersion.describe($0.version),
                versionCode: $0.version, lastHeartbeat: OrNull($0.lastHeartbeat.map(TimeFormat.iso)),
                protocol: OrNull($0.clientProtocol), clientVersion: OrNull($0.clientVersion))
        }
        unservedBrokers = unserved.map {
            Unserved(broker: $0.broker.name, address: $0.broker.address, reason: $0.remark)
        }
    }

    var table: String {
        var t = TextTable("GROUP", "BROKER", "CLIENT-ID", "ADDRESS", "LANGUAGE", "VERSION", "LAST-HEARTBEAT")
        for p in producers {
            let version = ClientProtocolText.version(p.versionCode, protocol: p.protocol.value)
            t.add(p.group, p.broker, p.clientId, p.address, p.language, version, p.lastHeartbeat.value ?? "-")
        }
        let groups = Set(producers.map(\.group)).count
        return t.render() + "\(producers.count) producer(s) in \(groups) group(s)\n"
    }

    static func noProducer(_ group: String, brokers: [BrokerRef]) -> CLIError {
        let names = brokers.map(\.name).sorted().joined(separator: ", ")
        return CLIError(
            "no producer of group \(group) is connected to \(brokers.count == 1 ? "broker" : "brokers") \(names)",
            exit: .notFound)
    }
}
