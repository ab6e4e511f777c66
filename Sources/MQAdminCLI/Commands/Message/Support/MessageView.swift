import ArgumentParser
import Foundation
import MQClient
import MQProtocol
import NIOCore

/// How a body is printed.
enum BodyFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, hex, base64
}

/// A message as mqadmin shows it: the stored record, with its body inflated when it was stored
/// compressed, and the broker it lives on.
struct MessageView {
    let message: MessageExt
    let broker: String?
    /// The body as the producer sent it (inflated).
    let body: [UInt8]
    /// Bytes the body takes in the store.
    let storedBodySize: Int
    /// The body is stored compressed (sysFlag bit 0).
    let compressed: Bool
    /// Why a compressed body could not be inflated (then `body` is the stored bytes).
    let inflateError: String?

    /// `bodyIsStored`: the message body is as stored (not yet inflated by the decoder).
    init(_ m: MessageExt, broker: String?, bodyIsStored: Bool = true) {
        message = m
        self.broker = broker
        compressed = m.isCompressed
        var inflated = m.body
        var failure: String?
        if compressed && bodyIsStored {
            do {
                inflated = try BodyCompression.decompress(m.body, maxSize: 64 * 1024 * 1024)
            } catch {
                failure = "\(error)"
            }
        }
        inflateError = failure
        storedBodySize = bodyIsStored ? m.body.readableBytes : Self.storedSize(m)
        body = Array(inflated.readableBytesView)
    }

    /// The stored body size of a message whose body was inflated on decode: total record size minus
    /// everything else in the record.
    private static func storedSize(_ m: MessageExt) -> Int {
        let fixed = MessageRecord.fixedLength(sysFlag: m.sysFlag)
        let topicLength = m.magicCode == MessageRecord.magicV2 ? 2 : 1
        return Int(m.storeSize) - fixed - topicLength - m.topic.utf8.count - 2 - m.properties.encoded().utf8.count
    }

    /// Text when the body is valid UTF-8, else hex.
    var autoFormat: BodyFormat { String(validating: body, as: UTF8.self) != nil ? .text : .hex }

    func bodyString(_ format: BodyFormat?) -> String {
        switch format ?? autoFormat {
        case .text: return String(decoding: body, as: UTF8.self)
        case .hex: return body.map { String(format: "%02x", $0) }.joined()
        case .base64: return Data(body).base64EncodedString()
        }
    }

    /// "12 bytes, text" / "4096 bytes, text; stored zlib-compressed as 120 bytes, shown decompressed".
    func bodySummary(_ format: BodyFormat?) -> String {
        var s = "\(body.count) bytes, \((format ?? autoFormat).rawValue)"
        if compressed {
            s +=
                inflateError == nil
                ? "; stored zlib-compressed as \(storedBodySize) bytes, shown decompressed"
                : "; stored compressed and could not be decompressed (\(inflateError!)), shown as stored"
        }
        return s
    }
}
