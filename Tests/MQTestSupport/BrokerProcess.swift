import Foundation
import MQBroker
import MQProtocol
import MQStore
import Synchronization
import Testing

/// Locates programs the tests run: the built `mqadmin`, the package root, the interop Python.
public enum TestPaths {
    /// The package root (two levels above this file's directory).
    public static let packageRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    /// The `mqadmin` binary built next to the test bundle.
    public static var mqadmin: String {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        // Inside an .xctest bundle the binary may sit one level deeper.
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("mqadmin").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot + "/.build/debug/mqadmin"
    }

    /// The Python of the interop virtual environment (made by scripts/test.sh).
    public static var python: String { packageRoot + "/.venv/bin/python" }
}

/// Why a helper process could not be used.
public struct TestProcessError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A `mqadmin broker start` child process.
public final class BrokerProcess: @unchecked Sendable {
    // Mutable state is only touched from the test's own task.
    public let process = Process()
    public let dataDirectory: String
    public let logPath: String
    public private(set) var info: RunningBrokerInfo?
    /// Whether the test asked the process to exit or expects it to (stop, crash, signal, waitForExit); crash tests
    /// signal from other tasks.
    private let exitRequested = Mutex(false)

    public var nameServer: String { info?.nameServer ?? "" }
    public var broker: String { info?.broker ?? "" }

    /// Starts the broker (all roles by default) on OS-chosen ports and waits until it is serving.
    public init(dataDirectory: String, arguments: [String] = [], logPath: String? = nil) throws {
        self.dataDirectory = dataDirectory
        self.logPath = logPath ?? dataDirectory + ".log"
        _ = FileManager.default.createFile(atPath: self.logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: self.logPath))
        log.seekToEndOfFile()
        process.executableURL = URL(fileURLWithPath: TestPaths.mqadmin)
        var args = ["broker", "start", "--data", dataDirectory]
        if !arguments.contains("--listen") { args += ["--listen", "127.0.0.1:0"] }
        if !arguments.contains("--broker-listen") { args += ["--broker-listen", "127.0.0.1:0"] }
        process.arguments = args + arguments
        process.standardOutput = log
        process.standardError = log
        try process.run()
    }

    /// Waits for the broker to publish its addresses in the data directory lock file. The broker publishes them
    /// only after its first registration with the name servers was answered (start-up order,
    /// docs/architecture.md), so a broker found here is also routable.
    public func waitUntilReady(timeout: Duration = .seconds(20)) async throws {
        do {
            try await waitUntil("broker \(dataDirectory) to publish its addresses", timeout: timeout) {
                if !process.isRunning {
                    throw TestProcessError("broker exited with \(process.terminationStatus): \(log)")
                }
                guard let i = DataDirectoryLock.readInfo(dataDirectory: dataDirectory),
                    i.pid == process.processIdentifier, i.broker != nil
                else { return false }
                info = i
                return true
            }
        } catch let timedOut as WaitTimedOut {
            throw TestProcessError("\(timedOut): \(log)")
        }
    }

    /// Waits until the process exits by itself, as a broker that must refuse to start does. One still running after
    /// `timeout` is killed, and the wait throws: a refusal that never comes fails the test instead of hanging it.
    public func waitForExit(timeout: Duration = .seconds(20)) async throws {
        exitRequested.withLock { $0 = true }
        do {
            try await MQTestSupport.waitForExit(of: process, "broker \(dataDirectory)", timeout: timeout)
        } catch {
            throw TestProcessError("\(error): \(log.suffix(4000))")
        }
    }

    public var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    public func signal(_ sig: Int32) {
        exitRequested.withLock { $0 = true }
        kill(process.processIdentifier, sig)
    }

    /// SIGTERM and wait (graceful) at most `timeout`. A broker that does not stop by then is a failure (its
    /// shutdown hangs): recorded as an issue with the end of its log, then killed, so the suite goes on.
    public func stop(timeout: Duration = .seconds(60), sourceLocation: SourceLocation = #_sourceLocation) {
        guard process.isRunning else { return }
        signal(SIGTERM)
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { usleep(10_000) }
        guard process.isRunning else { return }
        let tail = String(log.suffix(2000))
        Issue.record(
            "broker pid \(process.processIdentifier) did not stop within \(timeout) of SIGTERM; killed. Log: \(tail)",
            sourceLocation: sourceLocation)
        crash()
    }

    /// SIGKILL: no flush, no goodbye.
    public func crash() {
        guard process.isRunning else { return }
        signal(SIGKILL)
        process.waitUntilExit()
    }

    /// As `stop()`, for teardown, without blocking a thread: throws when the broker, stopped here, does not exit
    /// with status 0 within `timeout` (it is then killed), or when it had already exited without being asked to
    /// (stopped, killed or signalled by the test). A shutdown that goes wrong is a finding, not noise.
    public func stopChecked(timeout: Duration = .seconds(30)) async throws {
        if process.isRunning {
            signal(SIGTERM)
            do {
                try await MQTestSupport.waitForExit(of: process, "broker \(dataDirectory) on SIGTERM", timeout: timeout)
            } catch {
                throw TestProcessError("\(error): \(log.suffix(4000))")
            }
            guard process.terminationReason == .exit, process.terminationStatus == 0 else {
                throw TestProcessError(
                    "broker \(dataDirectory) did not stop cleanly on SIGTERM (\(exitDescription)): \(log.suffix(4000))")
            }
        } else if !exitRequested.withLock({ $0 }) {
            throw TestProcessError(
                "broker \(dataDirectory) exited on its own during the test (\(exitDescription)): \(log.suffix(4000))")
        }
    }

    private var exitDescription: String {
        process.terminationReason == .exit
            ? "exit status \(process.terminationStatus)" : "signal \(process.terminationStatus)"
    }
}

