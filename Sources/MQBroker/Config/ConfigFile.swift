import Logging
import MQProtocol
import MQStore
import NIOConcurrencyHelpers

/// How metadata files are written: atomically (temp file, fsync, rename, fsync directory). Tests slow it
/// down to prove that nothing which must stay fast waits for it.
struct MetadataWriter: Sendable {
    let write: @Sendable ([UInt8], String) throws -> Void

    static let atomic = MetadataWriter { bytes, path in try AtomicFile.write(bytes, to: path) }
}

/// A JSON configuration file written atomically (temp file, fsync, rename) in fastjson's form,
/// so Apache's tools could read it too.
///
/// Saves are serialized per file and take their snapshot once they hold the file: two threads saving at
/// once (an admin change, the persistence thread) never interleave on the temp file, and the last save
/// writes the newest table. The snapshot closure takes the table's lock briefly; the encoding and the
/// I/O run outside it.
struct ConfigFile<Value: Codable & Sendable>: Sendable {
    let path: String
    private let writer: MetadataWriter
    private let saving = NIOLock()

    init(path: String, writer: MetadataWriter = .atomic) {
        self.path = path
        self.writer = writer
    }

    /// The stored value, nil when the file does not exist yet.
    func load() throws -> Value? {
        let bytes: [UInt8]?
        do {
            bytes = try AtomicFile.read(path)
        } catch {
            throw BrokerError.corruptMetadata(path: path, reason: "\(error)")
        }
        guard let bytes else { return nil }
        // An empty file is damage (writes are atomic), not "no data": starting empty would lose every
        // entry, and the next save would push the good `.bak` out.
        guard !bytes.isEmpty else { throw BrokerError.corruptMetadata(path: path, reason: "the file is empty") }
        do {
            return try FastJSONDecoder().decode(Value.self, from: bytes)
        } catch {
            throw BrokerError.corruptMetadata(path: path, reason: "\(error)")
        }
    }

    /// Writes `snapshot()`, taken after any save already running on this file has finished.
    func save(_ snapshot: () -> Value) throws {
        try saving.withLock { try writer.write(FastJSONEncoder().encode(snapshot()), path) }
    }
}

#if canImport(Glibc)
    import Glibc
#endif
