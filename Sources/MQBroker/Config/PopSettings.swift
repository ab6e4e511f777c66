/// POP consumption (docs/design/pop-grpc.md §4.4).
public struct PopSettings: Sendable, Equatable {
    /// The shortest invisible time a pop or a change of invisible time may ask for; shorter is refused with
    /// INVALID_PARAMETER. Apache's proxy refuses below 10 s (`minInvisibleTimeMillsForRecv`); tests lower it.
    public var minInvisibleTimeMillis: Int64 = 10_000
    /// The longest (Apache's proxy: 12 h, `maxInvisibleTimeMills`).
    public var maxInvisibleTimeMillis: Int64 = 12 * 3_600_000
    /// The most messages one pop returns (Apache's broker refuses more than 32: its checkpoint's ack bitmap).
    public var maxMessagesPerPop: Int32 = 32

    public init() {}
}
