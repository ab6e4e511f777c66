import MQProtocol

/// A broker or name server that answers REQUEST_CODE_NOT_SUPPORTED says only " request type 3005 not supported".
/// The answer's header carries the server's version, so the client says what it asked for, which version
/// answered, and — for features that arrived in a later Apache release — which version is needed.
enum UnservedRequest {
    /// The first Apache release that serves each code, where it is later than 4.9.
    static let introducedIn: [ClosedRange<Int32>: (feature: String, release: String, version: Int32)] = [
        RequestCode.authCreateUser.rawValue...RequestCode.authListAcl.rawValue:
            ("ACL 2.0 (the user and acl commands)", "5.3.0", 473),
        RequestCode.getTopicConfig.rawValue...RequestCode.getSubscriptionGroupConfig.rawValue:
            ("single topic and group configuration reads", "5.0.0", 413),
        RequestCode.updateAndCreateTopicList.rawValue...RequestCode.updateAndCreateTopicList.rawValue:
            ("batch topic creation (updateTopicList, topic create --from-file)", "5.3.0", 473),
        RequestCode.updateAndCreateSubscriptionGroupList.rawValue
            ... RequestCode.updateAndCreateSubscriptionGroupList.rawValue:
            ("batch group creation (updateSubGroupList, group create --from-file)", "5.3.1", 475),
        RequestCode.getAllProducerInfo.rawValue...RequestCode.getAllProducerInfo.rawValue:
            ("listing every producer group (producer list without -g, classic producer)", "4.9.4", 401),
    ]

    /// `response` with a remark that names the request, the server's version and what is needed.
    /// `address` names the server as the operator knows it ("broker 10.0.0.5:10911").
    static func explain(_ response: RemotingCommand, to request: RemotingCommand, at address: String)
        -> RemotingCommand
    {
        guard response.code == ResponseCode.requestCodeNotSupported.rawValue else { return response }
        var explained = response
        let server = MQVersion.describe(response.version)
        var remark = "\(address), version \(server), does not serve \(request.requestCode)"
        if let (_, need) = introducedIn.first(where: { $0.key.contains(request.code) }), response.version < need.version {
            remark += "; \(need.feature) needs Apache RocketMQ \(need.release) or later"
        } else if RequestCode.mqadminExtensions.contains(request.code) {
            remark += "; it is an mqadmin extension that only mqadmin's bundled broker serves"
        }
        explained.remark = remark
        return explained
    }
}
