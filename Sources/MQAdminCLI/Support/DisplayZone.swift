import Foundation
import Synchronization

/// The one rule for the zone times are printed and read in: UTC with `--utc`, else `MQADMIN_TZ` (an IANA name
/// such as Europe/Berlin, or UTC), else the local zone (`TZ`). Classic Apache-named commands always use the local
/// zone, as Apache's JVM does, and take no `--utc`.
enum DisplayZone {
    static let variable = "MQADMIN_TZ"

    /// The zone for the command line `words` (command words resolved, global options behind them). Decided before
    /// parsing so that time options read in `validate()` are read in it too; a bad `MQADMIN_TZ` is refused here. The
    /// local zone is looked up only when a time is printed or read (`LazyZone`).
    static func resolve(_ words: [String], environment: [String: String]) throws -> LazyZone {
        if let first = words.first, ClassicCommands.names.contains(first) { return LazyZone { local(environment) } }
        let options = words.prefix { $0 != "--" }
        if options.contains(ClockOptions.utcFlag), let utc = TimeZone(identifier: "UTC") { return LazyZone(utc) }
        if let name = environment["MQADMIN_TZ"], !name.isEmpty {
            guard let zone = TimeZone(identifier: name) else {
                throw CLIError(
                    "\(variable)=\(name) is not a time zone; use an IANA name such as Europe/Berlin or UTC, "
                        + "or unset it for the local zone", exit: .usage)
            }
            return LazyZone(zone)
        }
        return LazyZone { local(environment) }
    }

    /// `TZ` of `environment` (an in-process command's own), else the process's zone.
    static func local(_ environment: [String: String]) -> TimeZone {
        guard var name = environment["TZ"], !name.isEmpty else { return .current }
        if name.hasPrefix(":") { name.removeFirst() }
        return TimeZone(identifier: name) ?? .current
    }
}

/// A display zone looked up when first read. `TimeZone.current` reads /etc/localtime and ICU's zone data, about
/// 2 M instructions: a twentieth of a `topic list`, which prints no time (docs/performance.md, "CLI start").
final class LazyZone: Sendable {
    private let resolved: Mutex<TimeZone?>
    private let lookUp: @Sendable () -> TimeZone

    init(_ lookUp: @escaping @Sendable () -> TimeZone) {
        resolved = Mutex(nil)
        self.lookUp = lookUp
    }

    init(_ zone: TimeZone) {
        resolved = Mutex(zone)
        lookUp = { zone }
    }

    /// The zone; looked up outside the lock, the first lookup kept.
    var zone: TimeZone {
        if let zone = resolved.withLock({ $0 }) { return zone }
        let found = lookUp()
        return resolved.withLock { current in
            if let current { return current }
            current = found
            return found
        }
    }
}
