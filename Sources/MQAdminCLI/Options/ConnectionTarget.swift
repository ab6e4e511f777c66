import Foundation
import MQClient

/// Where a command goes, and which rule chose it: the report footer, the read-only guard and the audit log
/// all name it.
struct ResolvedTarget: Sendable, Equatable {
    /// The context the target came from (`--context`, MQADMIN_CONTEXT or `context use`); nil otherwise.
    var context: ConnectionContext?
    /// Empty for the bundled broker.
    var nameServers: [String]
    /// The bundled broker's data directory; nil for a cluster.
    var dataDirectory: String?
}

extension ConnectionOptions {
    /// The one place the target is decided, first match wins:
    /// 1. `-n/--namesrv ADDR`, 2. `--data DIR` (flags on this command line),
    /// 3. `--context NAME`,
    /// 4. NAMESRV_ADDR, 5. MQADMIN_DATA (the environment),
    /// 6. MQADMIN_CONTEXT, 7. the current context (`mqadmin context use NAME`),
    /// 8. the bundled broker on ~/.mqadmin/data.
    /// A flag beats the environment, and a target named outright (an address, a directory) beats a context of
    /// the same level. An unknown context name throws one line (exit 2) listing the known ones.
    func resolveTarget() throws -> ResolvedTarget {
        let env = Console.current.environment
        let home = Console.current.home
        if let namesrv, !Address.list(namesrv).isEmpty { return ResolvedTarget(nameServers: Address.list(namesrv)) }
        if let dataDirectory, !dataDirectory.isEmpty { return ResolvedTarget(bundled: Self.expand(dataDirectory)) }
        if let context { return ResolvedTarget(try ContextStore.lookup(context, home: home)) }
        let fromEnvironment = Address.list(env["NAMESRV_ADDR"])
        if !fromEnvironment.isEmpty { return ResolvedTarget(nameServers: fromEnvironment) }
        if let data = env["MQADMIN_DATA"], !data.isEmpty { return ResolvedTarget(bundled: Self.expand(data)) }
        if let name = env["MQADMIN_CONTEXT"], !name.isEmpty {
            return ResolvedTarget(try ContextStore.lookup(name, home: home))
        }
        let file = try ContextStore.load(home: home)
        if let current = file.current {
            guard let found = file.context(named: current) else { throw ContextStore.unknown(current, in: file) }
            return ResolvedTarget(found)
        }
        return ResolvedTarget(bundled: Self.dataDirectory(flag: nil))
    }
}

extension ResolvedTarget {
    init(nameServers: [String]) { self.init(context: nil, nameServers: nameServers, dataDirectory: nil) }

    init(bundled dataDirectory: String) { self.init(context: nil, nameServers: [], dataDirectory: dataDirectory) }

    init(_ context: ConnectionContext) {
        self.init(context: context, nameServers: context.nameServers, dataDirectory: nil)
    }
}
