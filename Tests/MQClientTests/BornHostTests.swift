import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// A stored message's born host is the sender's side of its TCP connection (the broker parses it once per
/// connection: `RemotingPeer.remoteHost`).
@Suite struct BornHostTests {
    @Test func bornHostIsTheSendersAddressOnEverySendOfAConnection() async throws {
        try await withCluster { cluster in
            let client = cluster.client()
            let producer = Producer(group: "pg", client: client)
            let brokerPort = try #require(cluster.brokers[0].brokerAddress.flatMap(HostAddress.init)?.port)
            var hosts: [HostAddress] = []
            for i in 0..<3 {
                let sent = try await producer.send(Message(topic: "Born", body: "m\(i)"))
                hosts.append(try await client.viewMessage(offsetMsgId: sent.offsetMsgId).bornHost)
            }
            // One connection: the same address each time, the client's loopback port, not the broker's.
            #expect(Set(hosts).count == 1)
            #expect(hosts[0].hostString == "127.0.0.1")
            #expect(hosts[0].port != brokerPort && hosts[0].port > 0)
            await client.shutdown()
        }
    }
}
