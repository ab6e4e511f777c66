import Foundation
import MQClient
import NIOConcurrencyHelpers

/// What a report was read from, named by every human-readable report (a footer line) and by JSON reports
/// whose top level is an object (a `target` field, docs/json/README.md). Classic (Apache-named) commands
/// keep their byte-compatible layouts and get neither.
struct ReportTarget: Encodable, Sendable {
    /// The context the target came from (`--context`, MQADMIN_CONTEXT, `context use`); null otherwise.
    @NullEncoded var context: String?
    /// The name servers asked (a running bundled broker's own name server included); null for the
    /// in-process bundled broker.
    @NullEncoded var nameServers: [String]?
    /// The bundled broker's data directory; null for a cluster reached with -n / NAMESRV_ADDR.
    @NullEncoded var dataDirectory: String?
    /// The clusters the name server(s) know (empty when they were not read).
    var clusters: [String]

    init(_ target: Session.Target, context: String? = nil, clusters: [String]) {
        self.context = context
        switch target {
        case .cluster(let ns): nameServers = ns
        case .runningBroker(let ns, let dir):
            nameServers = [ns]
            dataDirectory = dir
        case .embedded(let dir): dataDirectory = dir
        }
        self.clusters = clusters
    }

    /// `Target: name server 127.0.0.1:9876, cluster DefaultCluster`, `Target: bundled ~/x, cluster ...`, or
    /// with a context `Target: context prod (name server 10.0.0.1:9876), cluster ...`.
    var footer: String {
        var place = dataDirectory.map { "bundled \(BundledStore.abbreviate($0))" }
            ?? "name server \((nameServers ?? []).joined(separator: ";"))"
        if let context { place = "context \(context) (\(place))" }
        let cluster = clusters.isEmpty ? "" : ", cluster \(clusters.joined(separator: ","))"
        return "Target: \(place)\(cluster)\n"
    }

    /// Per command run (installed by `CommandRunner`): the session the command opened, read when it renders.
    final class Slot: Sendable {
        let classic: Bool
        private let session = NIOLockedValueBox<Session?>(nil)

        init(classic: Bool) { self.classic = classic }

        func record(_ s: Session) { session.withLockedValue { $0 = s } }

        /// The target to name, or nil for classic layouts and commands that reached no target.
        var target: ReportTarget? {
            guard !classic, let s = session.withLockedValue({ $0 }) else { return nil }
            return ReportTarget(s.target, context: s.context?.name, clusters: s.client.knownClusters ?? [])
        }
    }

    @TaskLocal static var slot: Slot?

    /// The current command's target, if it names one.
    static var current: ReportTarget? { slot?.target }
}
