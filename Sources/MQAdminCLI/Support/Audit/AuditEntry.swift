import Foundation

/// One line of `~/.mqadmin/audit.jsonl`: a change mqadmin applied (or was asked to apply and refused).
struct AuditEntry: Codable, Sendable, Equatable {
    /// ISO-8601 with milliseconds and the local offset (`2026-12-03T19:04:05.123+01:00`).
    var time: String
    /// The operating-system account that ran mqadmin.
    var user: String
    var target: AuditTarget
    /// The command path as declared (`topic create`, `deleteTopic`).
    var command: String
    /// The command line after `mqadmin`, secrets replaced by `***` (`AuditRedaction`).
    var argv: [String]
    /// `ok`, `failed`, or `refused` (a read-only context).
    var result: String
    var exit: Int32
    /// The error line the command printed, null when it succeeded.
    var error: String?
    /// The undo journal entry the command saved (`mqadmin offset undo --id ID`), null when none.
    var journalId: String?

    /// Every key written, null included, so each line has the same shape.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(time, forKey: .time)
        try c.encode(user, forKey: .user)
        try c.encode(target, forKey: .target)
        try c.encode(command, forKey: .command)
        try c.encode(argv, forKey: .argv)
        try c.encode(result, forKey: .result)
        try c.encode(exit, forKey: .exit)
        try c.encode(error, forKey: .error)
        try c.encode(journalId, forKey: .journalId)
    }

    /// Milliseconds since the epoch of `time`, nil when the line's time does not parse.
    var millis: Int64? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = f.date(from: time) else { return nil }
        return Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// `date` as the `time` field writes it: the one clock (`TimeFormat`), in the display zone.
    static func timeText(_ date: Date) -> String {
        TimeFormat.logTime(date, in: TimeFormat.zone)
    }
}

/// What an audited command was pointed at.
struct AuditTarget: Codable, Sendable, Equatable {
    var context: String?
    var nameServers: [String]?
    var dataDirectory: String?

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(context, forKey: .context)
        try c.encode(nameServers, forKey: .nameServers)
        try c.encode(dataDirectory, forKey: .dataDirectory)
    }

    init(context: String? = nil, nameServers: [String]? = nil, dataDirectory: String? = nil) {
        self.context = context
        self.nameServers = nameServers
        self.dataDirectory = dataDirectory
    }

    init(_ resolved: ResolvedTarget) {
        self.init(
            context: resolved.context?.name, nameServers: resolved.nameServers.isEmpty ? nil : resolved.nameServers,
            dataDirectory: resolved.dataDirectory)
    }

    init(_ session: Session) {
        switch session.target {
        case .cluster(let ns): self.init(context: session.context?.name, nameServers: ns)
        case .runningBroker(let ns, let dir): self.init(nameServers: [ns], dataDirectory: dir)
        case .embedded(let dir): self.init(dataDirectory: dir)
        }
    }

    /// `prod (10.0.0.1:9876)`, `10.0.0.1:9876`, `bundled ~/.mqadmin/data`: one cell of `mqadmin audit`.
    var text: String {
        let place = dataDirectory.map { "bundled \(BundledStore.abbreviate($0))" }
            ?? (nameServers ?? []).joined(separator: ";")
        return context.map { "\($0) (\(place))" } ?? place
    }
}
