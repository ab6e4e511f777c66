import Foundation
import MQClient
import MQProtocol

/// Text layouts of a message: mqadmin's own label/value view, and Apache's `printMsg` layout.
enum MessageText {
    /// mqadmin's view: every field, every property on its own line, then the body.
    static func detail(_ v: MessageView, format: BodyFormat?) -> String {
        let m = v.message
        var out = ""
        func line(_ label: String, _ value: String) {
            out += value.isEmpty ? label + "\n" : Printf.left(label, 19) + " " + value + "\n"
        }
        line("Msg ID:", m.properties.uniqueKey ?? "-")
        line("Offset Msg ID:", m.offsetMsgId)
        line("Topic:", m.topic)
        line("Broker:", v.broker ?? "-")
        line("Queue:", String(m.queueId))
        line("Queue Offset:", String(m.queueOffset))
        line("CommitLog Offset:", String(m.commitLogOffset))
        line("Tags:", m.tags ?? "-")
        line("Keys:", m.keys.isEmpty ? "-" : m.keys.joined(separator: " "))
        line("Born:", "\(TimeFormat.iso(m.bornTimestamp)) from \(m.bornHost)")
        line("Stored:", "\(TimeFormat.iso(m.storeTimestamp)) on \(m.storeHost)")
        line("Reconsume Times:", String(m.reconsumeTimes))
        line("System Flag:", String(m.sysFlag))
        line("Flag:", String(m.flag))
        line("Properties:", m.properties.isEmpty ? "-" : "")
        let width = max(18, (m.properties.map(\.name.count).max() ?? 0) + 2)
        for p in m.properties { out += "  " + Printf.left(p.name, width) + p.value + "\n" }
        line("Body:", v.bodySummary(format))
        out += v.bodyString(format)
        if !out.hasSuffix("\n") { out += "\n" }
        return out
    }

    /// Apache's queryMsgById / queryMsgByOffset / queryMsgByUniqueKey label layout (`%-20s %s`).
    /// `offsetId` false drops the OffsetID line (queryMsgByUniqueKey); `charsetBody` adds Message Body.
    static func apache(
        _ v: MessageView, offsetId: Bool, bodyPath: String, charsetBody: Bool, extraProperties: [(String, String)] = []
    ) -> String {
        let m = v.message
        var out = ""
        func line(_ label: String, _ value: String) { out += Printf.left(label, 20) + " " + value + "\n" }
        if offsetId { line("OffsetID:", m.offsetMsgId) }
        line("Topic:", m.topic)
        line("Tags:", "[" + (m.tags ?? "null") + "]")
        line("Keys:", "[" + (m.properties[MessageConst.keys] ?? "null") + "]")
        line("Queue ID:", String(m.queueId))
        line("Queue Offset:", String(m.queueOffset))
        line("CommitLog Offset:", String(m.commitLogOffset))
        line("Reconsume Times:", String(m.reconsumeTimes))
        line("Born Timestamp:", TimeFormat.human2(m.bornTimestamp))
        line("Store Timestamp:", TimeFormat.human2(m.storeTimestamp))
        line("Born Host:", m.bornHost.description)
        line("Store Host:", m.storeHost.description)
        line("System Flag:", String(m.sysFlag))
        line("Properties:", javaMapString(m.properties.map { ($0.name, $0.value) } + extraProperties))
        line("Message Body Path:", bodyPath)
        if charsetBody { line("Message Body:", String(decoding: v.body, as: UTF8.self)) }
        return out
    }

    /// A Java `HashMap<String,String>(128)`'s `toString()`: `{k=v, k2=v2}` in the map's bucket order
    /// (Apache's decoder builds exactly such a map), so output matches the Java tool's.
    static func javaMapString(_ entries: [(String, String)]) -> String {
        var seen: [String: Int] = [:]
        var unique: [(String, String)] = []
        for (k, v) in entries {
            if let i = seen[k] {
                unique[i].1 = v
            } else {
                seen[k] = unique.count
                unique.append((k, v))
            }
        }
        let capacity = javaTableSize(count: unique.count)
        let ordered = unique.enumerated().sorted { a, b in
            let (ba, bb) = (bucket(a.element.0, capacity), bucket(b.element.0, capacity))
            return ba != bb ? ba < bb : a.offset < b.offset
        }
        return "{" + ordered.map { "\($0.element.0)=\($0.element.1)" }.joined(separator: ", ") + "}"
    }

    /// Table size of `new HashMap<>(128)` after `count` insertions (doubles past 75% load).
    private static func javaTableSize(count: Int) -> Int {
        var size = 128
        while count > size * 3 / 4 { size *= 2 }
        return size
    }

    private static func bucket(_ key: String, _ size: Int) -> Int {
        let h = UInt32(bitPattern: JavaHash.hashCode(key))
        return Int((h ^ (h >> 16)) & UInt32(size - 1))
    }

    /// Writes `body` to `directory/name` (the directory created private to this user) and returns
    /// the path, as Apache's tools do with /tmp/rocketmq/msgbodys.
    static func writeBody(_ body: [UInt8], directory: String, name: String) throws -> String {
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = directory + "/" + name
        guard FileManager.default.createFile(atPath: path, contents: Data(body), attributes: [.posixPermissions: 0o600])
        else { throw CLIError("cannot write the message body to \(path)", exit: .failed) }
        return path
    }

    /// Where classic commands write bodies unless told otherwise: a directory private to this user
    /// (never the shared /tmp/rocketmq, which other users could read).
    static var defaultBodyDirectory: String {
        let tmp = Console.current.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return (tmp as NSString).appendingPathComponent("mqadmin-\(getuid())/msgbodys")
    }
}
