import MQClient
import UnixSignals

/// `--watch`: refreshes until SIGINT/SIGTERM, then returns normally so the session closes cleanly
/// (the embedded broker flushes instead of being killed mid-write).
enum BacklogWatch {
    static func run(
        every seconds: Int, _ refresh: @escaping @Sendable (BacklogSample?) async throws -> BacklogSample
    ) async throws {
        let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                var previous: BacklogSample?
                while !Task.isCancelled {
                    previous = try await refresh(previous)
                    try await Task.sleep(for: .seconds(seconds))
                }
            }
            tasks.addTask {
                for await _ in signals { return }
            }
            do {
                try await tasks.next()
            } catch is CancellationError {}
            tasks.cancelAll()
        }
    }
}
