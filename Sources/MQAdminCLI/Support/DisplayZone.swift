import Foundation

/// The one rule for the zone times are printed and read in: UTC with `--utc`, else `MQADMIN_TZ` (an IANA name
/// such as Europe/Berlin, or UTC), else the local zone (`TZ`). Classic Apache-named commands always use the local
/// zone, as Apache's JVM does, and take no `--utc`.
enum DisplayZone {
    static let variable = "MQADMIN_TZ"

    /// The zone for the command line `words` (command words resolved, global options behind them). Decided before
    /// parsing so that time options read in `validate()` are read in it too.
    static func resolve(_ words: [String], environment: [String: String]) throws -> TimeZone {
        if let first = words.first, ClassicCommands.names.contains(first) { return local(environment) }
        let options = words.prefix { $0 != "--" }
        if options.contains(ClockOptions.utcFlag) { return TimeZone(identifier: "UTC") ?? local(environment) }
        if let name = environment["MQADMIN_TZ"], !name.isEmpty {
            guard let zone = TimeZone(identifier: name) else {
                throw CLIError(
                    "\(variable)=\(name) is not a time zone; use an IANA name such as Europe/Berlin or UTC, "
                        + "or unset it for the local zone", exit: .usage)
            }
            return zone
        }
        return local(environment)
    }

    /// `TZ` of `environment` (an in-process command's own), else the process's zone.
    static func local(_ environment: [String: String]) -> TimeZone {
        guard var name = environment["TZ"], !name.isEmpty else { return .current }
        if name.hasPrefix(":") { name.removeFirst() }
        return TimeZone(identifier: name) ?? .current
    }
}
