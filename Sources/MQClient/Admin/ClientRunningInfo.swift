import MQProtocol

/// One group member's running info (GET_CONSUMER_RUNNING_INFO), or why it did not answer. This is the one
/// type `group status` renders and `group doctor` reads: a member that did not answer is a result, not an error.
public struct ClientRunningInfo: Sendable {
    public enum Answer: Sendable {
        case answered(ConsumerRunningInfo)
        /// The client did not answer: timed out at the broker (CONSUME_MSG_TIMEOUT), refused the code, went
        /// offline, or answered something mqadmin cannot read. The text says which.
        case didNotAnswer(String)
    }

    public var clientId: String
    /// The connection the broker knows it by (address, language, version code).
    public var connection: Connection?
    /// The broker that relayed the question: the client's own connection to it carried it.
    public var broker: BrokerRef?
    public var answer: Answer

    public init(clientId: String, connection: Connection?, broker: BrokerRef?, answer: Answer) {
        self.clientId = clientId
        self.connection = connection
        self.broker = broker
        self.answer = answer
    }

    public var info: ConsumerRunningInfo? {
        if case .answered(let info) = answer { return info }
        return nil
    }

    public var failure: String? {
        if case .didNotAnswer(let why) = answer { return why }
        return nil
    }
}

extension MQClientInstance {
    /// Apache's broker waits 10 s on the client; this waits a little longer so the broker's answer arrives.
    static let runningInfoTimeout: Duration = .seconds(13)

    /// Every member of `group` (or only `clientId`), each asked for its running info through a broker it is
    /// connected to, concurrently. Members are found with GET_CONSUMER_CONNECTION_LIST on each of `brokers`
    /// (default: the group's brokers); a member connected to several is asked through the first. Empty when
    /// no member is online; a `clientId` that is not a member comes back as one member that did not answer.
    public func groupRunningInfo(
        group: String, clientId: String? = nil, jstack: Bool = false, brokers: [BrokerRef]? = nil
    ) async throws -> [ClientRunningInfo] {
        let targets: [BrokerRef]
        if let brokers {
            targets = brokers
        } else {
            targets = try await brokerAddresses(forGroup: group).map { BrokerRef(name: $0.name, address: $0.address) }
        }
        var members: [String: (Connection, BrokerRef)] = [:]
        var listed = false
        var lastError: (any Error)?
        for broker in targets {
            do {
                guard let cc = try await consumerConnection(group: group, broker: broker.address) else {
                    listed = true
                    continue
                }
                listed = true
                for c in cc.connectionSet where members[c.clientId] == nil { members[c.clientId] = (c, broker) }
            } catch {
                lastError = error
            }
        }
        if !listed, let lastError { throw lastError }
        var asked = members.map { (id: $0.key, connection: $0.value.0, broker: $0.value.1) }
        if let clientId {
            asked = asked.filter { $0.id == clientId }
            if asked.isEmpty {
                if members.isEmpty { return [] }
                let why = "not a member of \(group) (members: \(members.keys.sorted().joined(separator: ", ")))"
                return [ClientRunningInfo(clientId: clientId, connection: nil, broker: nil, answer: .didNotAnswer(why))]
            }
        }
        return await withTaskGroup(of: ClientRunningInfo.self) { tasks in
            for member in asked {
                tasks.addTask {
                    let answer = await self.askRunningInfo(
                        group: group, clientId: member.id, jstack: jstack, broker: member.broker.address)
                    return ClientRunningInfo(
                        clientId: member.id, connection: member.connection, broker: member.broker, answer: answer)
                }
            }
            var all: [ClientRunningInfo] = []
            for await one in tasks { all.append(one) }
            return all.sorted { $0.clientId < $1.clientId }
        }
    }

    /// One client's running info through one broker; every way it can fail is a "did not answer" reason.
    public func askRunningInfo(
        group: String, clientId: String, jstack: Bool, broker address: String
    ) async -> ClientRunningInfo.Answer {
        let header = GetConsumerRunningInfoRequestHeader(consumerGroup: group, clientId: clientId, jstackEnable: jstack)
        let response: RemotingCommand
        do {
            response = try await invoke(
                address, .request(.getConsumerRunningInfo, header: header), timeout: Self.runningInfoTimeout)
        } catch {
            return .didNotAnswer("\(error)")
        }
        switch ResponseCode(rawValue: response.code) {
        case .success:
            do {
                return .answered(try response.decodeBody(ConsumerRunningInfo.self))
            } catch {
                return .didNotAnswer("its answer cannot be read: \(error)")
            }
        case .consumeMessageTimeout:
            return .didNotAnswer("no answer within the broker's 10 s (CONSUME_MSG_TIMEOUT)")
        case .requestCodeNotSupported:
            return .didNotAnswer("it does not serve GET_CONSUMER_RUNNING_INFO (\(response.remark ?? ""))")
        default:
            let code = ResponseCode(rawValue: response.code)
            return .didNotAnswer("\(code): \(response.remark ?? "no remark")")
        }
    }
}
