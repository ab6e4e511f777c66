import MQProtocol
import MQRemoting

/// The batch forms of topic and group creation (Apache 5.x, used by `updateTopicList` / `updateSubGroupList`
/// and to restore exported metadata): every item is checked before any is stored, so a batch is applied whole
/// or not at all, with one write of the table and one re-registration.
extension BrokerCore {
    /// UPDATE_AND_CREATE_TOPIC_LIST (18). Items are checked as UPDATE_AND_CREATE_TOPIC checks them; their
    /// `attributes` are a modification (`+key`/`-key`), a plain key counting as `+key` so that an exported
    /// `topic.json` applies as it is. Unlike Apache's broker, an item identical to the stored topic does not end
    /// the request with the rest unapplied: it is left as it is and the others are applied.
    func handleUpdateAndCreateTopicList(_ request: RemotingCommand, peer: any RemotingPeer) throws -> ProcessResult {
        let items = try request.decodeBody(CreateTopicListRequestBody.self).topicConfigList
        var checked: [TopicConfig] = []
        var seen: Set<String> = []
        for item in items {
            guard seen.insert(item.topicName).inserted else {
                return .response(
                    request.response(
                        .invalidParameter, remark: "topic \(item.topicName): given more than once in the list"))
            }
            switch checkedTopicChange(item, modification: .success(Self.modification(item.attributes))) {
            case .refused(let remark):
                return .response(request.response(.invalidParameter, remark: "topic \(item.topicName): \(remark)"))
            case .accepted(let config): checked.append(config)
            }
        }
        let changed = try topics.updateAll(checked)
        logger.info("topic list applied: \(checked.count) topics, \(changed.count) changed")
        return changed.isEmpty ? .response(request.response()) : answerAfterRegistration(request.response(), peer: peer)
    }

    /// UPDATE_AND_CREATE_SUBSCRIPTIONGROUP_LIST (225): every group name checked, then all stored in one write.
    func handleUpdateAndCreateGroupList(_ request: RemotingCommand) throws -> RemotingCommand {
        let items = try request.decodeBody(SubscriptionGroupList.self).groupConfigList
        var seen: Set<String> = []
        for item in items {
            if let why = SystemTopics.validate(group: item.groupName) {
                return request.response(.invalidParameter, remark: "group \(item.groupName): \(why)")
            }
            guard seen.insert(item.groupName).inserted else {
                return request.response(
                    .invalidParameter, remark: "group \(item.groupName): given more than once in the list")
            }
        }
        try groups.updateAll(items)
        return request.response()
    }

    /// A list item's attributes as a modification: `+key`/`-key` as given, a plain `key` as `+key`.
    static func modification(_ attributes: [String: String]) -> [String: String] {
        Dictionary(
            attributes.map { key, value in (key.hasPrefix("+") || key.hasPrefix("-") ? key : "+" + key, value) },
            uniquingKeysWith: { first, _ in first })
    }
}
