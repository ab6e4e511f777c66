import Foundation
import MQProtocol

/// The journal's files and records: naming, replay, encoding.
///
/// Record: `u32 payload length, u32 CRC32 of the payload, payload`; payload: `u8 kind (1 set, 2 remove),
/// i32 queueId, i64 offset, key (topic@group) as UTF-8`. A torn or corrupt record ends a file (its tail is
/// never appended to: every start opens a new generation).
extension OffsetJournal {
    enum Change: Equatable {
        case set(key: String, queueId: Int, offset: Int64)
        case remove(key: String)
    }

    static let prefix = "consumerOffset.journal."

    /// Generations found on disk, oldest first.
    func existingGenerations() -> [Int64] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { n in n.hasPrefix(Self.prefix) ? Int64(n.dropFirst(Self.prefix.count)) : nil }
            .sorted()
    }

    func path(_ generation: Int64) -> String { directory + "/" + Self.prefix + String(generation) }

    /// Every valid change of every generation, oldest first; `problems` names files cut short.
    func replay() -> (changes: [Change], problems: [String]) {
        var changes: [Change] = []
        var problems: [String] = []
        for g in existingGenerations() {
            guard let data = FileManager.default.contents(atPath: path(g)) else {
                problems.append("cannot read \(path(g))")
                continue
            }
            let bytes = [UInt8](data)
            var at = 0
            while at < bytes.count {
                guard let (change, next) = Self.decode(bytes, at: at) else {
                    problems.append(
                        "\(path(g)): \(bytes.count - at) byte(s) of a torn or corrupt record at \(at) ignored")
                    break
                }
                changes.append(change)
                at = next
            }
        }
        return (changes, problems)
    }

    /// Deletes generations older than `keepFrom` (call once the snapshot taken at a rotation is on disk).
    func deleteGenerations(before keepFrom: Int64) {
        for g in existingGenerations() where g < keepFrom { unlink(path(g)) }
    }

    static func encode(_ change: Change) -> [UInt8] {
        var payload: [UInt8] = []
        let key: String
        switch change {
        case .set(let k, let queueId, let offset):
            key = k
            payload.append(1)
            appendBE(&payload, UInt32(truncatingIfNeeded: Int32(truncatingIfNeeded: queueId)))
            appendBE(&payload, UInt64(bitPattern: offset))
        case .remove(let k):
            key = k
            payload.append(2)
            appendBE(&payload, UInt32(0))
            appendBE(&payload, UInt64(0))
        }
        payload += Array(key.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(payload.count + 8)
        appendBE(&out, UInt32(payload.count))
        appendBE(&out, payload.withUnsafeBytes { CRC32.checksum($0) })
        return out + payload
    }

    static func decode(_ bytes: [UInt8], at start: Int) -> (Change, Int)? {
        guard bytes.count - start >= 8 else { return nil }
        let length = Int(readBE(bytes, start, 4))
        let crc = UInt32(readBE(bytes, start + 4, 4))
        let body = start + 8
        guard length >= 13, length <= 64 * 1024, bytes.count - body >= length else { return nil }
        let payload = Array(bytes[body..<body + length])
        guard payload.withUnsafeBytes({ CRC32.checksum($0) }) == crc else { return nil }
        let queueId = Int(Int32(bitPattern: UInt32(readBE(payload, 1, 4))))
        let offset = Int64(bitPattern: readBE(payload, 5, 8))
        let key = String(decoding: payload[13...], as: UTF8.self)
        switch payload[0] {
        case 1: return (.set(key: key, queueId: queueId, offset: offset), body + length)
        case 2: return (.remove(key: key), body + length)
        default: return nil
        }
    }

    private static func appendBE<T: FixedWidthInteger>(_ out: inout [UInt8], _ value: T) {
        withUnsafeBytes(of: value.bigEndian) { out += $0 }
    }

    private static func readBE(_ bytes: [UInt8], _ at: Int, _ count: Int) -> UInt64 {
        var v: UInt64 = 0
        for i in 0..<count { v = v << 8 | UInt64(bytes[at + i]) }
        return v
    }
}
