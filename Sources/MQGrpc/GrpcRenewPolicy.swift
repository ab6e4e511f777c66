/// How the endpoint renews the handles of push consumers (`auto_renew`), with Apache's proxy's defaults
/// (`ProxyConfig`, `RenewStrategyPolicy`); tests shorten them.
public struct GrpcRenewPolicy: Sendable {
    /// The invisible time of an auto-renewed receive (`defaultInvisibleTimeMills`).
    public var invisibleMillis: Int64 = 60_000
    /// A handle is renewed when its invisible time ends within this (`renewAheadTimeMillis`).
    public var aheadMillis: Int64 = 10_000
    /// How often the handles are scanned (`renewSchedulePeriodMillis`).
    public var periodMillis: Int64 = 5_000
    /// Renewed for at most this long after delivery (`renewMaxTimeMillis`), then given back with the group's
    /// retry delay.
    public var maxMillis: Int64 = 3 * 3_600_000
    /// The n-th renewal's invisible time (`RenewStrategyPolicy`: 1m 3m 5m 10m 30m 1h, the last repeated).
    public var steps: [Int64] = [1, 3, 5, 10, 30, 60].map { $0 * 60_000 }
    /// The invisible time of a vanished client's handles: they come back promptly (`invisibleTimeMillisWhenClear`).
    public var clearMillis: Int64 = 1_000
    /// Failed renewals of one handle before it is given up (`maxRenewRetryTimes`).
    public var maxRetries = 3

    public init() {}

    /// The invisible time of renewal number `renewals` (0 for the first).
    func step(_ renewals: Int) -> Int64 { steps[min(max(renewals, 0), steps.count - 1)] }
}
