// libFuzzer target: the stored-message decoder (commit-log records, pull bodies), batch bodies,
// properties and message ids. Built by scripts/fuzz.sh with Sources/MQProtocol; not in Package.swift.
import MQProtocol
import NIOCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMessage(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let buffer = ByteBufferAllocator().buffer(bytes: bytes)
    _ = try? MessageDecoder.decodeAll(buffer, readBody: true, decompress: true, verify: true)
    _ = try? MessageDecoder.decodeAll(buffer, readBody: false, decompress: false, verify: false)
    _ = try? BatchBody.decode(buffer)
    _ = MessageProperties(utf8: UnsafeRawBufferPointer(bytes))
    _ = try? MessageId.decode(String(decoding: bytes, as: UTF8.self))
    return 0
}
