#if canImport(Glibc)
import Glibc
#endif

/// What posix_spawn needs beyond what Swift imports. It lives here with the store's other POSIX helpers because
/// both the CLI (detached refreshes) and the tests (commands they run) spawn processes.
public enum PosixSpawn {
    #if canImport(Glibc)
    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    /// glibc's posix_spawn_file_actions_addclosefrom_np (2.34+), which Swift does not import.
    private static let closeFrom: CloseFrom? = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np")
        .map { unsafeBitCast($0, to: CloseFrom.self) }
    #endif

    /// Closes, in the child, every descriptor from `lowest` up: without it a spawned child inherits every
    /// descriptor of a multi-threaded parent not marked close-on-exec (sockets, pipes, a parent's exit-detection
    /// socket), and a shell or test waiting on those waits for the child too. A no-op on a C library without it.
    public static func closeDescriptors(from lowest: Int32, in actions: inout posix_spawn_file_actions_t) {
        #if canImport(Glibc)
        _ = closeFrom?(&actions, lowest)
        #endif
    }
}
