import MQProtocol
import Testing

@testable import MQClient

/// The verdicts `cluster check` gives for what a live cluster cannot easily be made to show: a nearly full
/// disk, a dispatch backlog, name servers that disagree, and how statuses combine.
@Suite struct ClusterCheckRulesTests {
    let master = BrokerEndpoint(cluster: "C", brokerName: "broker-a", brokerId: 0, address: "127.0.0.1:10911")

    @Test func diskUseIsJudgedAgainstTheBrokersLimitsOrApachesDefaults() {
        func status(_ used: String, _ config: [String: String]?) -> CheckStatus {
            MQClientInstance.diskRow(master, ["commitLogDiskRatio": used], config: config).status
        }
        #expect(status("0.5", nil) == .ok)
        #expect(status("0.8", nil) == .warning)  // above Apache's diskMaxUsedSpaceRatio 75
        #expect(status("0.9", nil) == .critical)  // at Apache's diskSpaceWarningLevelRatio 90
        #expect(status("0.5", ["diskMaxUsedSpaceRatio": "40"]) == .warning)
        #expect(status("0.85", ["diskMaxUsedSpaceRatio": "88", "diskSpaceWarningLevelRatio": "95"]) == .ok)
        #expect(status("-1", nil) == .unknown)
        let row = MQClientInstance.diskRow(master, ["commitLogDiskRatio": "0.8"], config: nil)
        #expect(row.detail.contains("80% used, above 75% (diskMaxUsedSpaceRatio: Apache's default)"), "\(row.detail)")
    }

    @Test func dispatchBehindOverTheLimitWarns() {
        #expect(MQClientInstance.dispatchRow(master, ["dispatchBehindBytes": "10"], limit: 100).status == .ok)
        #expect(MQClientInstance.dispatchRow(master, ["dispatchBehindBytes": "101"], limit: 100).status == .warning)
        #expect(MQClientInstance.dispatchRow(master, [:], limit: 100).status == .unknown)
    }

    @Test func nameServersThatDisagreeOnPermissionWarn() {
        let data = BrokerData(cluster: "C", brokerName: "broker-a", brokerAddrs: [0: "127.0.0.1:10911"])
        let info = ClusterInfo(brokerAddrTable: ["broker-a": data], clusterAddrTable: ["C": ["broker-a"]])
        func look(_ ns: String, perm: Int32) -> BrokerResult<NameServerLook> {
            BrokerResult(
                endpoint: BrokerEndpoint(cluster: "", brokerName: "", brokerId: 0, address: ns),
                result: .success(NameServerLook(info: info, perms: ["broker-a": perm], millis: 1)))
        }
        let agree = MQClientInstance.agreementRow("C", [look("ns1", perm: 6), look("ns2", perm: 6)], brokers: [data])
        #expect(agree.status == .ok)
        let differ = MQClientInstance.agreementRow("C", [look("ns1", perm: 6), look("ns2", perm: 4)], brokers: [data])
        #expect(differ.status == .warning && differ.detail.contains("perm 4 on ns2"), "\(differ.detail)")
        let drained = MQClientInstance.writableRow("broker-a", looks: [look("ns1", perm: 4)], config: nil)
        #expect(drained.status == .warning && drained.detail.hasPrefix("broker-a is not writable (drained?)"))
    }

    @Test func theMostUrgentStatusWins() {
        #expect(CheckStatus.worst([]) == .ok)
        #expect(CheckStatus.worst([.ok, .unknown]) == .unknown)
        #expect(CheckStatus.worst([.unknown, .warning]) == .warning)
        #expect(CheckStatus.worst([.warning, .critical, .unknown]) == .critical)
    }
}
