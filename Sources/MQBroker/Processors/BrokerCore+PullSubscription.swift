import MQProtocol
import MQRemoting

/// A pull refused before the store is read: its code and remark.
struct PullRefusal: Error {
    var code: ResponseCode
    var remark: String

    func response(to request: RemotingCommand) -> RemotingCommand { request.response(code, remark: remark) }
}

extension BrokerCore {
    /// The filter a pull applies (wire.md §7.4; Apache's PullMessageProcessor): the subscription the pull carries
    /// (FLAG_SUBSCRIPTION), or the one the group's heartbeats registered, with its compiled SQL92 expression.
    func subscriptionFilter(
        _ h: PullMessageRequestHeader, hasSubscription: Bool, group: SubscriptionGroupConfig
    ) -> Result<PullMessageFilter, PullRefusal> {
        let type: String
        let filter: PullMessageFilter
        if hasSubscription {
            type = h.expressionType ?? ExpressionType.tag
            if ExpressionType.isTag(type) {
                filter = .tags(h.subscription)
            } else if !liveSettings.enablePropertyFilter {
                return .failure(propertyFilterOff(type))
            } else {
                switch filters.compiled(type: type, expression: h.subscription ?? "") {
                case .success(let expression): filter = .sql92(expression)
                case .failure(let why):
                    // Apache (assertions off) would deliver every message unfiltered; refusing says why.
                    return .failure(PullRefusal(
                        code: .subscriptionParseFailed, remark: "parse the consumer's subscription failed: \(why)"))
                }
            }
        } else {
            guard let info = consumers.group(h.consumerGroup) else {
                return .failure(PullRefusal(code: .subscriptionNotExist, remark: "the consumer's group info not exist"))
            }
            guard let sub = info.subscriptions[h.topic] else {
                return .failure(PullRefusal(
                    code: .subscriptionNotExist, remark: "the consumer's subscription not exist"))
            }
            if sub.subVersion < h.subVersion {
                return .failure(PullRefusal(
                    code: .subscriptionNotLatest, remark: "the consumer's subscription not latest"))
            }
            if info.messageModel == .broadcasting && !group.consumeBroadcastEnable {
                return .failure(PullRefusal(
                    code: .noPermission,
                    remark: "the consumer group[\(h.consumerGroup)] can not consume by broadcast way"))
            }
            type = sub.expressionType
            if ExpressionType.isTag(type) {
                filter = .tags(sub.subString)
            } else {
                // Registered by the heartbeat only if it compiled (ConsumerFilterManager).
                guard let data = filters.get(topic: h.topic, group: h.consumerGroup) else {
                    // Apache's remark, then what is wrong with the expression when the heartbeat brought one.
                    let why = filters.rejection(topic: h.topic, group: h.consumerGroup).map { " (\($0))" } ?? ""
                    return .failure(PullRefusal(
                        code: .filterDataNotExist,
                        remark: "The broker's consumer filter data is not exist!Your expression may be wrong!\(why)"))
                }
                if data.clientVersion < h.subVersion {
                    return .failure(PullRefusal(
                        code: .filterDataNotLatest, remark: "the consumer's consumer filter data not latest"))
                }
                filter = .sql92(data.compiled)
            }
        }
        if !ExpressionType.isTag(type) && !liveSettings.enablePropertyFilter {
            return .failure(propertyFilterOff(type))
        }
        return .success(filter)
    }

    /// Apache's answer to a property filter (pull or CHECK_CLIENT_CONFIG) when `enablePropertyFilter` is off.
    func propertyFilterOff(_ type: String) -> PullRefusal {
        PullRefusal(code: .systemError, remark: "The broker does not support consumer to filter message by \(type)")
    }
}
