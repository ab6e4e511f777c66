// libFuzzer target: the pop log record decoder and the POP handle/offset-info parsers (PopLogRecord.fuzz checks
// their round-trip promises). Built by scripts/fuzz.sh together with Sources/MQProtocol; not part of Package.swift.
import MQProtocol
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPop(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    PopLogRecord.fuzz(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
