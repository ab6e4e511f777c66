import MQProtocol
import MQRemoting

/// One look at a draining broker: which name servers still route writes to it, and its put rate.
public struct DrainSample: Sendable, Equatable {
    /// Name servers where some topic of the broker still has write permission, or that did not answer.
    public var writableOn: [String]
    /// The master's put TPS over the last 10 s (runtime info `putTps`, first figure).
    public var putTps: Double

    public init(writableOn: [String], putTps: Double) {
        self.writableOn = writableOn
        self.putTps = putTps
    }

    /// Nothing routes writes to it and nothing is being written.
    public var isQuiet: Bool { writableOn.isEmpty && putTps == 0 }
}

extension MQClientInstance {
    /// Samples a broker being drained: the route of each of its writable topics on every name server, and
    /// the master's put TPS.
    public func drainSample(brokerName: String) async throws -> DrainSample {
        let master = try await masterAddress(brokerName: brokerName)
        let topics = try await topicConfigs(broker: master).topicConfigTable.values
            .filter { PermName.isWriteable($0.perm) }.map(\.topicName)
        var writableOn: [String] = []
        for ns in nameServers {
            for topic in topics.sorted() {
                let response = try? await invokeNameServer(
                    at: ns, .request(.getRouteInfoByTopic, header: TopicHeader(topic: topic)))
                guard let response, response.code == ResponseCode.success.rawValue else {
                    // A topic the name server does not route cannot send writes to the broker.
                    if response?.code == ResponseCode.topicNotExist.rawValue { continue }
                    writableOn.append(ns)
                    break
                }
                let route = try? response.decodeBody(TopicRouteData.self)
                if route?.queueDatas.contains(where: { $0.brokerName == brokerName && PermName.isWriteable($0.perm) })
                    != false
                {
                    writableOn.append(ns)
                    break
                }
            }
        }
        let info = try await brokerRuntimeInfo(broker: master)
        let tps = info["putTps"]?.split(separator: " ").first.flatMap { Double($0) } ?? 0
        return DrainSample(writableOn: writableOn, putTps: tps)
    }
}
