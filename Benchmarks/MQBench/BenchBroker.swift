import Foundation
import Logging
import MQBroker
import MQClient
import NIOPosix

/// A `mqadmin broker start` process on loopback, OS-chosen ports, and a client for it.
final class BenchBroker {
    let process = Process()
    let data: String
    private(set) var nameServer = ""
    private(set) var broker = ""

    init(binary: String, data: String, flush: String = "async", extra: [String] = []) throws {
        self.data = data
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments =
            [
                "broker", "start", "--data", data, "--listen", "127.0.0.1:0", "--broker-listen", "127.0.0.1:0",
                "--flush", flush, "--log-level", "warning",
            ] + extra
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        Self.started.append(process)
    }

    /// Every broker process started, so a failing run can stop them all.
    nonisolated(unsafe) private static var started: [Process] = []

    static func stopAll() {
        for p in started where p.isRunning { kill(p.processIdentifier, SIGKILL) }
    }

    /// Waits until the broker published its addresses; returns the seconds it took.
    @discardableResult
    func waitReady(timeout: Double = 120) throws -> Double {
        let start = ContinuousClock.now
        while seconds(since: start) < timeout {
            guard process.isRunning else { throw BenchError("broker exited with \(process.terminationStatus)") }
            if let info = DataDirectoryLock.readInfo(dataDirectory: data), info.pid == process.processIdentifier,
                let ns = info.nameServer, let b = info.broker
            {
                nameServer = ns
                broker = b
                return seconds(since: start)
            }
            usleep(5000)
        }
        throw BenchError("broker not ready after \(timeout) s")
    }

    /// A client for a broker this program did not start (`--attach DIR`): valgrind cannot spawn children
    /// through Foundation's `Process`, so scripts/callgrind-send.sh starts the broker itself.
    static func attach(data: String, timeout: Double = 600) throws -> (nameServer: String, broker: String) {
        let start = ContinuousClock.now
        while seconds(since: start) < timeout {
            if let info = DataDirectoryLock.readInfo(dataDirectory: data), let ns = info.nameServer,
                let b = info.broker
            {
                return (ns, b)
            }
            usleep(20_000)
        }
        throw BenchError("no broker in \(data) after \(timeout) s")
    }

    func client(timeout: Duration = .seconds(30)) -> MQClientInstance {
        Self.client(nameServer: nameServer, timeout: timeout)
    }

    static func client(nameServer: String, timeout: Duration = .seconds(30)) -> MQClientInstance {
        var logger = Logger(label: "mqbench")
        logger.logLevel = .error
        return MQClientInstance(
            nameServers: [nameServer], group: MultiThreadedEventLoopGroup.singleton, timeout: timeout, logger: logger)
    }

    /// Peak resident set size (VmHWM) in MB.
    var peakRSSMB: Double {
        let text = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kb / 1024
        }
        return 0
    }

    /// CPU seconds (user + system) the broker process has used, from `/proc/<pid>/stat`.
    var cpuSeconds: Double {
        guard let text = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return 0 }
        // Fields after the command name: state is field 3, utime 14, stime 15.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Waits until the broker is at rest — under 2 % of a core over half a second — so that a latency figure
    /// taken next is not a figure of the work a load left behind (dispatch, flush, index sealing). Bounded.
    func waitIdle(timeout: Double = 120) {
        let start = ContinuousClock.now
        var last = cpuSeconds
        while seconds(since: start) < timeout {
            usleep(500_000)
            let now = cpuSeconds
            if now - last < 0.01 { return }
            last = now
        }
        log("broker still busy after \(Int(timeout)) s; measuring anyway")
    }

    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }

    func crash() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
