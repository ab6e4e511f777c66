import MQProtocol
import MQRemoting

/// Why a client operation failed, phrased for the operator who has to fix it.
public enum ClientError: Error, CustomStringConvertible, Sendable, Equatable {
    /// No name server answered. (What to check is the CLI's to say: `ErrorReport` adds it, once.)
    case nameServerUnreachable(addresses: [String], detail: String)
    /// A broker could not be reached or did not answer in time. `unanswered`: the request was sent and no answer
    /// came, so the broker may have carried it out (`RemotingError.requestMayHaveArrived`).
    case brokerUnreachable(address: String, detail: String, unanswered: Bool = false)
    /// The name server knows no route for the topic.
    case topicNotFound(String)
    /// The broker answered with an error code.
    case brokerError(code: Int32, remark: String, address: String)
    /// A caller passed something unusable.
    case invalidArgument(String)
    /// A body could not be decoded.
    case malformedResponse(String)

    public var description: String {
        switch self {
        case .nameServerUnreachable(let addresses, let detail):
            return "cannot reach name server \(addresses.joined(separator: ";")): \(detail)"
        case .brokerUnreachable(let address, let detail, _):
            return "cannot reach broker \(address): \(detail)"
        case .topicNotFound(let topic):
            return "topic \(topic) does not exist; create it with `mqadmin topic create \(topic)`"
        case .brokerError(let code, let remark, let address):
            let name = ResponseCode(rawValue: code).name ?? "code \(code)"
            return "broker \(address) refused: \(name): \(remark)"
        case .invalidArgument(let why):
            return why
        case .malformedResponse(let why):
            return "unreadable response: \(why)"
        }
    }

    /// The remote response code, when the failure is a broker's answer.
    public var responseCode: ResponseCode? {
        if case .brokerError(let code, _, _) = self { return ResponseCode(rawValue: code) }
        if case .topicNotFound = self { return .topicNotExist }
        return nil
    }

    /// A write that failed this way may still have been carried out by the broker: it was sent and not answered.
    public var outcomeUnknown: Bool {
        if case .brokerUnreachable(_, _, let unanswered) = self { return unanswered }
        return false
    }

    /// True for failures to connect or time-outs.
    public var isConnectivity: Bool {
        switch self {
        case .nameServerUnreachable, .brokerUnreachable: return true
        default: return false
        }
    }
}

extension RemotingCommand {
    /// Throws a `ClientError.brokerError` unless the response code is one of `accepted`.
    @discardableResult
    func expect(_ accepted: ResponseCode..., from address: String) throws -> RemotingCommand {
        let ok = accepted.isEmpty ? [ResponseCode.success] : accepted
        guard ok.contains(ResponseCode(rawValue: code)) else {
            throw ClientError.brokerError(code: code, remark: remark ?? "", address: address)
        }
        return self
    }
}
