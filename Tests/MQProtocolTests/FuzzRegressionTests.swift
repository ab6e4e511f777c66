import Foundation
import NIOCore
import Testing

@testable import MQProtocol

/// Issue 9, fuzzing: every input kept under `Tests/Fuzz/corpus/<target>/` (crashes the libFuzzer targets
/// of `Fuzz/` found, and a seed corpus) runs through the same checks as that target, without a
/// sanitizer, so a fixed crash stays fixed. The checks mirror `Fuzz/<target>/main.swift`.
@Suite struct FuzzRegressionTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/corpus")

    static func inputs(_ target: String) -> [(name: String, bytes: [UInt8])] {
        let dir = corpus.appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.sorted().compactMap { name in
            (try? Data(contentsOf: dir.appendingPathComponent(name))).map { (name, [UInt8]($0)) }
        }
    }

    @Test(arguments: ["frame", "json", "message", "trace", "filter", "pop"])
    func corpusReplays(target: String) {
        let inputs = Self.inputs(target)
        #expect(!inputs.isEmpty, "no corpus for \(target)")
        for input in inputs {
            switch target {
            case "frame": Self.frame(input.bytes)
            case "json": Self.json(input.bytes)
            case "message": Self.message(input.bytes)
            case "filter": FilterExpression.fuzz(input.bytes)
            case "pop": PopLogRecord.fuzz(input.bytes)
            default: TraceDecoder.fuzz(input.bytes)
            }
        }
    }

    /// The json target's crash: the number scanner collected `E.32E` (after dropping the `+`) as a number,
    /// and the writer wrote it back as JSON nothing reads. Malformed numbers are now refused.
    @Test func malformedNumbersAreRefusedAndWellFormedOnesRoundTrip() throws {
        for bad in ["+E.32E", "-", "+", "1e", "1e+", "-e5", "1.2.3", "1e5e5", "1e5.5", "[1E]", "{\"a\":-.e1}", "+.L"] {
            #expect(throws: JSONError.self, "\(bad)") { try JSONReader.parse(bad) }
        }
        for (good, written) in [
            ("1", "1"), ("-1", "-1"), ("+7", "7"), ("1.5", "1.5"), ("1e5", "1e5"), ("2E-3", "2E-3"), ("3e+2", "3e+2"),
            ("-0.5", "-0.5"), ("1.", "1."), ("-.5", "-.5"), ("12L", "12"), ("[1,-2]", "[1,-2]"),
        ] {
            let value = try JSONReader.parse(good)
            let out = JSONWriter.write(value)
            #expect(String(decoding: out, as: UTF8.self) == written, "\(good)")
            #expect(try JSONReader.parse(out) == value, "\(good)")
        }
    }

    /// Mirrors Fuzz/frame/main.swift.
    static func frame(_ bytes: [UInt8]) {
        var stream = ByteBuffer(bytes: bytes)
        var decoder = RemotingFrameDecoder()
        while let command = try? decoder.decode(buffer: &stream) {
            var out = ByteBuffer()
            guard (try? RemotingFrameEncoder.encode(command, into: &out)) != nil else { continue }
            out.moveReaderIndex(forwardBy: 4)
            let again = try? RemotingFrameDecoder.decodeFrame(&out)
            #expect(again?.code == command.code && again?.opaque == command.opaque)
            _ = try? command.decodeHeader(SendMessageRequestHeader.self)
            _ = try? command.decodeHeader(PullMessageRequestHeader.self)
        }
        var frame = ByteBuffer(bytes: bytes)
        _ = try? RemotingFrameDecoder.decodeFrame(&frame)
    }

    /// Mirrors Fuzz/json/main.swift.
    static func json(_ bytes: [UInt8]) {
        guard let value = try? JSONReader.parse(bytes) else { return }
        let written = JSONWriter.write(value)
        #expect((try? JSONReader.parse(written)) != nil, "\(String(decoding: bytes, as: UTF8.self))")
        let decoder = FastJSONDecoder()
        _ = try? decoder.decode(TopicRouteData.self, from: value)
        _ = try? decoder.decode(ConsumeStats.self, from: value)
        _ = try? decoder.decode(TopicStatsTable.self, from: value)
        _ = try? decoder.decode(ClusterInfo.self, from: value)
        _ = try? decoder.decode(ConsumerConnection.self, from: value)
        _ = try? decoder.decode(ResetOffsetBody.self, from: value)
    }

    /// Mirrors Fuzz/message/main.swift.
    static func message(_ bytes: [UInt8]) {
        let buffer = ByteBuffer(bytes: bytes)
        _ = try? MessageDecoder.decodeAll(buffer, readBody: true, decompress: true, verify: true)
        _ = try? MessageDecoder.decodeAll(buffer, readBody: false, decompress: false, verify: false)
        _ = try? BatchBody.decode(buffer)
        bytes.withUnsafeBytes { _ = MessageProperties(utf8: $0) }
        _ = try? MessageId.decode(String(decoding: bytes, as: UTF8.self))
    }
}
