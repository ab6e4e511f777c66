import Foundation
import Logging
import MQProtocol
import NIOCore

@testable import MQStore

/// A temporary directory under the system temp dir, removed by `cleanup()`.
final class TempDirectory {
    let path: String

    init(_ name: String = #function) {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        path = FileManager.default.temporaryDirectory.path + "/mqstore-\(safe)-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    var store: String { path + "/store" }

    func cleanup() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

enum StoreFixtures {
    static let storeHost = HostAddress(ipv4: 10, 0, 0, 1, port: 10911)
    static let bornHost = HostAddress(ipv4: 192, 168, 0, 9, port: 40000)
    static let quiet = Logger(label: "mqstore-test") { _ in SwiftLogNoOpLogHandler() }

    static func config(_ dir: TempDirectory, segmentSize: Int64 = 64 * 1024) -> StoreConfig {
        var c = StoreConfig(directory: dir.store, storeHost: storeHost)
        c.settings.segmentSize = segmentSize
        c.settings.consumeQueueEntriesPerFile = 64
        c.settings.indexSlotsPerFile = 97
        c.settings.indexEntriesPerFile = 200
        c.settings.asyncFlushIntervalMillis = 50
        return c
    }

    static func open(_ config: StoreConfig) throws -> MessageStore {
        try MessageStore(config: config, logger: quiet)
    }

    /// Message `i` of a test run: body "body-<i>" padded, tag TagA/TagB alternating, keys "k<i> common".
    static func message(
        _ i: Int, topic: String = "TopicTest", queueId: Int32 = 0, bodySize: Int = 100, storeTimestamp: Int64? = nil
    ) -> MessageToStore {
        var body = "body-\(i)-"
        body += String(repeating: "x", count: max(0, bodySize - body.utf8.count))
        var props = MessageProperties()
        props[MessageConst.keys] = "k\(i) common"
        props[MessageConst.tags] = i % 2 == 0 ? "TagA" : "TagB"
        props[MessageConst.uniqueKey] = uniqueKey(i)
        props[MessageConst.waitStoreMsgOK] = "true"
        return MessageToStore(topic: topic, queueId: queueId, flag: Int32(i), body: ByteBuffer(string: body),
            properties: props, bornTimestamp: 1_700_000_000_000 + Int64(i), bornHost: bornHost,
            storeTimestamp: storeTimestamp)
    }

    static func uniqueKey(_ i: Int) -> String {
        "0A0000010000AAAA0000" + String(format: "%012X", i)
    }

    static func decode(_ record: ByteBuffer) throws -> MessageExt {
        try MessageDecoder.decode(record, at: record.readerIndex, options: .init(verify: true))
    }

    static func files(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }
}
