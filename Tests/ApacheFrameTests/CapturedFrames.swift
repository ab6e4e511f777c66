import Foundation
import MQProtocol
import NIOCore

/// One remoting frame captured between Apache's own Java tools and real Apache 4.9.8 / 5.3.3 servers
/// (Fixtures/README.md says how; the fields are those of the capture's JSON lines).
struct CapturedFrame: Decodable, Sendable {
    var seq: Int
    var exchange: String
    var command: String?
    var direction: String
    var from: String
    var client: String
    var peer: String
    var conn: String
    /// Seconds since the version's first command, by the capture's clock.
    var t: Double
    var code: Int32
    var requestCode: Int32?
    var oneway: Bool?
    var pairSeq: Int?
    var serializeType: String
    var headerText: String?
    var headerHex: String?
    var bodyBase64: String

    var isRequest: Bool { direction == "request" }
    /// A request the client side sent (not a server-initiated call on the client's connection).
    var isClientRequest: Bool { isRequest && from == "client" }

    var body: [UInt8] { Array(Data(base64Encoded: bodyBase64) ?? Data()) }

    /// The frame decoded by our own frame decoder, from the captured bytes.
    func decoded() throws -> RemotingCommand {
        let header: [UInt8]
        if let text = headerText {
            header = Array(text.utf8)
        } else {
            header = try hexBytes(headerHex ?? "")
        }
        let type: UInt32 = serializeType == "ROCKETMQ" ? 1 : 0
        var buffer = ByteBuffer()
        buffer.writeInteger(type << 24 | UInt32(header.count))
        buffer.writeBytes(header)
        buffer.writeBytes(body)
        return try RemotingFrameDecoder.decodeFrame(&buffer)
    }

    private func hexBytes(_ hex: String) throws -> [UInt8] {
        var out: [UInt8] = []
        var chars = hex.makeIterator()
        while let hi = chars.next(), let lo = chars.next() {
            guard let byte = UInt8(String([hi, lo]), radix: 16) else { throw CaptureError("bad hex in frame \(seq)") }
            out.append(byte)
        }
        return out
    }
}

struct CaptureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The frames of one Apache version, with request/response pairs by sequence number.
struct Capture: Sendable {
    let version: String
    let frames: [CapturedFrame]
    private let bySeq: [Int: Int]

    static let versions = ["4.9.8", "5.3.3"]

    static func load(_ version: String) throws -> Capture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/apache-\(version).jsonl")
        let text = try String(contentsOf: url, encoding: .utf8)
        let decoder = JSONDecoder()
        let frames = try text.split(separator: "\n").map {
            try decoder.decode(CapturedFrame.self, from: Data($0.utf8))
        }
        return Capture(version: version, frames: frames)
    }

    init(version: String, frames: [CapturedFrame]) {
        self.version = version
        self.frames = frames
        var bySeq: [Int: Int] = [:]
        for (i, f) in frames.enumerated() { bySeq[f.seq] = i }
        self.bySeq = bySeq
    }

    func frame(_ seq: Int) -> CapturedFrame? { bySeq[seq].map { frames[$0] } }

    /// Every two-way request with the response Apache's server gave it, in the order the requests were sent
    /// (the background consumer and producer ran while other commands did; the file groups them apart).
    var exchanges: [(request: CapturedFrame, response: CapturedFrame)] {
        let pairs = frames.compactMap { f -> (request: CapturedFrame, response: CapturedFrame)? in
            guard f.isRequest, let pair = f.pairSeq, let response = frame(pair) else { return nil }
            return (f, response)
        }
        return pairs.sorted { ($0.request.t, $0.request.seq) < ($1.request.t, $1.request.seq) }
    }
}
