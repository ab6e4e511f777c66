import Foundation

extension TestPaths {
    /// The Python with Apache's transactional producer (rocketmq-client-python 2.0.0 over the C++ client 2.1.0's
    /// librocketmq.so), made by scripts/test.sh.
    public static var transactionPython: String { packageRoot + "/.venv-txn/bin/python" }
}

/// Apache's TransactionMQProducer (Tests/InteropTests/python/txn_producer.py) as a child process: sends its
/// planned transactions, then answers the broker's checks until stopped.
public final class TransactionPeer: Sendable {
    public static let script = TestPaths.packageRoot + "/Tests/InteropTests/python/txn_producer.py"

    /// One planned transaction: its key, the local transaction's answer ("commit", "rollback", "unknown", or "-"
    /// for a key this peer does not send) and the answer to the broker's checks.
    public struct Plan: Sendable {
        public var key: String
        public var local: String
        public var check: String
        public init(_ key: String, local: String, check: String) {
            self.key = key
            self.local = local
            self.check = check
        }
    }

    /// A check the peer answered, as it logged it.
    public struct Check: Decodable, Sendable, Equatable {
        public var check: String
        public var answer: String
        public var times: String?
    }

    /// A send as the peer reported it.
    public struct Sent: Decodable, Sendable {
        public var sent: String
        public var msg_id: String
        public var status: Int
    }

    let process: Process
    let stdoutPath: String
    let checksPath: String
    public let name: String

    /// Starts the peer and waits until it has sent its transactions (at most `timeout`).
    public init(
        nameServer: String, topic: String, group: String, plans: [Plan], directory: String, name: String,
        timeout: Duration = .seconds(60)
    ) async throws {
        guard FileManager.default.isExecutableFile(atPath: TestPaths.transactionPython) else {
            throw TestProcessError(
                "the transactional producer's Python is missing at \(TestPaths.transactionPython); run "
                    + "./scripts/test.sh, which creates it")
        }
        self.name = name
        stdoutPath = directory + "/\(name).out"
        checksPath = directory + "/\(name).checks"
        for path in [stdoutPath, checksPath] { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        let spec = plans.map { "\($0.key):\($0.local):\($0.check)" }.joined(separator: ",")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TestPaths.transactionPython)
        p.arguments = [Self.script, "run", nameServer, topic, group, checksPath, spec]
        p.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
        p.standardError = FileHandle(forWritingAtPath: "/dev/null")
        // The C++ client logs under $HOME/logs; keep it in the test's directory.
        p.environment = ProcessInfo.processInfo.environment.merging(["HOME": directory]) { $1 }
        try p.run()
        process = p
        do {
            try await waitUntil("transactional producer \(name) to send its transactions", timeout: timeout) {
                if self.lines(self.stdoutPath).contains(where: { $0.contains("\"ready\"") }) { return true }
                if !p.isRunning { throw TestProcessError("transactional producer \(name) exited: \(self.outputText)") }
                return false
            }
        } catch {
            try? await stop()
            throw error
        }
    }

    private func lines(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    private var outputText: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }

    /// What the peer reported for each send.
    public var sent: [Sent] {
        lines(stdoutPath).compactMap { try? JSONDecoder().decode(Sent.self, from: Data($0.utf8)) }
    }

    /// The checks answered so far.
    public var checks: [Check] {
        lines(checksPath).compactMap { try? JSONDecoder().decode(Check.self, from: Data($0.utf8)) }
    }

    /// Asks the peer to shut down and waits for it (killed, and the call throws, after `timeout`).
    public func stop(timeout: Duration = .seconds(30)) async throws {
        guard process.isRunning else { return }
        _ = FileManager.default.createFile(atPath: checksPath + ".stop", contents: nil)
        try await waitForExit(of: process, "transactional producer \(name)", timeout: timeout)
    }

    /// Kills the peer at once (a producer that dies with its transactions open).
    public func kill() {
        guard process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
