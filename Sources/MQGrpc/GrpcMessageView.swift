import Foundation
import MQProtocol
import NIOCore
import SwiftProtobuf

/// A stored message as a v5 client decodes it (design pop-grpc.md §1.2, §4.5; Apache's
/// `GrpcConverter.buildMessage`): the system properties from the record, the user's from what is left, the body
/// as sent (IDENTITY) with its CRC32 digest (8 upper-case hex digits: the Python client marks a mismatch corrupted).
enum GrpcMessageView {
    static func message(of stored: MessageExt, type: V2MessageType? = nil) -> Apache_Rocketmq_V2_Message {
        let p = stored.properties
        var message = Apache_Rocketmq_V2_Message()
        var topic = Apache_Rocketmq_V2_Resource()
        topic.name = p[MessageConst.realTopic] ?? stored.topic
        message.topic = topic
        let body = Array(stored.body.readableBytesView)
        message.body = Data(body)
        var user: [String: String] = [:]
        for entry in p where !GrpcMessageProperties.systemNames.contains(entry.name)
            && !entry.name.hasPrefix(MessageConst.transientPrefix)
        {
            user[entry.name] = entry.value
        }
        message.userProperties = user
        var system = Apache_Rocketmq_V2_SystemProperties()
        system.messageID = p.uniqueKey ?? stored.msgId
        system.messageType = type ?? messageType(of: p)
        if let tag = p.tags, !tag.isEmpty { system.tag = tag }
        system.keys = p.keys
        system.bornTimestamp = timestamp(p[MessageConst.bornTimestamp].flatMap { Int64($0) } ?? stored.bornTimestamp)
        system.bornHost = p[MessageConst.bornHost] ?? stored.bornHost.description
        system.storeTimestamp = timestamp(stored.storeTimestamp)
        system.storeHost = stored.storeHost.description
        if let at = p[MessageConst.timerDeliverMS].flatMap({ Int64($0) }) { system.deliveryTimestamp = timestamp(at) }
        if let group = p[MessageConst.shardingKey] { system.messageGroup = group }
        if let trace = p[MessageConst.traceContext] { system.traceContext = trace }
        system.queueID = p[MessageConst.realQueueId].flatMap { Int32($0) } ?? stored.queueId
        system.queueOffset = stored.queueOffset
        system.deliveryAttempt = stored.reconsumeTimes + 1
        system.bodyEncoding = .identity
        var digest = Apache_Rocketmq_V2_Digest()
        digest.type = .crc32
        let crc = body.withUnsafeBytes { CRC32.checksum($0) }
        let hex = String(crc, radix: 16, uppercase: true)
        digest.checksum = String(repeating: "0", count: max(0, 8 - hex.count)) + hex
        system.bodyDigest = digest
        message.systemProperties = system
        return message
    }

    /// TRAN_MSG → TRANSACTION, a timer or delay → DELAY, a message group → FIFO, else NORMAL.
    static func messageType(of p: MessageProperties) -> V2MessageType {
        switch TopicMessageType.of(p) {
        case .transaction: return .transaction
        case .delay: return .delay
        case .fifo: return .fifo
        default: return .normal
        }
    }

    static func timestamp(_ millis: Int64) -> Google_Protobuf_Timestamp {
        Google_Protobuf_Timestamp(seconds: millis / 1000, nanos: Int32((millis % 1000) * 1_000_000))
    }
}
