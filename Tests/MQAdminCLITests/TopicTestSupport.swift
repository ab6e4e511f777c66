import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// Helpers for the topic, cluster and broker tests: a 2-broker cluster or an embedded data directory,
/// the command line run in-process against it, and JSON access.
struct TopicTestTarget {
    var runner: InProcessRunner
    var cluster: InProcessCluster?

    /// Runs `body` against an InProcessCluster of `brokers` brokers over TCP, commands run with `-n`; stops the
    /// cluster afterwards, awaited, whether `body` returned or threw.
    static func withCluster<T>(
        isolation: isolated (any Actor)? = #isolation, brokers: Int = 2, _ body: (TopicTestTarget) async throws -> T
    ) async throws -> T {
        try await MQTestSupport.withCluster(brokers: brokers) { cluster in
            try await body(
                TopicTestTarget(runner: InProcessRunner(nameServer: cluster.nameServerAddress), cluster: cluster))
        }
    }

    /// Runs `body` against the embedded default: no `-n`, MQADMIN_DATA and HOME in a temp directory, removed
    /// afterwards whether `body` returned or threw (the in-process runner opens and closes the bundled broker
    /// within each command).
    static func withEmbedded<T>(
        isolation: isolated (any Actor)? = #isolation, _ body: (TopicTestTarget) async throws -> T
    ) async throws -> T {
        let home = try TempDirectory("topics-home")
        let runner = InProcessRunner(dataDirectory: home.sub("data"), home: home.path)
        return try await withTeardown {
            try await seedBundledStore(home.sub("data"))
            return try await body(TopicTestTarget(runner: runner, cluster: nil))
        } teardown: {
            home.remove()
        }
    }

    var brokerAddresses: [String] { cluster?.brokers.map { $0.brokerAddress! } ?? ["127.0.0.1:10911"] }

    /// Runs the command in-process.
    func run(_ args: [String]) async throws -> CommandResult {
        try await runner.run(args)
    }

    /// Runs and decodes stdout as JSON (with `-o json`, or `--output json` for classic commands).
    func json(_ args: [String], classic: Bool = false) async throws -> (result: CommandResult, value: JSONObject) {
        let r = try await run(args + (classic ? ["--output", "json"] : ["-o", "json"]))
        let any = try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        return (r, JSONObject(any))
    }

    /// Waits until the route of `topic` lists `brokers` brokers (registration is asynchronous); throws
    /// `WaitTimedOut` if it does not within 10 s.
    func waitForRoute(_ topic: String, brokers: Int, fileID: String = #fileID, line: Int = #line) async throws {
        try await waitUntil("the route of \(topic) to list \(brokers) broker(s)", fileID: fileID, line: line) {
            let r = try? await json(["topic", "route", topic])
            return (r?.value["brokers"].array?.count ?? -1) == brokers
        }
    }
}

/// Runs the binary on a thread of its own: `MQAdminRunner.run` blocks until the process exits, and
/// blocking one of the few cooperative threads would stall every other suite's async work meanwhile.
func runOffPool(_ runner: MQAdminRunner, _ args: [String]) async throws -> CommandResult {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try runner.run(args) }) }.start()
    }
}

/// Read-only access into decoded JSON for assertions.
struct JSONObject: @unchecked Sendable {
    let raw: Any?

    init(_ raw: Any?) { self.raw = raw }

    subscript(_ key: String) -> JSONObject { JSONObject((raw as? [String: Any])?[key]) }
    subscript(_ index: Int) -> JSONObject {
        guard let a = raw as? [Any], index < a.count else { return JSONObject(nil) }
        return JSONObject(a[index])
    }

    var array: [JSONObject]? { (raw as? [Any])?.map(JSONObject.init) }
    var string: String? { raw as? String }
    var int: Int? { (raw as? NSNumber)?.intValue }
    var double: Double? { (raw as? NSNumber)?.doubleValue }
    var bool: Bool? { (raw as? NSNumber).map(\.boolValue) }
    var isNull: Bool { raw is NSNull }
    var exists: Bool { raw != nil }
    var keys: [String] { ((raw as? [String: Any])?.keys).map { Array($0).sorted() } ?? [] }
    var strings: [String] { array?.compactMap(\.string) ?? [] }
}

/// Java-printf left padding, as the classic layouts use (`%-20s`).
func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
}

func rpad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
}

extension CommandResult {
    var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    /// The one `mqadmin: ...` line on stderr.
    var errorLine: String { stderr.split(separator: "\n").map(String.init).first { $0.hasPrefix("mqadmin:") } ?? "" }
}
