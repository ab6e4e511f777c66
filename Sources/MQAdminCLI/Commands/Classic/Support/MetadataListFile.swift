import Foundation
import MQClient
import MQProtocol

/// The JSON files `updateTopicList` / `updateSubGroupList` (and `topic create --from-file`, `group create
/// --from-file`) read: a JSON list of Apache's TopicConfig or SubscriptionGroupConfig objects, missing fields taking
/// Apache's defaults. Every item is checked here, before anything is sent, so a bad item is named with its
/// position and no broker sees a partial batch.
enum MetadataListFile {
    static func topics(at path: String, option: String) throws -> [TopicConfig] {
        let configs = try decode([TopicConfig].self, at: path, option: option, what: "topic configs")
        var seen: Set<String> = []
        for (i, c) in configs.enumerated() {
            let item = "\(path): item \(i + 1) (topic \(c.topicName))"
            if let why = SystemTopics.validate(topic: c.topicName) { throw bad("\(item): \(why)") }
            if SystemTopics.isSystem(c.topicName) { throw bad("\(item): a system topic cannot be created") }
            guard c.readQueueNums > 0, c.writeQueueNums > 0 else {
                throw bad("\(item): readQueueNums and writeQueueNums must be positive")
            }
            guard PermName.isValid(c.perm) else { throw bad("\(item): perm \(c.perm) is invalid; use 2, 4 or 6") }
            guard seen.insert(c.topicName).inserted else { throw bad("\(item): the topic is listed twice") }
        }
        return configs
    }

    static func groups(at path: String, option: String) throws -> [SubscriptionGroupConfig] {
        let configs = try decode([SubscriptionGroupConfig].self, at: path, option: option, what: "group configs")
        var seen: Set<String> = []
        for (i, c) in configs.enumerated() {
            let item = "\(path): item \(i + 1) (group \(c.groupName))"
            if let why = SystemTopics.validate(group: c.groupName) { throw bad("\(item): \(why)") }
            guard seen.insert(c.groupName).inserted else { throw bad("\(item): the group is listed twice") }
        }
        return configs
    }

    private static func decode<T: Decodable>(_ type: T.Type, at path: String, option: String, what: String) throws
        -> T
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw bad("the file path \(path) does not exist; give \(option) a JSON list of \(what)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("cannot read \(path); check its permissions", exit: .permissionDenied)
        }
        let decoded: T
        do {
            decoded = try JSONDecoder().decode(type, from: data)
        } catch {
            throw bad("\(path) is not a JSON list of \(what) (\(Self.reason(error)))")
        }
        if let list = decoded as? [Any], list.isEmpty { throw bad("\(path) lists no \(what); nothing to do") }
        return decoded
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "item \((context.codingPath.first?.intValue ?? 0) + 1) has no \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return context.codingPath.map { $0.intValue.map { "item \($0 + 1)" } ?? $0.stringValue }
                .joined(separator: " ") + ": wrong type"
        default: return "malformed JSON"
        }
    }

    private static func bad(_ message: String) -> CLIError { CLIError(message, exit: .usage) }
}

/// What a batch write did on each broker: `updateTopicList`, `updateSubGroupList` and their noun-verb twins.
struct MetadataListWriteView: Encodable {
    /// "topics" or "groups".
    var kind: String
    var names: [String]
    var brokers: [BrokerOutcome]

    /// Writes the batch to each broker in turn, recording each broker's outcome.
    static func write(
        kind: String, names: [String], to brokers: [BrokerRef], _ send: (BrokerRef) async throws -> Void
    ) async -> MetadataListWriteView {
        var outcomes: [BrokerOutcome] = []
        for b in brokers {
            do {
                try await send(b)
                outcomes.append(BrokerOutcome(b, result: "applied"))
            } catch {
                outcomes.append(BrokerOutcome(b, result: "failed", error: error))
            }
        }
        return MetadataListWriteView(kind: kind, names: names, brokers: outcomes)
    }

    var succeeded: [BrokerOutcome] { brokers.filter { $0.error.value == nil } }
}
