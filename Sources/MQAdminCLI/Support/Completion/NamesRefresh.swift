import Foundation
import MQBroker
import MQClient
import MQProtocol

/// The background half of shell completion: `mqadmin ---refresh-names KIND VALUE`, started detached by a
/// completion call whose cache is stale or absent, reads the target's names and writes its cache file. It
/// outlives the completion call (its own session, standard streams on /dev/null), so Tab never waits for a
/// cluster; the triple dash keeps it out of the command tree, as ArgumentParser's `---completion`.
enum NamesRefresh {
    static let flag = "---refresh-names"
    /// How long each request of a refresh may take: it runs in the background, so this bounds only its life.
    static let timeout: Duration = .seconds(3)
    /// After a failed refresh (or one that died), the next waits this long: a dead cluster is not asked at
    /// every Tab.
    static let retryAfter: TimeInterval = 10

    /// Starts a detached refresh of `cache`'s target unless one runs (or failed just now).
    static func start(_ cache: NamesCacheFile) {
        guard cache.claimRefresh(retryAfter: retryAfter) else { return }
        if !DetachedProcess.spawn(DetachedProcess.currentExecutable, [flag] + cache.target.refreshArguments) {
            cache.markRefreshFailed()
        }
    }

    /// The `---refresh-names` entry point (the words after the flag). Exit 0 with nothing printed, always:
    /// nobody reads its output.
    static func run(_ arguments: [String]) async {
        guard let target = CompletionTarget(refreshArguments: arguments) else { return }
        let cache = NamesCacheFile(target: target, home: Console.current.home)
        // The single cache file of older versions mixed targets: it goes.
        unlink(cache.directory + "/names.json")
        guard let names = await read(target) else {
            cache.markRefreshFailed()
            return
        }
        do {
            try cache.write(
                topics: names.topics, systemTopics: names.systemTopics, groups: names.groups,
                systemGroups: names.systemGroups)
            cache.releaseRefresh()
        } catch {
            cache.markRefreshFailed()
        }
    }

    struct Sorted: Sendable, Equatable {
        var topics: [String] = []
        var systemTopics: [String] = []
        var groups: [String] = []
        var systemGroups: [String] = []

        init() {}

        /// Splits names with the predicates `topic list` and `group list` hide by (one owner each).
        init(topics: [String], groups: [String], isClusterOrBroker: (String) -> Bool) {
            for t in Set(topics).sorted() {
                if TopicKind.of(t, isClusterOrBroker: isClusterOrBroker(t)) == .normal {
                    self.topics.append(t)
                } else {
                    systemTopics.append(t)
                }
            }
            for g in Set(groups).sorted() {
                if GroupOverview.isSystem(g) { systemGroups.append(g) } else { self.groups.append(g) }
            }
        }
    }

    /// The target's names, nil when it could not be read at all.
    static func read(_ target: CompletionTarget) async -> Sorted? {
        switch target {
        case .nameServers(let ns):
            return await readCluster(ns)
        case .context(let name):
            guard let resolved = ContextNameServers.resolve(name), resolved != target else { return nil }
            return await read(resolved)
        case .dataDirectory(let dir):
            if let ns = runningNameServer(dataDirectory: dir) { return await readCluster([ns]) }
            guard let stored = StoredNames.read(dataDirectory: dir) else { return nil }
            let named: Set<String> = [StoredNames.bundledClusterName, StoredNames.bundledBrokerName]
            return Sorted(topics: stored.topics, groups: stored.groups) { named.contains($0) }
        }
    }

    /// The name server of the `mqadmin broker start` holding `dataDirectory`, if one runs.
    static func runningNameServer(dataDirectory dir: String) -> String? {
        guard DataDirectoryLock.isHeld(dataDirectory: dir) else { return nil }
        return DataDirectoryLock.readInfo(dataDirectory: dir)?.nameServer
    }

    /// Whether a refresh of `target` could find names: completion starts none that cannot.
    static func canRead(_ target: CompletionTarget) -> Bool {
        switch target {
        case .nameServers: return true
        case .context(let name): return ContextNameServers.resolve(name).map(canRead) ?? false
        case .dataDirectory(let dir):
            return runningNameServer(dataDirectory: dir) != nil || BundledStore.exists(dataDirectory: dir)
        }
    }

    static func readCluster(_ ns: [String]) async -> Sorted? {
        let client = MQClientInstance(nameServers: ns, group: Session.group, timeout: timeout, logger: Session.logger)
        let sorted = await read(client)
        await client.shutdown()
        return sorted
    }

    /// The names `client`'s cluster knows (the REPL's own client too), nil when the cluster cannot be read.
    static func read(_ client: MQClientInstance) async -> Sorted? {
        guard let info = try? await client.clusterInfo(), let topics = try? await client.allTopics() else {
            return nil
        }
        var groups: [String] = []
        let masters = info.brokerAddrTable.keys.sorted().compactMap { info.brokerAddrTable[$0]?.masterAddress }
        for address in masters {
            if let configs = try? await client.groupConfigs(broker: address) { groups += configs.keys }
        }
        return Sorted(topics: topics, groups: groups) {
            info.clusterAddrTable[$0] != nil || info.brokerAddrTable[$0] != nil
        }
    }
}
