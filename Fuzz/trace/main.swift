// libFuzzer target: the message-trace decoder (TraceDecoder.fuzz checks its own round-trip promise).
// Built by scripts/fuzz.sh together with Sources/MQProtocol; not part of Package.swift.
import MQProtocol
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTrace(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    TraceDecoder.fuzz(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
