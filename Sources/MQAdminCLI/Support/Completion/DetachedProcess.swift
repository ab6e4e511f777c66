import Foundation
import MQStore

/// Starts a process that outlives its parent and shares nothing with the shell that ran the parent: a new
/// session (no terminal signals), standard streams on /dev/null (a shell reading the parent's output through
/// a pipe does not wait for the child).
enum DetachedProcess {
    #if canImport(Glibc)
    /// glibc's POSIX_SPAWN_SETSID (2.26+), which Swift does not import.
    private static let setsid: Int32 = 0x80
    #else
    private static let setsid = Int32(POSIX_SPAWN_SETSID)
    #endif

    /// This program's own executable (the shells call it by whatever name is on their PATH).
    static var currentExecutable: String {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }

    /// Whether the process started.
    static func spawn(_ executable: String, _ arguments: [String]) -> Bool {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(setsid))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Nothing else of the parent's: a shell or a test waiting on a descriptor the parent held would wait for
        // the refresh too.
        PosixSpawn.closeDescriptors(from: 3, in: &actions)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        return posix_spawn(&pid, executable, &actions, &attributes, argv, environ) == 0
    }
}
