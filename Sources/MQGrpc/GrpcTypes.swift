import Glibc
import SwiftProtobuf

// Short names for the generated apache.rocketmq.v2 types this target uses most.
typealias V2Code = Apache_Rocketmq_V2_Code
typealias V2Status = Apache_Rocketmq_V2_Status
typealias V2Settings = Apache_Rocketmq_V2_Settings
typealias V2Telemetry = Apache_Rocketmq_V2_TelemetryCommand
typealias V2Endpoints = Apache_Rocketmq_V2_Endpoints
typealias V2MessageType = Apache_Rocketmq_V2_MessageType

extension Apache_Rocketmq_V2_Status {
    /// A status with its code always set: the Python client treats a missing or 0 code as "response is illegal".
    init(_ code: V2Code, _ message: String) {
        self.init()
        self.code = code
        self.message = message
    }

    static let ok = V2Status(.ok, "OK")
}

extension SwiftProtobuf.Google_Protobuf_Duration {
    init(millis: Int64) {
        self.init(seconds: millis / 1000, nanos: Int32((millis % 1000) * 1_000_000))
    }
}
