import Logging
import MQClient
import MQProtocol
import MQRemoting
import MQTestSupport
import NIOPosix
import Testing

/// An Apache 4.9.8 broker answers the ACL 2.0 codes as it answers every code it lacks: REQUEST_CODE_NOT_SUPPORTED,
/// " request type 3005 not supported", with its version (409, V4_9_8) in the header. The client turns that into
/// an error that names the request, the version and what is needed.
@Suite struct VersionAwareErrorTests {
    /// Answers every request the way Apache 4.9.8's broker answers a code it has no processor for.
    struct Apache498Unserved: RequestProcessor {
        func process(_ request: RemotingCommand, from peer: any RemotingPeer) -> ProcessResult {
            var answer = request.response(.requestCodeNotSupported, remark: " request type \(request.code) not supported")
            answer.version = 409
            return .response(answer)
        }
    }

    @Test func aclOnA49BrokerNamesTheVersionNeeded() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let logger = Logger(label: "test")
        let server = RemotingServer(host: "127.0.0.1", port: 0, group: group, processor: Apache498Unserved(), logger: logger)
        try await withTeardown {
            try await server.start()
            let address = "127.0.0.1:\(server.localAddress!.port)"
            let client = MQClientInstance(nameServers: [address], group: group, timeout: .seconds(5), logger: logger)
            try await withTeardown {
                do {
                    _ = try await client.users(filter: nil, broker: address)
                    Issue.record("expected a refusal")
                } catch let error as ClientError {
                    #expect(error.responseCode == .requestCodeNotSupported)
                    #expect(
                        error.description.contains("version V4_9_8, does not serve AUTH_LIST_USER(3005)"), "\(error)")
                    #expect(
                        error.description.contains("ACL 2.0 (the user and acl commands) needs Apache RocketMQ 5.3.0"))
                }
                // A code every version serves names no release, only what was asked and who answered.
                let answer = try await client.invoke(address, .request(.getBrokerRuntimeInfo))
                #expect(
                    answer.remark == "broker \(address), version V4_9_8, does not serve GET_BROKER_RUNTIME_INFO(28)")
            } teardown: {
                await client.shutdown()
            }
        } teardown: {
            await server.stop()
            try await group.shutdownGracefully()
        }
    }
}
