import ArgumentParser

/// `--utc`: print and read times in UTC instead of `MQADMIN_TZ` or the local zone (`DisplayZone`).
public struct ClockOptions: ParsableArguments {
    static let utcFlag = "--utc"
    /// Also `OutputOptions.utc`'s help: one text for the flag wherever it is declared.
    static let utcHelp = "Print and read times in UTC (default: MQADMIN_TZ, else the local time zone)."

    // Read by `DisplayZone` from the command line before parsing; declared so that commands accept it and
    // their help lists it.
    @Flag(help: ArgumentHelp(utcHelp))
    public var utc = false

    public init() {}
}
