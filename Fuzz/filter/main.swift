// libFuzzer target: the SQL92 filter's parser and evaluator (FilterExpression.fuzz checks their promises).
// Built by scripts/fuzz.sh together with Sources/MQProtocol; not part of Package.swift.
import MQProtocol
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFilter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FilterExpression.fuzz(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
