import Foundation

/// Topic and group names for shell completion (ArgumentParser's `.custom` callbacks). Answers from the
/// target's cache file at once; when the names are stale or absent it starts a background refresh
/// (`NamesRefresh`) and answers with what it has, so Tab never waits on a cluster. Names `topic list` and
/// `group list` hide (retry, dead-letter, system) are offered only once what is typed starts them.
enum LiveNames {
    /// Older names are still offered, and refreshed in the background.
    static let ttl: TimeInterval = 30
    /// With no cache yet, how long a completion waits for the refresh it started (a local cluster answers
    /// within it; a slow one leaves this Tab empty and the next one served).
    static let firstFillBudget: Duration = .milliseconds(100)

    /// ArgumentParser's custom completion for topic arguments.
    @Sendable static func topics(_ words: [String], _ index: Int, _ prefix: String) async -> [String] {
        guard let names = await names(words) else { return [] }
        return offer(names.topics, hidden: names.systemTopics, prefix: typed(words, index, prefix))
    }

    /// ArgumentParser's custom completion for group arguments.
    @Sendable static func groups(_ words: [String], _ index: Int, _ prefix: String) async -> [String] {
        guard let names = await names(words) else { return [] }
        return offer(names.groups, hidden: names.systemGroups, prefix: typed(words, index, prefix))
    }

    /// What is typed of the word being completed. ArgumentParser cuts its `prefix` from the last word, which
    /// is that word unless the scripts moved target options behind it (CompletionScripts): then the word
    /// itself, at `index`, is what is typed (as far as the cursor, which is at its end when Tab is pressed).
    /// fish's generated script stands the two characters `''` in for an empty word (no name contains a quote).
    static func typed(_ words: [String], _ index: Int, _ prefix: String) -> String {
        guard words.indices.contains(index), index != words.count - 1 else { return prefix }
        return words[index] == "''" ? "" : words[index]
    }

    /// The names starting with `prefix`; hidden ones only when something is typed.
    static func offer(_ names: [String], hidden: [String], prefix: String) -> [String] {
        let visible = names.filter { $0.hasPrefix(prefix) }
        guard !prefix.isEmpty else { return visible }
        return (visible + hidden.filter { $0.hasPrefix(prefix) }).sorted()
    }

    /// The cached names of the target `words` point at, starting a refresh when they are stale or absent.
    static func names(_ words: [String]) async -> NamesCacheFile.Names? {
        let console = Console.current
        let target = CompletionTarget.of(words: words, environment: console.environment)
        let cache = NamesCacheFile(target: target, home: console.home)
        let cached = cache.read()
        if let cached, Date().timeIntervalSince1970 - cached.fetchedAt < ttl { return cached }
        guard NamesRefresh.canRead(target) else { return cached }
        NamesRefresh.start(cache)
        if let cached { return cached }
        let deadline = ContinuousClock.now + firstFillBudget
        while ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
            if let filled = cache.read() { return filled }
        }
        return nil
    }
}
