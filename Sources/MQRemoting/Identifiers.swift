import NIOCore
import Synchronization

/// Process-wide request ids. Java uses one counter per process too; ids wrap around after 2^32 requests.
enum Opaque {
    private static let counter = Atomic<Int32>(0)

    static func next() -> Int32 {
        counter.wrappingAdd(1, ordering: .relaxed).newValue
    }
}

/// Process-wide connection ids, shared by TCP and in-process peers (and the gRPC endpoint's client peers) so
/// processors can key tables by `peer.id`.
public enum ConnectionID {
    private static let counter = Atomic<UInt64>(0)

    public static func next() -> UInt64 {
        counter.wrappingAdd(1, ordering: .relaxed).newValue
    }
}

extension Duration {
    /// The NIO form of this duration (negative durations become zero).
    var timeAmount: TimeAmount {
        guard self > .zero else { return .zero }
        let (seconds, attoseconds) = components
        let (nanos, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .nanoseconds(.max) : .nanoseconds(nanos + attoseconds / 1_000_000_000)
    }

    /// Whole milliseconds, for error messages and Java-style `timeoutMillis` fields.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        let (millis, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        return overflow ? (seconds < 0 ? .min : .max) : millis + attoseconds / 1_000_000_000_000_000
    }
}

extension TimeAmount {
    var milliseconds: Int64 { nanoseconds / 1_000_000 }
}
