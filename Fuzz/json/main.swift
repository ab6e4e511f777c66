// libFuzzer target: the fastjson-tolerant JSON reader and the lenient Codable decoder on top of it.
// Built by scripts/fuzz.sh together with Sources/MQProtocol; not part of Package.swift.
import MQProtocol
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let value = try? JSONReader.parse(bytes) else { return 0 }
    // What parsed must write and parse back to the same value.
    let written = JSONWriter.write(value)
    let again = try? JSONReader.parse(written)
    precondition(again != nil, "JSON written by JSONWriter does not parse back")
    let decoder = FastJSONDecoder()
    _ = try? decoder.decode(TopicRouteData.self, from: value)
    _ = try? decoder.decode(ConsumeStats.self, from: value)
    _ = try? decoder.decode(TopicStatsTable.self, from: value)
    _ = try? decoder.decode(ClusterInfo.self, from: value)
    _ = try? decoder.decode(ConsumerConnection.self, from: value)
    _ = try? decoder.decode(ResetOffsetBody.self, from: value)
    return 0
}
