import MQProtocol

/// One live producer connection as a broker reports it.
public struct ProducerRow: Sendable, Hashable, Codable {
    public var group: String
    public var broker: BrokerRef
    public var clientId: String
    /// host:port as the broker sees the producer (no leading slash).
    public var address: String
    public var language: String
    public var version: Int32
    /// When the broker last heard the producer's heartbeat; nil where the broker does not say (204 answers).
    public var lastHeartbeat: Int64?
    /// The bundled broker's extensions (`Connection.clientProtocol`, `.clientVersion`); nil from Apache brokers.
    public var clientProtocol: String?
    public var clientVersion: String?

    public init(
        group: String, broker: BrokerRef, clientId: String, address: String, language: String, version: Int32,
        lastHeartbeat: Int64?, clientProtocol: String? = nil, clientVersion: String? = nil
    ) {
        self.clientProtocol = clientProtocol
        self.clientVersion = clientVersion
        self.group = group
        self.broker = broker
        self.clientId = clientId
        self.address = address
        self.language = language
        self.version = version
        self.lastHeartbeat = lastHeartbeat
    }
}

/// Producers found on a set of brokers, and the brokers that could not list them.
public struct ProducerListing: Sendable {
    public var rows: [ProducerRow]
    /// Brokers that do not serve GET_ALL_PRODUCER_INFO (Apache before 4.9.4), with what they answered.
    public var unserved: [(broker: BrokerRef, remark: String)]
}

extension MQClientInstance {
    /// GET_ALL_PRODUCER_INFO (328, Apache 4.9.4 and later) on one broker: every producer group with its live
    /// producers. Throws `brokerError` REQUEST_CODE_NOT_SUPPORTED (with an explained remark) on older brokers.
    public func allProducerInfo(broker address: String) async throws -> ProducerTableInfo {
        let response = try await invoke(address, .request(.getAllProducerInfo))
        try response.expect(from: address)
        return try decode(ProducerTableInfo.self, response)
    }

    /// GET_PRODUCER_CONNECTION_LIST (204) on one broker; nil when no producer of the group is connected to it
    /// (brokers answer SYSTEM_ERROR "the producer group[…] not exist" then).
    public func producerConnection(group: String, broker address: String) async throws -> ProducerConnection? {
        let response = try await invoke(
            address, .request(.getProducerConnectionList, header: ProducerGroupHeader(producerGroup: group)))
        if response.responseCode == .systemError, response.remark?.hasSuffix("not exist") == true { return nil }
        try response.expect(from: address)
        return try decode(ProducerConnection.self, response)
    }

    /// VIEW_BROKER_STATS_DATA (315): one named statistic of one key; nil when the broker has not recorded it
    /// (SYSTEM_ERROR "The stats <…> <…> not exist").
    public func brokerStatsData(name: String, key: String, broker address: String) async throws -> BrokerStatsData? {
        let header = ViewBrokerStatsDataRequestHeader(statsName: name, statsKey: key)
        let response = try await invoke(address, .request(.viewBrokerStatsData, header: header))
        if response.responseCode == .systemError, response.remark?.hasSuffix("not exist") == true { return nil }
        try response.expect(from: address)
        return try decode(BrokerStatsData.self, response)
    }

    /// The connections of one producer group on each of `brokers` (GET_PRODUCER_CONNECTION_LIST, served by every
    /// Apache version), sorted by group, broker and client id.
    public func producerConnections(group: String, on brokers: [BrokerRef]) async throws -> [ProducerRow] {
        var rows: [ProducerRow] = []
        for b in brokers {
            for c in try await producerConnection(group: group, broker: b.address)?.connectionSet ?? [] {
                rows.append(
                    ProducerRow(
                        group: group, broker: b, clientId: c.clientId, address: c.clientAddr, language: c.language,
                        version: c.version, lastHeartbeat: nil, clientProtocol: c.clientProtocol,
                        clientVersion: c.clientVersion))
            }
        }
        return rows.sorted(by: Self.producerOrder)
    }

    /// Every producer group's live producers on `brokers` (GET_ALL_PRODUCER_INFO). Brokers that do not serve
    /// it are returned in `unserved` instead of failing the whole listing.
    public func allProducers(on brokers: [BrokerRef]) async throws -> ProducerListing {
        var rows: [ProducerRow] = []
        var unserved: [(broker: BrokerRef, remark: String)] = []
        for b in brokers {
            let table: ProducerTableInfo
            do {
                table = try await allProducerInfo(broker: b.address)
            } catch let error as ClientError where error.responseCode == .requestCodeNotSupported {
                if case .brokerError(_, let remark, _) = error { unserved.append((b, remark)) }
                continue
            }
            for (group, producers) in table.data {
                for p in producers {
                    rows.append(
                        ProducerRow(
                            group: group, broker: b, clientId: p.clientId,
                            address: p.remoteIP.hasPrefix("/") ? String(p.remoteIP.dropFirst()) : p.remoteIP,
                            language: p.language, version: p.version, lastHeartbeat: p.lastUpdateTimestamp,
                            clientProtocol: p.clientProtocol, clientVersion: p.clientVersion))
                }
            }
        }
        return ProducerListing(rows: rows.sorted(by: Self.producerOrder), unserved: unserved)
    }

    static func producerOrder(_ a: ProducerRow, _ b: ProducerRow) -> Bool {
        (a.group, a.broker.name, a.clientId, a.address) < (b.group, b.broker.name, b.clientId, b.address)
    }
}
