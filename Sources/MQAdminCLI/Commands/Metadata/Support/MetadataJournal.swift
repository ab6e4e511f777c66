import Foundation
import MQClient
import MQProtocol

/// One executed `metadata apply` (or undo): the changes made and, per broker, the prior state of every item
/// they touched as a metadata document (an item absent there did not exist). Saved before executing.
struct MetadataJournalEntry: Codable, Sendable {
    struct Prior: Codable, Sendable {
        var broker: String
        var document: MetadataDocument
    }

    var id: String
    var createdAt: Int64
    /// Where it was applied (as the offset journal says it): undo goes there only.
    var target: String
    var operation: String
    var undoOf: String?
    var changes: [MetadataChange]
    var prior: [Prior]

    /// The prior state of `changes` on each broker, from the state read to plan them.
    static func prior(of changes: [MetadataChange], state: MetadataState) -> [Prior] {
        Dictionary(grouping: changes, by: \.broker).keys.sorted().map { broker in
            let here = changes.filter { $0.broker == broker }
            func names(_ kind: MetadataChange.Kind) -> [String] { here.filter { $0.kind == kind }.map(\.name) }
            let topics = names(.topic).compactMap { n in state.topics[broker]?[n].map { TopicSpec($0) } }
            let groups = names(.group).compactMap { n in state.groups[broker]?[n].map { GroupSpec($0) } }
            let users = names(.user).compactMap { n in state.users[broker]?[n].map { UserSpec($0) } }
            let acls = names(.acl).compactMap { state.acls[broker]?[$0] }
            let offsets = Dictionary(grouping: here.filter { $0.kind == .offset }, by: \.name).map { group, items in
                GroupOffsets(
                    group: group,
                    queues: items.compactMap { c in
                        let mq = MessageQueue(topic: c.topic ?? "", brokerName: broker, queueId: c.queueId ?? 0)
                        return state.offsets[group]?[mq].map {
                            .init(topic: mq.topic, broker: broker, queueId: mq.queueId, offset: $0)
                        }
                    })
            }
            let doc = MetadataDocument(
                cluster: state.cluster,
                topics: topics.map {
                    var t = $0
                    t.brokers = [broker]
                    return t
                },
                groups: groups.map {
                    var g = $0
                    g.brokers = [broker]
                    return g
                }, users: users, acls: acls,
                offsets: offsets)
            return Prior(broker: broker, document: doc)
        }
    }
}

/// `~/.mqadmin/journal/<id>.metadata.json`, beside the offset journal's entries (which skips these files).
struct MetadataJournal: Sendable {
    static let suffix = ".metadata.json"
    let directory: String

    func save(_ entry: MetadataJournalEntry) throws {
        let fm = FileManager.default
        try fm.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try fm.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let path = directory + "/" + entry.id + Self.suffix
        let temp = path + ".tmp"
        guard fm.createFile(atPath: temp, contents: try encoder.encode(entry), attributes: [.posixPermissions: 0o600])
        else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temp]) }
        guard rename(temp, path) == 0 else {
            try? fm.removeItem(atPath: temp)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    func remove(id: String) throws { try FileManager.default.removeItem(atPath: directory + "/" + id + Self.suffix) }

    /// Oldest first; unreadable files are skipped.
    func entries() -> [MetadataJournalEntry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(Self.suffix) }.compactMap { name in
            FileManager.default.contents(atPath: directory + "/" + name).flatMap {
                try? JSONDecoder().decode(MetadataJournalEntry.self, from: $0)
            }
        }.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    /// Entries an undo still in force has reverted (an undo can itself be undone).
    func undoneIds() -> Set<String> {
        let all = entries()
        let byId = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var memo: [String: Bool] = [:]
        func undone(_ id: String, depth: Int) -> Bool {
            if let known = memo[id] { return known }
            guard depth <= all.count else { return false }
            let result = all.contains { $0.undoOf == id && !undone($0.id, depth: depth + 1) }
            memo[id] = result
            return result
        }
        return Set(byId.keys.filter { undone($0, depth: 0) })
    }
}