/// Waits, without blocking a thread, until `process` exits by itself. One still running after `timeout` is killed
/// (SIGKILL) and the wait throws, naming `what`: a child that never exits fails the test instead of hanging it.
public func waitForExit(of process: Process, _ what: String, timeout: Duration) async throws {
    do {
        try await waitUntil("\(what) to exit", timeout: timeout) { !process.isRunning }
    } catch let timedOut as WaitTimedOut {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        throw TestProcessError("\(timedOut); killed it")
    }
    process.waitUntilExit()
}

/// Runs a command and collects its output.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// Runs a command to its end and collects its output. The command's own exit is what is waited for (waitpid), and
/// its output goes to temporary files: a child it leaves running (a detached refresh, a daemon) holds neither the
/// wait nor the output open — Foundation's Process would wait for such a child, which keeps its exit-detection socket
/// open. A command still running after `timeout` is killed (SIGKILL) and the call throws, naming it: a hung command
/// fails its test instead of hanging the run. `status` is the exit status, or 128 + the signal that ended it.
public func runCommand(
    _ path: String, _ arguments: [String], environment: [String: String]? = nil, unset: [String] = [],
    stdin: String? = nil, timeout: Duration = .seconds(240)
) throws -> CommandResult {
    var env = ProcessInfo.processInfo.environment.merging(environment ?? [:]) { $1 }
    for name in unset { env[name] = nil }
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("mqtest-run-\(UUID().uuidString)").path
    let paths = (input: base + ".in", out: base + ".out", err: base + ".err")
    defer { for file in [paths.input, paths.out, paths.err] { try? FileManager.default.removeItem(atPath: file) } }
    guard FileManager.default.createFile(atPath: paths.input, contents: Data((stdin ?? "").utf8)) else {
        throw TestProcessError("cannot create \(paths.input) for \(path)")
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, paths.input, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, paths.out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, paths.err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    PosixSpawn.closeDescriptors(from: 3, in: &actions)
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
    guard spawned == 0 else { throw TestProcessError("cannot start \(path): \(String(cString: strerror(spawned)))") }

    let exit = ChildExit(pid)
    guard let status = exit.wait(timeout: timeout) else {
        kill(pid, SIGKILL)
        _ = exit.wait(timeout: .seconds(60))
        let stderr = (try? String(contentsOfFile: paths.err, encoding: .utf8)) ?? ""
        throw TestProcessError(
            "\(([path] + arguments).joined(separator: " ")) did not exit within \(timeout); killed. "
                + "stderr: \(stderr.suffix(2000))")
    }
    return CommandResult(
        status: status,
        stdout: String(decoding: FileManager.default.contents(atPath: paths.out) ?? Data(), as: UTF8.self),
        stderr: String(decoding: FileManager.default.contents(atPath: paths.err) ?? Data(), as: UTF8.self))
}

/// Reaps one child on a thread of its own (waitpid blocks), so the caller can wait with a deadline.
private final class ChildExit: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var status: Int32?

    init(_ pid: pid_t) {
        Thread.detachNewThread { [self] in
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) == -1 && errno == EINTR {}
            // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import.
            let signal = raw & 0x7f
            lock.withLock { status = signal == 0 ? (raw >> 8) & 0xff : 128 + signal }
            done.signal()
        }
    }

    /// The exit status (or 128 + signal), or nil if the child is still running after `timeout`.
    func wait(timeout: Duration) -> Int32? {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return lock.withLock { status }
    }
}
