import Foundation
import MQStore

/// Apache's `kvConfig.json` (`{"configTable":{namespace:{key:value}}}`): the name server's KV config, kept across
/// restarts. Written whole after every change (mode 0600, with the previous version kept as `.bak`), on the name
/// server's KV thread, never on an event loop.
struct KVConfigFile: Sendable {
    let path: String

    private struct Wrapper: Codable {
        var configTable: [String: [String: String]]
    }

    /// The table in the file; empty when there is none yet.
    func load() throws -> [String: [String: String]] {
        guard let bytes = try AtomicFile.read(path) else { return [:] }
        return try JSONDecoder().decode(Wrapper.self, from: Data(bytes)).configTable
    }

    func save(_ table: [String: [String: String]]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try AtomicFile.write(Array(try encoder.encode(Wrapper(configTable: table))), to: path)
    }
}
