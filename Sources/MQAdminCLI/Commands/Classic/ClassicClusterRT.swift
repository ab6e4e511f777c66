import ArgumentParser
import Foundation
import MQClient
import MQProtocol

/// Apache's `clusterRT`: every `-i` seconds, `-a` messages of `-s` bytes to the topic named after each broker
/// (brokerTopicEnable), one `#Cluster Name #Broker Name #RT #successCount #failCount` line per broker, or with
/// `-p true` Apache's tlog line. Apache repeats until interrupted; `--rounds N` stops after N rounds.
struct ClassicClusterRT: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusterRT",
        abstract: "List all clusters' message send RT (Apache's layout; see `cluster check`).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    @Option(name: [.customShort("a"), .customLong("amount")], help: "message amount | default 100") var amount = 100
    @Option(name: [.customShort("s"), .customLong("size")], help: "message size | default 128 Byte") var size = 128
    @Option(name: [.customShort("c"), .customLong("cluster")], help: "cluster name | default display all cluster")
    var cluster: String?
    @Option(name: [.customShort("p"), .customLong("printLog")], help: "print as tlog | default false")
    var printLog = "false"
    @Option(name: [.customShort("m"), .customLong("machineRoom")], help: "machine room name | default noname")
    var machineRoom = "noname"
    @Option(name: [.customShort("i"), .customLong("interval")], help: "print interval | default 10 seconds")
    var interval = 10
    @Option(help: "Stop after this many rounds (mqadmin; Apache repeats until interrupted).") var rounds: Int?

    struct Row: Encodable, Sendable {
        var cluster: String
        var broker: String
        /// Apache's RT: sends after the first, over amount - 1; null for a single send (Apache prints NaN).
        var rtMillis: OrNull<Double>
        var successCount: Int
        var failCount: Int
    }

    struct View: Encodable, Sendable {
        var rounds: [[Row]]
    }

    func validate() throws {
        guard amount >= 1 else { throw ValidationError("-a/--amount must be at least 1") }
        guard size >= 1 else { throw ValidationError("-s/--size must be at least 1 byte (empty bodies are refused)") }
        guard interval >= 0 else { throw ValidationError("-i/--interval must be 0 or more seconds") }
        if let rounds, rounds < 1 { throw ValidationError("--rounds must be at least 1") }
        if output.output == .json && rounds == nil {
            throw ValidationError("--output json prints once at the end; add --rounds N")
        }
    }

    var tlog: Bool { printLog.trimmingCharacters(in: .whitespaces).lowercased() == "true" }

    func run() async throws {
        let view = try await Session.withClient(connection) { client in
            let info = try await client.clusterInfo()
            let clusters = try cluster.map { [try info.resolveCluster($0)] } ?? info.clusterNames
            let producer = Producer(group: ClassicSendRT.producerGroup(), client: client, retryTimes: 2)
            if output.output == .table && !tlog {
                let header = ["#Cluster Name", "#Broker Name", "#RT", "#successCount", "#failCount"]
                Emit.write(JavaFormat.format("%-24s  %-24s  %-4s  %-8s  %-8s%n", header))
            }
            var done: [[Row]] = []
            while rounds.map({ done.count < $0 }) ?? true {
                if !done.isEmpty { try await Task.sleep(for: .seconds(interval)) }
                var round: [Row] = []
                for c in clusters {
                    for broker in (info.clusterAddrTable[c] ?? []).sorted() {
                        let row = await measure(producer, cluster: c, broker: broker)
                        if output.output == .table { Emit.write(line(row)) }
                        round.append(row)
                    }
                }
                done.append(round)
            }
            return View(rounds: done)
        }
        if output.output == .json { Emit.write(Emit.json(view)) }
    }

    /// `amount` sends of `size` bytes to the topic named `broker`.
    func measure(_ producer: Producer, cluster: String, broker: String) async -> Row {
        let message = Message(topic: broker, body: ClassicSendRT.body(size: size))
        var sends: [ClassicSendRT.Send] = []
        for _ in 0..<amount { sends.append(await ClassicSendRT.timedSend(producer, message, to: nil)) }
        let rt = ClassicSendRT.averageMillis(sends)
        let ok = sends.filter(\.success).count
        return Row(
            cluster: cluster, broker: broker, rtMillis: OrNull(rt.isNaN ? nil : rt), successCount: ok,
            failCount: sends.count - ok)
    }

    /// Apache's row, or its tlog line: time in GMT+8, machine room, cluster, broker, RT rounded half up.
    func line(_ r: Row) -> String {
        let rt = r.rtMillis.value
        guard tlog else {
            return JavaFormat.format(
                "%-24s  %-24s  %-8s  %-16s  %-16s%n",
                [r.cluster, r.broker, ClassicSendRT.twoDecimals(rt ?? .nan), String(r.successCount),
                 String(r.failCount)])
        }
        let format = DateFormatter()
        format.dateFormat = "yyyy-MM-dd HH:mm:ss"
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        let rounded = rt.map { String(Int64(($0).rounded(.toNearestOrAwayFromZero))) } ?? "NaN"
        return "\(format.string(from: Date()))|\(machineRoom)|\(r.cluster)|\(r.broker)|\(rounded)\n"
    }
}
