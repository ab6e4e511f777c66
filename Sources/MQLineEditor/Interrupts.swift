import Dispatch
import Foundation
import Synchronization

/// Ctrl-C for an interactive session: SIGINT no longer ends the process; it sets a flag that the
/// prompt (clear the line) and long-running loops such as `watch` (stop) check.
public final class Interrupts: Sendable {
    public static let shared = Interrupts()

    private let flag = Atomic<Bool>(false)
    private let installed = Atomic<Bool>(false)
    private let source = Mutex<SignalSource?>(nil)

    /// Takes over SIGINT for this process (idempotent).
    public func install() {
        guard installed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else {
            return
        }
        signal(SIGINT, SIG_IGN)
        let s = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        s.setEventHandler { [self] in flag.store(true, ordering: .releasing) }
        s.resume()
        source.withLock { $0 = SignalSource(s) }
    }

    /// True once since the last `reset()` / `consume()` if Ctrl-C was pressed.
    public var isSet: Bool { flag.load(ordering: .acquiring) }

    /// Returns whether Ctrl-C was pressed and clears it.
    public func consume() -> Bool { flag.exchange(false, ordering: .acquiringAndReleasing) }

    public func reset() { flag.store(false, ordering: .releasing) }
}

/// Keeps the dispatch source alive. Dispatch sources are thread-safe objects, hence the unchecked Sendable.
private final class SignalSource: @unchecked Sendable {
    let source: any DispatchSourceSignal
    init(_ source: any DispatchSourceSignal) { self.source = source }
}
