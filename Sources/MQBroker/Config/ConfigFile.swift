import Logging
import MQProtocol
import MQStore

/// A JSON configuration file written atomically (temp file, fsync, rename) in fastjson's form,
/// so Apache's tools could read it too.
struct ConfigFile<Value: Codable & Sendable>: Sendable {
    let path: String

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

    func save(_ value: Value) throws {
        try AtomicFile.write(FastJSONEncoder().encode(value), to: path)
    }
}

/// Current wall-clock time in epoch milliseconds.
@inline(__always)
func nowMillis() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
}

#if canImport(Glibc)
    import Glibc
#endif
