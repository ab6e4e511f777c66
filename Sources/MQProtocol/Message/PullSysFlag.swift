/// Bits of the PULL_MESSAGE request's `sysFlag` (Java `PullSysFlag`, wire.md §7.4).
public enum PullSysFlag {
    /// The request carries a `commitOffset` to store for the group.
    public static let commitOffset: Int32 = 0x1
    /// The broker may hold (long-poll) the request when nothing is available.
    public static let suspend: Int32 = 0x2
    /// The request carries its own `subscription` expression.
    public static let subscription: Int32 = 0x4
    /// Class filter mode (obsolete filter servers).
    public static let classFilter: Int32 = 0x8
    /// A lite pull consumer.
    public static let litePull: Int32 = 0x10

    /// Builds a flag word from its parts, like Java `PullSysFlag.buildSysFlag`.
    public static func build(
        commitOffset: Bool, suspend: Bool, subscription: Bool, classFilter: Bool = false, litePull: Bool = false
    ) -> Int32 {
        var flag: Int32 = 0
        if commitOffset { flag |= Self.commitOffset }
        if suspend { flag |= Self.suspend }
        if subscription { flag |= Self.subscription }
        if classFilter { flag |= Self.classFilter }
        if litePull { flag |= Self.litePull }
        return flag
    }

    /// Whether `bit` is set in `flag`.
    public static func has(_ flag: Int32, _ bit: Int32) -> Bool {
        flag & bit == bit
    }

    /// `flag` without the commit-offset bit (what the broker re-processes a held pull with).
    public static func clearCommitOffset(_ flag: Int32) -> Int32 {
        flag & ~commitOffset
    }

    /// `flag` without the suspend bit.
    public static func clearSuspend(_ flag: Int32) -> Int32 {
        flag & ~suspend
    }
}
