import MQProtocol

/// The bundled name server's settings as Apache's NamesrvConfig names them (GET/UPDATE_NAMESRV_CONFIG). Only
/// settings it honours are listed; `hotKeys` can change while it runs, the others are fixed at start.
public struct NameServerSettings: Sendable, Equatable {
    /// The address it listens on (Apache's `listenPort` and 5.x's `bindAddress`).
    public var listenHost = "127.0.0.1"
    public var listenPort = 9876
    /// How often brokers that stopped registering are dropped, in ms (fixed at start).
    public var scanNotActiveBrokerInterval: Int64 = 5000
    /// Routes carry `orderTopicConf` from the KV namespace ORDER_TOPIC_CONFIG.
    public var orderMessageEnable = false
    /// GET_ALL_TOPIC_LIST_FROM_NAMESERVER is served (otherwise answered SYSTEM_ERROR "disable").
    public var enableAllTopicList = true
    /// GET_TOPICS_BY_CLUSTER is served (otherwise answered SYSTEM_ERROR "disable").
    public var enableTopicList = true
    /// A master's registration also drops this broker's topics it does not carry (Apache 5.x, off by default:
    /// Apache brokers register a created topic alone, so dropping would hide every other topic until the next
    /// full registration). Off, topics leave routes through DELETE_TOPIC_IN_NAMESRV or with their broker.
    public var deleteTopicWithBrokerRegistration = false

    /// Keys no request may change (Apache's `configBlackList` of the name server).
    public static let blackList = ["configBlackList", "configStorePath", "kvConfigPath"]
    public static let hotKeys: Set<String> = [
        "orderMessageEnable", "enableAllTopicList", "enableTopicList", "deleteTopicWithBrokerRegistration",
    ]

    public init() {}

    public var properties: [String: String] {
        [
            "bindAddress": listenHost,
            "listenPort": String(listenPort),
            "scanNotActiveBrokerInterval": String(scanNotActiveBrokerInterval),
            "orderMessageEnable": String(orderMessageEnable),
            "enableAllTopicList": String(enableAllTopicList),
            "enableTopicList": String(enableTopicList),
            "deleteTopicWithBrokerRegistration": String(deleteTopicWithBrokerRegistration),
            "configBlackList": Self.blackList.joined(separator: ";"),
        ]
    }

    /// A refusal that names the problem and the fix, for UPDATE_NAMESRV_CONFIG.
    public struct Refusal: Error, Equatable {
        public var code: ResponseCode
        public var remark: String
    }

    /// `self` with `changes` applied, all or nothing: black-listed keys are refused as Apache does; keys this
    /// name server does not have, keys fixed at start and values that do not parse are refused by name.
    public func applying(_ changes: [String: String]) -> Result<NameServerSettings, Refusal> {
        if changes.keys.contains(where: Self.blackList.contains) {
            return .failure(Refusal(code: .noPermission, remark: "Can not update config in black list."))
        }
        var next = self
        for (key, value) in changes.sorted(by: { $0.key < $1.key }) {
            guard properties[key] != nil else {
                let known = Self.hotKeys.sorted().joined(separator: ", ")
                return .failure(Refusal(
                    code: .invalidParameter,
                    remark: "the bundled name server has no setting \(key); it can change: \(known)"))
            }
            guard Self.hotKeys.contains(key) else {
                return .failure(Refusal(
                    code: .invalidParameter,
                    remark: "\(key) is fixed at start; restart the name server with the new value"))
            }
            guard let flag = Bool(value) else {
                return .failure(Refusal(code: .invalidParameter, remark: "\(key) must be true or false, not \(value)"))
            }
            switch key {
            case "orderMessageEnable": next.orderMessageEnable = flag
            case "enableAllTopicList": next.enableAllTopicList = flag
            case "deleteTopicWithBrokerRegistration": next.deleteTopicWithBrokerRegistration = flag
            default: next.enableTopicList = flag
            }
        }
        return .success(next)
    }
}
