@testable import MQAdminCLI
import MQClient
import MQProtocol
import Testing

/// Apache 4.9 brokers report the transferred TPS as `getTransferedTps`, 5.x as `getTransferredTps`: cluster views
/// read either (Apache 4.9.8's own clusterList crashed on the other spelling).
@Suite struct RuntimeInfoSpellingTests {
    func overview(_ table: [String: String]) -> BrokerResult<[String: String]> {
        BrokerResult(
            endpoint: BrokerEndpoint(cluster: "C", brokerName: "b", brokerId: 0, address: "127.0.0.1:1"),
            result: .success(table))
    }

    @Test func eitherSpellingOfTheTransferredTps() {
        let common = [
            "brokerVersionDesc": "V4_9_8", "brokerActive": "true", "putTps": "1.0 2.0 ", "msgPutTotalTodayNow": "5",
            "msgGetTotalTodayNow": "5", "msgPutTotalTodayMorning": "0", "msgGetTotalTodayMorning": "0",
            "msgPutTotalYesterdayMorning": "0", "msgGetTotalYesterdayMorning": "0", "commitLogDiskRatio": "0.2",
        ]
        for key in ["getTransferedTps", "getTransferredTps"] {
            let broker = ClusterListView.broker(overview(common.merging([key: "3.5 4.0 "]) { $1 }))
            #expect(broker.outTps == OrNull(3.5), "\(key)")
            #expect(broker.nullReason == nil, "\(key): \(broker.nullReason ?? "")")
        }
    }
}
