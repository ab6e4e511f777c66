import Foundation
import MQBroker
import MQClient
import MQProtocol

/// Topic and group names for shell completion: served from a small cache file, refreshed from the
/// cluster within a hard time budget so a slow or dead cluster never hangs the user's shell.
enum LiveNames {
    struct Cached: Codable {
        var target: String
        var fetchedAt: Double
        var topics: [String]
        var groups: [String]
    }

    static let budget: Duration = .milliseconds(150)
    static let ttl: TimeInterval = 30

    static var cachePath: String {
        HomeFile.nameCache.path
    }

    /// ArgumentParser's custom completion for topic arguments.
    @Sendable static func topics(_ words: [String], _ index: Int, _ prefix: String) async -> [String] {
        await names(words).topics.filter { $0.hasPrefix(prefix) }
    }

    /// ArgumentParser's custom completion for group arguments.
    @Sendable static func groups(_ words: [String], _ index: Int, _ prefix: String) async -> [String] {
        await names(words).groups.filter { $0.hasPrefix(prefix) }
    }

    /// The name servers the command line being completed points at (`-n`, else NAMESRV_ADDR).
    static func nameServers(_ words: [String]) -> [String] {
        for (i, w) in words.enumerated() where (w == "-n" || w == "--namesrv" || w == "--namesrvAddr") && i + 1 < words.count {
            return Address.list(words[i + 1])
        }
        return Address.list(Console.current.environment["NAMESRV_ADDR"])
    }

    static func names(_ words: [String]) async -> (topics: [String], groups: [String]) {
        var ns = nameServers(words)
        if ns.isEmpty {
            // The running bundled broker, if any (completion never opens a data directory itself).
            let flag = words.indices.last { words[$0] == "--data" && $0 + 1 < words.count }.map { words[$0 + 1] }
            let dir = ConnectionOptions.dataDirectory(flag: flag)
            if DataDirectoryLock.isHeld(dataDirectory: dir), let running = DataDirectoryLock.readInfo(dataDirectory: dir)?.nameServer {
                ns = [running]
            }
        }
        let target = ns.joined(separator: ";")
        let cached = read()
        if let cached, cached.target == target, Date().timeIntervalSince1970 - cached.fetchedAt < ttl {
            return (cached.topics, cached.groups)
        }
        guard !ns.isEmpty else { return (cached?.topics ?? [], cached?.groups ?? []) }
        if let fresh = await fetch(ns, target: target) {
            write(fresh)
            return (fresh.topics, fresh.groups)
        }
        return cached?.target == target ? (cached!.topics, cached!.groups) : ([], [])
    }

    /// Asks the cluster, giving up after `budget`.
    static func fetch(_ ns: [String], target: String) async -> Cached? {
        let client = MQClientInstance(nameServers: ns, group: Session.group, timeout: budget, logger: Session.logger)
        defer { Task { await client.shutdown() } }
        return await withTaskGroup(of: Cached?.self) { group in
            group.addTask {
                let names = await NameCache.fetch(client)
                return Cached(target: target, fetchedAt: Date().timeIntervalSince1970, topics: names.topics, groups: names.groups)
            }
            group.addTask {
                try? await Task.sleep(for: budget)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    static func read() -> Cached? {
        guard let data = FileManager.default.contents(atPath: cachePath) else { return nil }
        return try? JSONDecoder().decode(Cached.self, from: data)
    }

    static func write(_ cached: Cached) {
        let dir = (cachePath as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        guard let data = try? JSONEncoder().encode(cached) else { return }
        _ = FileManager.default.createFile(atPath: cachePath, contents: data, attributes: [.posixPermissions: 0o600])
    }
}
