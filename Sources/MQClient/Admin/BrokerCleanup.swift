import MQProtocol
import MQRemoting

/// The three admin clean-ups a broker runs on request (Apache's deleteExpiredCommitLog, cleanExpiredCQ,
/// cleanUnusedTopic).
public enum BrokerCleanup: String, CaseIterable, Sendable {
    case expiredCommitLog = "expired-commitlog"
    case expiredConsumeQueue = "expired-cq"
    case unusedTopics = "unused-topics"

    public var requestCode: RequestCode {
        switch self {
        case .expiredCommitLog: return .deleteExpiredCommitLog
        case .expiredConsumeQueue: return .cleanExpiredConsumeQueue
        case .unusedTopics: return .cleanUnusedTopic
        }
    }

    /// What the broker removes, in a sentence (the plan's text: no request lists it beforehand).
    public var whatTheBrokerRemoves: String {
        switch self {
        case .expiredCommitLog:
            return "commit-log segments older than its fileReservedTime (never the active one), then the"
                + " consume-queue and index files that only point into them"
        case .expiredConsumeQueue:
            return "consume-queue files whose messages are all below its commit log's first offset"
        case .unusedTopics: return "the consume queues of topics its topic table no longer has"
        }
    }
}

extension MQClientInstance {
    /// Asks one broker to run `cleanup` now. SUCCESS with the bundled broker's report body, or with no body
    /// (Apache's brokers: nil, they do not say what went).
    public func runCleanup(_ cleanup: BrokerCleanup, broker address: String) async throws -> CleanupReport? {
        let response = try await invoke(address, .request(cleanup.requestCode)).expect(from: address)
        guard !response.bodyBytes.isEmpty else { return nil }
        return try? decode(CleanupReport.self, response)
    }

    /// ``runCleanup(_:broker:)`` on every endpoint at once; each failure stays with its broker.
    public func runCleanup(_ cleanup: BrokerCleanup, on endpoints: [BrokerEndpoint]) async
        -> [BrokerResult<CleanupReport?>]
    {
        await fanOut(endpoints) { [self] e in try await runCleanup(cleanup, broker: e.address) }
    }
}
