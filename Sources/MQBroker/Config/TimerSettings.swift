/// Timer messages (TIMER_DELIVER_MS / TIMER_DELAY_SEC / TIMER_DELAY_MS) and their recall, under Apache's
/// setting names (`timerWheelEnable`, `timerMaxDelaySec`, `timerPrecisionMs`, `recallMessageEnable`).
public struct TimerSettings: Sendable, Equatable {
    /// Apache's `timerWheelEnable` (default true): off, a timer message is refused with SYSTEM_ERROR.
    public var enabled = true
    /// Apache's `timerMaxDelaySec` (default 3 days): a later deliver time is refused with MESSAGE_ILLEGAL.
    public var maxDelaySeconds: Int64 = 3 * 86_400
    /// Apache's `timerPrecisionMs`, one of 100, 200, 500 or 1000: a message fires at the first multiple of it at
    /// or after its deliver time. Apache's default is 1000, which delivers up to a second late; the bundled broker
    /// defaults to 100 (a value Apache accepts) so that every timer message is delivered well within a second.
    public var precisionMillis: Int64 = 100 {
        didSet { precisionMillis = Self.normalized(precision: precisionMillis) }
    }
    /// Apache's `recallMessageEnable`. Apache's default is false (RECALL_MESSAGE answers NO_PERMISSION); the
    /// bundled broker, a development and test broker, serves recalls by default.
    public var recallEnabled = true

    public init() {}

    /// Apache's `setTimerPrecisionMs`: the largest of 100, 200, 500, 1000 not above `precision` (100 below that).
    public static func normalized(precision: Int64) -> Int64 {
        let candidates: [Int64] = [100, 200, 500, 1000]
        return candidates.last { $0 <= precision } ?? candidates[0]
    }
}
