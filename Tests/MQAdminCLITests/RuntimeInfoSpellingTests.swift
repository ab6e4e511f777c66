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

    /// 4.9.8 reports no `brokerActive` (seen against a real 4.9.8 broker: every broker was listed INACTIVE).
    @Test func aBrokerThatDoesNotReportActiveIsActive() {
        let v498: [String: String] = ["brokerVersionDesc": "V4_9_8", "putTps": "1.0 2.0 ", "getTransferedTps": "1.0 "]
        let old = ClusterListView.broker(overview(v498))
        #expect(ClusterListView.status(old) == "ACTIVE")
        #expect(old.active.value == nil && old.nullReason?.contains("brokerActive") == true)
        #expect(ClusterListView.status(ClusterListView.broker(overview(v498.merging(["brokerActive": "false"]) { $1 })))
            == "INACTIVE")
        #expect(ClusterListView.status(ClusterListView.broker(overview(v498.merging(["brokerActive": "true"]) { $1 })))
            == "ACTIVE")
        let down = BrokerResult<[String: String]>(
            endpoint: BrokerEndpoint(cluster: "C", brokerName: "b", brokerId: 0, address: "127.0.0.1:1"),
            result: .failure(.brokerUnreachable(address: "127.0.0.1:1", detail: "no answer")))
        #expect(ClusterListView.status(ClusterListView.broker(down)) == "UNREACHABLE")
    }
}
