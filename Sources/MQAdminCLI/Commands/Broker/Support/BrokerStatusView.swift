import Foundation
import MQClient
import MQProtocol

/// The result of `broker status` (docs/json/topics.md).
struct BrokerStatusView: Encodable, Sendable {
    struct Broker: Encodable, Sendable {
        var cluster: String
        var broker: String
        var id: Int
        var address: String
        /// GET_BROKER_RUNTIME_INFO as the broker reports it (all values strings); null when unreadable.
        @NullEncoded var runtime: [String: String]?
        @NullEncoded var error: String?
    }

    var brokers: [Broker]

    init(_ overview: ClusterOverview) {
        brokers = overview.brokers.map {
            Broker(
                cluster: $0.endpoint.cluster, broker: $0.endpoint.brokerName, id: $0.endpoint.brokerId,
                address: $0.endpoint.address, runtime: $0.value, error: $0.error?.description)
        }
    }

    /// Key/value rows (with the address when there are several brokers); unreadable brokers are left
    /// to the error line on stderr.
    func table() -> String {
        let answered = brokers.filter { $0.runtime != nil }
        guard !answered.isEmpty else { return "" }
        let many = brokers.count > 1
        var t = many ? TextTable("ADDRESS", "KEY", "VALUE") : TextTable("KEY", "VALUE")
        for b in answered {
            for (k, v) in (b.runtime ?? [:]).sorted(by: { $0.key < $1.key }) {
                t.add(many ? [b.address, k, v] : [k, v])
            }
        }
        return t.render()
    }
}
