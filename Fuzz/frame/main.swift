// libFuzzer target: the remoting frame decoder (length prefix, serialize type, JSON and binary headers).
// Built by scripts/fuzz.sh together with Sources/MQProtocol; not part of Package.swift.
import MQProtocol
import NIOCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrame(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    // As a stream: decode frames back to back, the way the channel handler does.
    var stream = ByteBufferAllocator().buffer(bytes: bytes)
    var decoder = RemotingFrameDecoder()
    while let command = try? decoder.decode(buffer: &stream) {
        // Whatever decoded must re-encode and decode to a command of the same code and opaque.
        var out = ByteBufferAllocator().buffer(capacity: 64)
        guard (try? RemotingFrameEncoder.encode(command, into: &out)) != nil else { continue }
        out.moveReaderIndex(forwardBy: 4)
        let again = try? RemotingFrameDecoder.decodeFrame(&out)
        precondition(again?.code == command.code && again?.opaque == command.opaque, "frame round trip broke")
        _ = try? command.decodeHeader(SendMessageRequestHeader.self)
        _ = try? command.decodeHeader(PullMessageRequestHeader.self)
    }
    // As one frame body without the length prefix, so short inputs reach the header readers.
    var frame = ByteBufferAllocator().buffer(bytes: bytes)
    _ = try? RemotingFrameDecoder.decodeFrame(&frame)
    return 0
}
