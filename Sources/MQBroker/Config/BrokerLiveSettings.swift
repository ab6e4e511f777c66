import MQProtocol

/// The broker settings UPDATE_BROKER_CONFIG (25) can change while it runs, by Apache's BrokerConfig names.
/// Everything else the broker reports (GET_BROKER_CONFIG) is fixed at start: changing it live would leave the
/// store, the metadata or the registration half in the old shape, so such a change is refused by name.
public struct BrokerLiveSettings: Sendable, Equatable {
    /// Apache's `brokerPermission` (PermName bits): a broker without write is read-only for producers, and its
    /// registration masks every topic's permission with it, so routes change too.
    public var brokerPermission: Int32
    public var traceOn: Bool
    public var enablePropertyFilter: Bool
    public var longPollingEnable: Bool

    /// Keys no request may change (Apache's AdminBrokerProcessor black list and its `configBlackList` default).
    public static let blackList: Set<String> = ["brokerConfigPath", "rocketmqHome", "configBlackList"]
    /// The keys this type holds, in the order `broker config` help lists them.
    public static let keys = ["brokerPermission", "traceOn", "enablePropertyFilter", "longPollingEnable"]

    public init(_ config: BrokerConfig) {
        brokerPermission = config.brokerPermission
        traceOn = config.traceOn
        enablePropertyFilter = config.enablePropertyFilter
        longPollingEnable = config.longPollingEnable
    }

    public var isWritable: Bool { PermName.isWriteable(brokerPermission) }
    public var isReadable: Bool { PermName.isReadable(brokerPermission) }

    /// `config` with these values, for a broker that starts with overrides saved by an earlier change.
    public func applied(to config: BrokerConfig) -> BrokerConfig {
        var config = config
        config.brokerPermission = brokerPermission
        config.traceOn = traceOn
        config.enablePropertyFilter = enablePropertyFilter
        config.longPollingEnable = longPollingEnable
        return config
    }

    public var properties: [String: String] {
        [
            "brokerPermission": String(brokerPermission),
            "traceOn": String(traceOn),
            "enablePropertyFilter": String(enablePropertyFilter),
            "longPollingEnable": String(longPollingEnable),
        ]
    }

    /// Why a change was refused: Apache's response code and a remark naming the key and what to do.
    public struct Refusal: Error, Sendable, Equatable {
        public var code: ResponseCode
        public var remark: String
    }

    /// `self` with `changes` applied, all or nothing. Black-listed keys are refused as Apache refuses them. A key
    /// the broker reports (`reported`, its GET_BROKER_CONFIG) but cannot change live is accepted only with the value
    /// it already has (nothing changes); with another value it is refused by name, as are unknown keys and values
    /// that do not parse.
    public func applying(
        _ changes: [String: String], reported: [String: String]
    ) -> Result<BrokerLiveSettings, Refusal> {
        if changes.keys.contains(where: Self.blackList.contains) {
            return .failure(Refusal(code: .noPermission, remark: "Can not update config in black list."))
        }
        var next = self
        for (key, value) in changes.sorted(by: { $0.key < $1.key }) {
            guard Self.keys.contains(key) else {
                if reported[key] == value { continue }
                let changeable = Self.keys.joined(separator: ", ")
                let why = reported[key] != nil
                    ? "\(key) cannot change while the broker runs; set it in the broker's config file and restart it"
                    : "the bundled broker has no setting \(key)"
                return .failure(Refusal(code: .invalidParameter, remark: "\(why) (it can change: \(changeable))"))
            }
            if key == "brokerPermission" {
                guard let perm = Int32(value), (0...7).contains(perm) else {
                    return .failure(Refusal(
                        code: .invalidParameter,
                        remark: "brokerPermission must be 0 to 7 (PermName bits: 4 read, 2 write, 1 inherit), "
                            + "not \(value)"))
                }
                next.brokerPermission = perm
                continue
            }
            guard let flag = Bool(value) else {
                return .failure(Refusal(code: .invalidParameter, remark: "\(key) must be true or false, not \(value)"))
            }
            switch key {
            case "traceOn": next.traceOn = flag
            case "enablePropertyFilter": next.enablePropertyFilter = flag
            default: next.longPollingEnable = flag
            }
        }
        return .success(next)
    }
}
