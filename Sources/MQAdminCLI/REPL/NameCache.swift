import Foundation
import MQClient
import MQProtocol
import NIOConcurrencyHelpers

/// Topic and group names for completion, refreshed in the background so Tab never waits on a slow
/// cluster for more than `budget`; stale names are better than a hung prompt.
final class NameCache: Sendable {
    struct Names: Sendable {
        var topics: [String] = []
        var groups: [String] = []
        var fetchedAt: ContinuousClock.Instant?
    }

    static let budget: Duration = .milliseconds(150)
    static let ttl: Duration = .seconds(15)
    private let names = NIOLockedValueBox(Names())
    private let refreshing = NIOLockedValueBox<Task<Void, Never>?>(nil)

    var current: (topics: [String], groups: [String]) {
        names.withLockedValue { ($0.topics, $0.groups) }
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
        var out = Names(fetchedAt: .now)
        if let response = try? await client.invokeNameServer(.request(.getAllTopicListFromNameServer)),
            let list = try? response.decodeBody(TopicList.self)
        {
            out.topics = list.topicList.filter { !$0.hasPrefix("%") }.sorted()
        }
        var groups = Set<String>()
        for addr in (try? await client.masterAddresses()) ?? [] {
            if let response = try? await client.invoke(addr, .request(.getAllSubscriptionGroupConfig)),
                let wrapper = try? response.decodeBody(SubscriptionGroupWrapper.self)
            {
                groups.formUnion(wrapper.subscriptionGroupTable.keys)
            }
        }
        out.groups = groups.sorted()
        return out
    }
}
