import Foundation
import MQTestSupport
import Testing

/// Issue 15 item 9: `broker start` refuses with one stderr line and one exit code per class of refusal
/// (in use: 1; bad configuration: 2; unusable data directory: 5), and logs nothing as listening first.
@Suite(.serialized) struct BrokerStartRefusalTests {
    /// `mqadmin broker start ARGS` (or another command) with the built binary, on a thread of its own (it
    /// blocks until the exit).
    func start(
        _ arguments: [String], home: String, command: [String] = ["broker", "start"]
    ) async throws -> CommandResult {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result {
                    try runCommand(
                        TestPaths.mqadmin, command + arguments, environment: ["HOME": home],
                        unset: ["NAMESRV_ADDR", "MQADMIN_DATA"])
                })
            }.start()
        }
    }

    func expectRefused(
        _ r: CommandResult, _ status: Int32, saying: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(r.status == status, "exit \(r.status): \(r.stderr)", sourceLocation: sourceLocation)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1 && r.stderr.contains(saying), "\(r.stderr)", sourceLocation: sourceLocation)
        let output = r.stdout + r.stderr
        #expect(!output.contains("listening on"), "\(output)", sourceLocation: sourceLocation)
    }

    @Test func aLockedDataDirectoryAndABusyPortAreRefusedBeforeAnythingListens() async throws {
        let dir = try TempDirectory("start-refusal")
        defer { dir.remove() }
        try await withBrokerProcess(dataDirectory: dir.sub("data")) { running in
            // A second broker on the same data directory: told about the lock (not about a port).
            let locked = try await start(
                ["--data", dir.sub("data"), "--listen", "127.0.0.1:0", "--broker-listen", "127.0.0.1:0"],
                home: dir.path)
            expectRefused(locked, 1, saying: "is in use by another running broker")
            // demo refuses the same way (busy default ports are no refusal: it takes free ones).
            let demo = try await start(["--data", dir.sub("data")], home: dir.path, command: ["demo"])
            expectRefused(demo, 1, saying: "is in use by another running broker")

            // Another data directory, but the running broker's name server port, then its broker port.
            let nameServerPort = try await start(
                ["--data", dir.sub("other"), "--listen", running.nameServer, "--broker-listen", "127.0.0.1:0"],
                home: dir.path)
            expectRefused(nameServerPort, 1, saying: "cannot listen on \(running.nameServer)")
            let brokerPort = try await start(
                ["--data", dir.sub("other"), "--listen", "127.0.0.1:0", "--broker-listen", running.broker],
                home: dir.path)
            expectRefused(brokerPort, 1, saying: "cannot listen on \(running.broker)")
            // The gRPC endpoint's port is bound with the broker's, before the data directory is touched.
            let grpcPort = try await start(
                ["--data", dir.sub("other"), "--listen", "127.0.0.1:0", "--broker-listen", "127.0.0.1:0",
                 "--grpc-listen", running.broker],
                home: dir.path)
            expectRefused(grpcPort, 1, saying: "cannot listen on \(running.broker): address already in use")
            let created = FileManager.default.fileExists(atPath: dir.sub("other"))
            #expect(!created, "a refused start created its data directory")
        }
    }

    @Test func anUnusableDataDirectoryExits5AndABadConfigurationExits2() async throws {
        let dir = try TempDirectory("start-refusal")
        defer { dir.remove() }
        let ports = ["--listen", "127.0.0.1:0", "--broker-listen", "127.0.0.1:0"]
        #expect(FileManager.default.createFile(atPath: dir.sub("file"), contents: Data("x".utf8)))
        let notADirectory = try await start(["--data", dir.sub("file")] + ports, home: dir.path)
        expectRefused(notADirectory, 5, saying: "it is not a directory")
        if getuid() != 0 {  // root may write anywhere
            try FileManager.default.createDirectory(
                atPath: dir.sub("readonly"), withIntermediateDirectories: false, attributes: [.posixPermissions: 0o500])
            let readOnly = try await start(["--data", dir.sub("readonly")] + ports, home: dir.path)
            expectRefused(readOnly, 5, saying: "cannot use data directory")
        }
        let badAddress = try await start(["--data", dir.sub("data"), "--listen", "nowhere"], home: dir.path)
        expectRefused(badAddress, 2, saying: "--listen")
        let noNameServer = try await start(["--data", dir.sub("data"), "--role", "broker"] + ports, home: dir.path)
        expectRefused(noNameServer, 2, saying: "--role broker needs --namesrv")
        #expect(!FileManager.default.fileExists(atPath: dir.sub("data")), "a refused start created its data directory")
    }
}
