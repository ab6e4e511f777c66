import Foundation

/// One target's names for shell completion, in `~/.mqadmin/cache/names-<digest>.json` (0600, in a 0700
/// directory). The file also holds the target's key: a file whose key differs (a digest collision, a file
/// copied by hand) is ignored, so completion never offers another target's names.
struct NamesCacheFile: Sendable {
    struct Names: Codable, Sendable, Equatable {
        var key: String
        /// Seconds since 1970 when the names were read from the target.
        var fetchedAt: Double
        var topics: [String]
        /// Hidden by `topic list` (retry, dead-letter, system): offered only once their prefix is typed.
        var systemTopics: [String]
        var groups: [String]
        /// Hidden by `group list` (the brokers' own groups): offered only once their prefix is typed.
        var systemGroups: [String]
    }

    let target: CompletionTarget
    let directory: String

    init(target: CompletionTarget, home: String) {
        self.target = target
        directory = home + "/" + HomeFile.nameCache.relativePath
    }

    var path: String { directory + "/names-\(target.digest).json" }
    /// Present while a background refresh runs (or for `retryAfter` after one that failed).
    var refreshMarker: String { directory + "/names-\(target.digest).refreshing" }

    func read() -> Names? {
        guard let data = FileManager.default.contents(atPath: path),
            let names = try? JSONDecoder().decode(Names.self, from: data), names.key == target.key
        else { return nil }
        return names
    }

    /// Writes atomically (a 0600 temporary file renamed over the cache): a reader sees the old or the new names.
    func write(topics: [String], systemTopics: [String], groups: [String], systemGroups: [String]) throws {
        try prepareDirectory()
        let names = Names(
            key: target.key, fetchedAt: Date().timeIntervalSince1970, topics: topics, systemTopics: systemTopics,
            groups: groups, systemGroups: systemGroups)
        let data = try JSONEncoder().encode(names)
        let temporary = path + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: data)
            try handle.close()
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// The cache directory, 0700 whether it was just made or already there.
    func prepareDirectory() throws {
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        chmod(directory, 0o700)
    }

    /// Claims the refresh of this target: false while another refresh runs, or one failed less than
    /// `retryAfter` ago (a dead cluster is not asked again at every Tab).
    func claimRefresh(retryAfter: TimeInterval) -> Bool {
        guard (try? prepareDirectory()) != nil else { return false }
        let fd = open(refreshMarker, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd >= 0 {
            close(fd)
            return true
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: refreshMarker)
        guard let modified = attributes?[.modificationDate] as? Date,
            Date().timeIntervalSince(modified) > retryAfter
        else { return false }
        // A refresh that died or failed long enough ago: take it over.
        unlink(refreshMarker)
        let again = open(refreshMarker, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard again >= 0 else { return false }
        close(again)
        return true
    }

    func releaseRefresh() { unlink(refreshMarker) }

    /// Marks a failed refresh, so the next one waits `retryAfter` from now.
    func markRefreshFailed() {
        let fd = open(refreshMarker, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        if fd >= 0 { close(fd) }
    }
}
