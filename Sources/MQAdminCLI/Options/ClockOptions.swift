import ArgumentParser

/// `--utc`: print and read times in UTC instead of `MQADMIN_TZ` or the local zone (`DisplayZone`).
public struct ClockOptions: ParsableArguments {
    static let utcFlag = "--utc"

    // Read by `DisplayZone` from the command line before parsing; declared so that commands accept it and
    // their help lists it.
    @Flag(help: "Print and read times in UTC (default: MQADMIN_TZ, else the local time zone).")
    public var utc = false

    public init() {}
}
