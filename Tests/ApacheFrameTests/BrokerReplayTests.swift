import Foundation
import Logging
import MQBroker
import MQProtocol
import MQRemoting
import MQTestSupport
import NIOPosix
import Testing

/// Every request Apache's own Java mqadmin, a Java consumer and a Java producer sent to real Apache 4.9.8 and
/// 5.3.3 servers, replayed in capture order against the bundled name server and broker; each answer's shape
/// (code, ext fields, body keys, types and nesting) is compared with Apache's answer to the same request.
/// Differences must be listed, with their reasons, in Fixtures/known-differences.json.
@Suite(.serialized) struct BrokerReplayTests {
    @Test func answersHaveApachesShapeAndTheCompatibilityTableIsCurrent() async throws {
        var outcomes: [String: [String: ExchangeOutcome]] = [:]
        for version in Capture.versions {
            outcomes[version] = try await Self.check(version: version)
        }
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/compatibility.md").path
        let table = CompatibilityTable.markdown(outcomes)
        var text = try String(contentsOfFile: docs, encoding: .utf8)
        let updated = try CompatibilityTable.replacingGenerated(in: text, with: table)
        if ProcessInfo.processInfo.environment["MQADMIN_WRITE_DOCS"] == "1" {
            try updated.write(toFile: docs, atomically: true, encoding: .utf8)
            text = updated
        }
        #expect(text == updated, """
            docs/compatibility.md's replay table is out of date; regenerate it with \
            MQADMIN_WRITE_DOCS=1 swift test --skip-build --filter BrokerReplayTests
            """)
    }

    /// Replays one version's capture; records an issue per unexplained difference and per stale entry, and
    /// returns what each exchange (Apache command) showed.
    static func check(version: String) async throws -> [String: ExchangeOutcome] {
        let capture = try Capture.load(version)
        let known = try KnownDifferences.load()
        let report = try await Replay.run(capture)
        #expect(report.replayed > 300, "only \(report.replayed) requests replayed")
        // Our answers take 5.3.3's shape: against 4.9.8 a field 5.3.3 has is expected, and 4.9.8's clients and
        // tools ignore fields they do not know (fastjson).
        let newer = version == "5.3.3" ? [:] : try Capture.load("5.3.3").answerPaths()

        var outcomes = report.exchanges.mapValues { ExchangeOutcome(command: $0) }
        var unexplained: [String: String] = [:]
        var explainedKeys = Set<KnownDifferences.Key>()
        for found in report.differences {
            let key = KnownDifferences.Key(
                version: version, code: found.requestCode, path: found.difference.path, kind: found.difference.kind)
            if let entryKey = known.entryKey(for: key), let entry = known.entry(entryKey) {
                explainedKeys.insert(entryKey)
                outcomes[found.exchange]?.add(entry)
                continue
            }
            if found.difference.kind == .extra, newer[found.requestCode]?.contains(found.difference.path) == true {
                continue
            }
            let id = "\(found.requestCode) \(found.difference.kind.rawValue) \(found.difference.path)"
            unexplained[id] = unexplained[id] ?? "\(found.difference) (first in \(found.exchange), seq \(found.seq))"
        }
        for (id, example) in unexplained.sorted(by: { $0.key < $1.key }) {
            Issue.record("Apache \(version): request \(id) differs and is not in known-differences.json: \(example)")
        }
        // The notes stay honest: every entry for this version still explains a difference.
        for entry in known.entries(version: version) where !explainedKeys.contains(entry) {
            Issue.record("known-differences.json: \(entry) no longer differs against Apache \(version); remove it")
        }
        return outcomes
    }
}

/// A replay of one capture against a fresh bundled server.
enum Replay {
    struct Found: Sendable {
        var requestCode: Int32
        var exchange: String
        var seq: Int
        var difference: ShapeDifference
    }

    struct Report: Sendable {
        var replayed = 0
        /// Exchange name → the command line that caused it.
        var exchanges: [String: String] = [:]
        var differences: [Found] = []
    }

    /// Captured parts that are not requests to replay: the broker's own registrations (replaying them would
    /// register Apache's broker address with our name server) and server-initiated calls.
    static func shouldReplay(_ frame: CapturedFrame) -> Bool {
        frame.isClientRequest && frame.client != "broker" && frame.oneway != true
    }

    static func run(_ capture: Capture) async throws -> Report {
        try await BundledServer.with(label: "apache-replay") { server in
            var clients: [String: RemotingClient] = [:]
            var offsets = OffsetMap()
            var report = Report()
            return try await withTeardown {
                for (request, apacheAnswer) in capture.exchanges where shouldReplay(request) {
                    let client = clients[request.client] ?? RemotingClient(group: server.group, logger: server.logger)
                    clients[request.client] = client
                    var command = try request.decoded()
                    offsets.rewrite(&command)
                    let address = request.peer == "namesrv" ? server.nameServer : server.broker
                    let ours: RemotingCommand
                    do {
                        ours = try await client.invoke(address, command, timeout: .seconds(10))
                    } catch {
                        throw CaptureError("\(request.exchange) seq \(request.seq) (code \(request.code)): \(error)")
                    }
                    let apache = try apacheAnswer.decoded()
                    offsets.learn(request: command, apache: apache, ours: ours)
                    report.replayed += 1
                    report.exchanges[request.exchange] = report.exchanges[request.exchange] ?? request.command ?? ""
                    for d in AnswerShape.differences(
                        apache: AnswerShape(apache, answering: command.code),
                        ours: AnswerShape(ours, answering: command.code))
                    {
                        report.differences.append(
                            Found(
                                requestCode: command.code, exchange: request.exchange, seq: request.seq, difference: d))
                    }
                }
                return report
            } teardown: {
                for c in clients.values { await c.close() }
            }
        }
    }
}

extension Capture {
    /// Per request code, every field path of Apache's answers in this capture.
    func answerPaths() throws -> [Int32: Set<String>] {
        var out: [Int32: Set<String>] = [:]
        for (request, response) in exchanges {
            out[request.code, default: []].formUnion(AnswerShape(try response.decoded(), answering: request.code).paths)
        }
        return out
    }
}

/// Maps Apache's commit-log and queue offsets of the messages the capture sent to ours, learned from the
/// send answers, so later requests naming those messages (view by id, pull by queue offset) name ours.
struct OffsetMap {
    private var commitLog: [Int64: Int64] = [:]
    private var queue: [String: Int64] = [:]

    mutating func learn(request: RemotingCommand, apache: RemotingCommand, ours: RemotingCommand) {
        guard request.requestCode == .sendMessageV2 || request.requestCode == .sendMessage else { return }
        if let a = Self.commitLogOffset(apache.extFields["msgId"]), let o = Self.commitLogOffset(ours.extFields["msgId"]) {
            commitLog[a] = o
        }
        if let q = apache.extFields["queueId"], let a = apache.extFields["queueOffset"],
            let o = ours.extFields["queueOffset"], let ours = Int64(o)
        {
            queue[q + "@" + a] = ours
        }
    }

    func rewrite(_ request: inout RemotingCommand) {
        switch request.requestCode {
        case .viewMessageById:
            if let a = request.extFields["offset"].flatMap(Int64.init), let o = commitLog[a] {
                request.extFields["offset"] = String(o)
            }
        case .pullMessage:
            // Not held for a long poll: the replay asks once and moves on.
            if let flag = request.extFields["sysFlag"].flatMap(Int32.init) {
                request.extFields["sysFlag"] = String(flag & ~PullSysFlag.suspend)
            }
            if let q = request.extFields["queueId"], let a = request.extFields["queueOffset"],
                let o = queue[q + "@" + a]
            {
                request.extFields["queueOffset"] = String(o)
            }
        default:
            break
        }
    }

    /// The commit-log offset in an offset message id (host, port, then 16 hex digits of offset).
    static func commitLogOffset(_ msgId: String?) -> Int64? {
        guard let id = msgId, id.count >= 16 else { return nil }
        return Int64(id.suffix(16), radix: 16)
    }
}
