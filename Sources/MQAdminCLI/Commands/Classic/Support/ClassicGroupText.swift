import MQProtocol

/// Java `toString()`s the classic group commands print (Guava's `toStringHelper` layout).
enum ClassicGroupText {
    /// `SubscriptionGroupConfig{groupName=g, consumeEnable=true, ...}`, as updateSubGroup prints it.
    static func config(_ c: SubscriptionGroupConfig) -> String {
        let fields: [(String, String)] = [
            ("groupName", c.groupName), ("consumeEnable", String(c.consumeEnable)),
            ("consumeFromMinEnable", String(c.consumeFromMinEnable)),
            ("consumeBroadcastEnable", String(c.consumeBroadcastEnable)),
            ("consumeMessageOrderly", String(c.consumeMessageOrderly)), ("retryQueueNums", String(c.retryQueueNums)),
            ("retryMaxTimes", String(c.retryMaxTimes)), ("groupRetryPolicy", retryPolicy(c.groupRetryPolicy)),
            ("brokerId", String(c.brokerId)), ("whichBrokerWhenConsumeSlowly", String(c.whichBrokerWhenConsumeSlowly)),
            ("notifyConsumerIdsChangedEnable", String(c.notifyConsumerIdsChangedEnable)),
            ("groupSysFlag", String(c.groupSysFlag)),
            ("consumeTimeoutMinute", String(c.consumeTimeoutMinute)),
            ("subscriptionDataSet", subscriptions(c.subscriptionDataSet)),
            ("attributes", javaMap(c.attributes)),
        ]
        return helper("SubscriptionGroupConfig", fields)
    }

    /// `GroupRetryPolicy{type=CUSTOMIZED, exponentialRetryPolicy=null, customizedRetryPolicy=null}`.
    static func retryPolicy(_ v: JSONValue) -> String {
        let type = v["type"]?.stringValue ?? "CUSTOMIZED"
        var exponential = "null"
        if let e = v["exponentialRetryPolicy"], case .object = e {
            exponential = helper(
                "ExponentialRetryPolicy",
                [
                    ("initial", String(e["initial"]?.int64Value ?? 5000)),
                    ("max", String(e["max"]?.int64Value ?? 7_200_000)),
                    ("multiplier", String(e["multiplier"]?.int64Value ?? 2)),
                ])
        }
        var customized = "null"
        if let c = v["customizedRetryPolicy"], case .object = c {
            var next = defaultNext
            if case .array(let items)? = c["next"] { next = items.compactMap(\.int64Value) }
            customized = helper(
                "CustomizedRetryPolicy", [("next", "[" + next.map(String.init).joined(separator: ", ") + "]")])
        }
        return helper(
            "GroupRetryPolicy",
            [("type", type), ("exponentialRetryPolicy", exponential), ("customizedRetryPolicy", customized)])
    }

    /// Apache's default customized retry delays: 1s 5s 10s 30s 1m ... 2h.
    static let defaultNext: [Int64] = [
        1, 5, 10, 30, 60, 120, 180, 240, 300, 360, 420, 480, 540, 600, 1200, 1800, 3600, 7200,
    ]
    .map { Int64($0) * 1000 }

    static func subscriptions(_ v: JSONValue?) -> String {
        guard case .array(let items)? = v else { return "null" }
        return "["
            + items.map { item in
                helper(
                    "SimpleSubscriptionData",
                    [
                        ("topic", item["topic"]?.stringValue ?? "null"),
                        ("expressionType", item["expressionType"]?.stringValue ?? "null"),
                        ("expression", item["expression"]?.stringValue ?? "null"),
                        ("version", item["version"]?.stringValue ?? "0"),
                    ])
            }.joined(separator: ", ") + "]"
    }

    /// A Java map's `toString()`: `{a=b, c=d}` (sorted, where Java's HashMap order is unspecified).
    static func javaMap(_ m: [String: String]) -> String {
        "{" + m.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + "}"
    }

    static func helper(_ name: String, _ fields: [(String, String)]) -> String {
        name + "{" + fields.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + "}"
    }
}
