import MQProtocol

/// The v2 status of a refusal by one of the broker's remoting handlers (after Apache's proxy, which maps remoting
/// response codes to v2 codes), its remark as the message.
enum GrpcRemotingStatus {
    static func status(of response: RemotingCommand) -> V2Status {
        V2Status(code(ResponseCode(rawValue: response.code)), response.remark ?? "code \(response.code)")
    }

    static let codes: [ResponseCode: V2Code] = [
        .success: .ok, .systemBusy: .tooManyRequests, .requestCodeNotSupported: .notImplemented,
        .subscriptionGroupNotExist: .consumerGroupNotFound, .noPermission: .forbidden, .topicNotExist: .topicNotFound,
        .messageIllegal: .badRequest, .illegalOperation: .badRequest, .invalidParameter: .badRequest,
        .flushDiskTimeout: .masterPersistenceTimeout, .flushSlaveTimeout: .slavePersistenceTimeout,
        .slaveNotAvailable: .haNotAvailable, .noMessage: .messageNotFound,
    ]

    static func code(_ remoting: ResponseCode) -> V2Code { codes[remoting] ?? .internalError }
}
