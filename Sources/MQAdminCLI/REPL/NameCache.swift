import Foundation
import MQClient
import MQProtocol
import NIOConcurrencyHelpers

/// Topic and group names for completion, refreshed in the background so Tab never waits on a slow
/// cluster for more than `budget`; stale names are better than a hung prompt.
final class NameCache: Sendable {
    struct Names: Sendable {
        /// Split as `topic list` and `group list` split them (system names apart, offered once typed).
        var sorted = NamesRefresh.Sorted()
        var fetchedAt: ContinuousClock.Instant?
    }

    static let budget: Duration = .milliseconds(150)
    static let ttl: Duration = .seconds(15)
    private let names = NIOLockedValueBox(Names())
    private let refreshing = NIOLockedValueBox<Task<Void, Never>?>(nil)

    var current: NamesRefresh.Sorted {
        names.withLockedValue { $0.sorted }
    }

    /// Marks the names stale (after a command that may have created or deleted some).
    func invalidate() {
        names.withLockedValue { $0.fetchedAt = nil }
    }

    /// Starts a refresh if the names are stale; waits for it at most `budget`.
    func refreshIfStale(client: MQClientInstance?) async {
        guard let client else { return }
        let stale = names.withLockedValue { n in n.fetchedAt.map { $0.duration(to: .now) > Self.ttl } ?? true }
        guard stale else { return }
        let task = refreshing.withLockedValue { current -> Task<Void, Never> in
            if let t = current { return t }
            let t = Task { [names] in
                let fetched = await Self.fetch(client)
                names.withLockedValue { $0 = fetched }
            }
            current = t
            return t
        }
        _ = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await task.value
                return true
            }
            group.addTask {
                try? await Task.sleep(for: Self.budget)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        refreshing.withLockedValue { if $0 == task { $0 = nil } }
    }

    static func fetch(_ client: MQClientInstance) async -> Names {
        Names(sorted: await NamesRefresh.read(client) ?? NamesRefresh.Sorted(), fetchedAt: .now)
    }
}
