import MQProtocol
import SwiftProtobuf

/// The settings the server answers a client's settings with on the Telemetry stream (design pop-grpc.md §2.1,
/// Apache's `GrpcClientSettingsManager`): the client's own, with the server's policy written over them.
enum GrpcSettingsReply {
    /// Apache's `CustomizedRetryPolicy` default: the delays of delay levels 3 to 18.
    static let customizedNextMillis: [Int64] = [
        1, 5, 10, 30, 60, 120, 180, 240, 300, 360, 420, 480, 540, 600, 1200, 1800, 3600, 7200,
    ].map { $0 * 1000 }
    static let receiveBatchSize: Int32 = 32
    static let longPollingTimeoutMillis: Int64 = 20_000

    /// `group` is the consumer group's configuration (nil: the defaults of a new group, as Apache's proxy does).
    static func merge(_ client: V2Settings, group: SubscriptionGroupConfig?, maxBodySize: Int) -> V2Settings {
        var reply = client
        switch client.pubSub {
        case .publishing(var publishing):
            // The producer copies both: without max_body_size every send fails in the client ("exceeds 0").
            publishing.maxBodySize = Int32(clamping: maxBodySize)
            publishing.validateMessageType = true
            reply.publishing = publishing
            reply.backoffPolicy = exponential(maxAttempts: 3, initialMillis: 10, maxMillis: 1000, multiplier: 2)
        case .subscription(var subscription):
            let group = group ?? SubscriptionGroupConfig(groupName: subscription.group.name)
            subscription.fifo = group.consumeMessageOrderly
            subscription.receiveBatchSize = receiveBatchSize
            subscription.longPollingTimeout = Google_Protobuf_Duration(millis: longPollingTimeoutMillis)
            reply.subscription = subscription
            reply.backoffPolicy = retryPolicy(of: group)
        case nil:
            break
        }
        var metric = Apache_Rocketmq_V2_Metric()
        metric.on = false
        reply.metric = metric
        return reply
    }

    /// The group's retry policy: `groupRetryPolicy` EXPONENTIAL with its parameters, else CUSTOMIZED (its `next`
    /// list, or Apache's default); max attempts = retryMaxTimes + 1 (the first delivery counts).
    static func retryPolicy(of group: SubscriptionGroupConfig) -> Apache_Rocketmq_V2_RetryPolicy {
        let maxAttempts = group.retryMaxTimes + 1
        let policy = group.groupRetryPolicy
        if policy["type"]?.stringValue?.uppercased() == "EXPONENTIAL" {
            let e = policy["exponentialRetryPolicy"]
            return exponential(
                maxAttempts: maxAttempts, initialMillis: e?["initial"]?.int64Value ?? 5000,
                maxMillis: e?["max"]?.int64Value ?? 7_200_000, multiplier: Float(e?["multiplier"]?.int64Value ?? 2))
        }
        let next = policy["customizedRetryPolicy"]?["next"]?.arrayValue?.compactMap(\.int64Value)
        var customized = Apache_Rocketmq_V2_CustomizedBackoff()
        customized.next = (next?.isEmpty == false ? next! : customizedNextMillis).map {
            Google_Protobuf_Duration(millis: $0)
        }
        var retry = Apache_Rocketmq_V2_RetryPolicy()
        retry.maxAttempts = maxAttempts
        retry.customizedBackoff = customized
        return retry
    }

    static func exponential(
        maxAttempts: Int32, initialMillis: Int64, maxMillis: Int64, multiplier: Float
    ) -> Apache_Rocketmq_V2_RetryPolicy {
        var backoff = Apache_Rocketmq_V2_ExponentialBackoff()
        backoff.initial = Google_Protobuf_Duration(millis: initialMillis)
        backoff.max = Google_Protobuf_Duration(millis: maxMillis)
        backoff.multiplier = multiplier
        var retry = Apache_Rocketmq_V2_RetryPolicy()
        retry.maxAttempts = maxAttempts
        retry.exponentialBackoff = backoff
        return retry
    }
}
