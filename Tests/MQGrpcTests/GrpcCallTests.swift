import GRPCCore
import MQProtocol
import Testing

@testable import MQGrpc

/// How a call's metadata becomes what the broker's client tables hold (design pop-grpc.md §1.0, §4.9).
@Suite struct GrpcCallTests {
    func call(language: String = "PYTHON", version: String = "5.1.2", peer: String = "ipv4:10.0.0.7:51000")
        -> GrpcCall
    {
        let metadata: Metadata = ["x-mq-language": .string(language), "x-mq-client-version": .string(version)]
        return GrpcCall(metadata: metadata, remotePeer: peer)
    }

    @Test func versionsMapToApacheOrdinals() {
        // Apache's MQVersion: V5_0_0 = 413, V5_1_0 = 433, V5_3_1 = 475, V5_3_3 = 479 (MQVersion.named).
        #expect(call(version: "5.0.0").versionOrdinal == 413)
        #expect(call(version: "5.1.2").versionOrdinal == 437)
        #expect(call(version: "5.3.1").versionOrdinal == 475)
        #expect(call(version: "5.3.3").versionOrdinal == 479)
        #expect(MQVersion.describe(call(version: "5.1.2").versionOrdinal) == "V5_1_2")
        #expect(call(version: "garbage").versionOrdinal == MQVersion.current)
        #expect(call(version: "4.9.8").versionOrdinal == MQVersion.current)
    }

    @Test func languagesAndPeers() {
        #expect(call().languageCode.name == "PYTHON")
        #expect(call(language: "GOLANG").languageCode.name == "GO")
        #expect(call(language: "DOT_NET").languageCode.name == "DOTNET")
        #expect(call(language: "KOTLIN").languageCode.name == "OTHER")
        #expect(call().remoteAddress == "10.0.0.7:51000")
        #expect(call(peer: "ipv6:[::1]:51000").remoteAddress == "[::1]:51000")
    }
}
