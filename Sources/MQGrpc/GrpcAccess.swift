import MQProtocol

/// Which ACL checks each RPC of MessagingService needs (Apache's `DefaultAuthorizationContextBuilder`, design
/// pop-grpc.md §4.8), beside `RequestAccess` of the remoting registry. One row per RPC, so a test can walk them.
enum GrpcAccess: String, CaseIterable, Sendable {
    case queryRoute = "QueryRoute"
    case heartbeat = "Heartbeat"
    case sendMessage = "SendMessage"
    case queryAssignment = "QueryAssignment"
    case receiveMessage = "ReceiveMessage"
    case ackMessage = "AckMessage"
    case forwardMessageToDeadLetterQueue = "ForwardMessageToDeadLetterQueue"
    case pullMessage = "PullMessage"
    case updateOffset = "UpdateOffset"
    case getOffset = "GetOffset"
    case queryOffset = "QueryOffset"
    case endTransaction = "EndTransaction"
    case telemetry = "Telemetry"
    case notifyClientTermination = "NotifyClientTermination"
    case changeInvisibleDuration = "ChangeInvisibleDuration"
    case recallMessage = "RecallMessage"
    case syncLiteSubscription = "SyncLiteSubscription"

    /// The consumer calls, which Apache's proxy refuses without a group (ILLEGAL_CONSUMER_GROUP).
    var needsGroup: Bool {
        switch self {
        case .receiveMessage, .ackMessage, .changeInvisibleDuration, .forwardMessageToDeadLetterQueue, .queryAssignment:
            return true
        default: return false
        }
    }

    /// What a call needs, given the topic and group it names (nil when it names none). A group-less Heartbeat or
    /// termination (a producer's) needs nothing; Telemetry is checked per settings command (`settingsChecks`).
    func checks(topic: String?, group: String?) -> [AuthorizationCheck] {
        let onTopic = { (actions: [AuthAction]) in topic.map { [AuthorizationCheck(.topic($0), actions)] } ?? [] }
        let onGroup = { (actions: [AuthAction]) in group.map { [AuthorizationCheck(.group($0), actions)] } ?? [] }
        switch self {
        case .sendMessage, .recallMessage, .endTransaction: return onTopic([.pub])
        // A producer asks for routes as much as a consumer: either right will do.
        case .queryRoute: return onTopic([.pub, .sub])
        case .heartbeat, .changeInvisibleDuration, .notifyClientTermination: return onGroup([.sub])
        case .receiveMessage, .ackMessage, .forwardMessageToDeadLetterQueue, .queryAssignment, .pullMessage,
            .updateOffset, .getOffset, .queryOffset, .syncLiteSubscription:
            return onGroup([.sub]) + onTopic([.sub])
        case .telemetry: return []
        }
    }

    /// A settings command: Pub on each publishing topic, or Sub on the group and each subscribed topic.
    static func settingsChecks(_ settings: V2Settings) -> [AuthorizationCheck] {
        switch settings.pubSub {
        case .publishing(let p): return p.topics.map { AuthorizationCheck(.topic($0.name), [.pub]) }
        case .subscription(let s):
            return [AuthorizationCheck(.group(s.group.name), [.sub])]
                + s.subscriptions.map { AuthorizationCheck(.topic($0.topic.name), [.sub]) }
        case nil: return []
        }
    }
}
