import Foundation

/// The HOME of commands a test runs without naming one: private to this test process, so nothing a command
/// keeps under HOME (audit log, contexts, journal, caches) reaches the real one, and nothing there (a current
/// context) changes what a test's command targets. Removed when the process exits.
public enum TestHome {
    public static let path: String = {
        let dir = FileManager.default.temporaryDirectory.path + "/mqadmin-home-\(getpid())"
        try? FileManager.default.createDirectory(
            atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        atexit { try? FileManager.default.removeItem(atPath: TestHome.path) }
        return dir
    }()
}
