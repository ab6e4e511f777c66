/// What the man pages' ENVIRONMENT and FILES sections say, in one place each. DocsSyncTests checks that
/// every variable the sources read (through `Console.environment`) has a row here and every row is read somewhere,
/// so a command that starts reading a variable adds it here.
enum EnvironmentVariables {
    struct Variable: Sendable {
        var name: String
        var meaning: String
    }

    static let all: [Variable] = [
        Variable(
            name: "NAMESRV_ADDR",
            meaning: "Name server address(es), ';'-separated, when -n/--namesrv is not given. "
                + "Unset or empty: the bundled broker on the data directory."),
        Variable(name: "MQADMIN_DATA", meaning: "Data directory of the bundled broker when --data is not given."),
        Variable(
            name: "MQADMIN_CONTEXT",
            meaning: "Saved context (mqadmin context) to use when neither -n, --data, --context, NAMESRV_ADDR "
                + "nor MQADMIN_DATA names a target; wins over the current context."),
        Variable(
            name: "MQADMIN_TZ",
            meaning: "IANA time zone (Europe/Berlin, UTC) that times are printed and read in, unless --utc; "
                + "default the local zone. Classic Apache-named commands always use the local zone."),
        Variable(name: "TZ", meaning: "The local time zone."),
        Variable(name: "USER", meaning: "The OS user named in the audit log (else the numeric user id)."),
        Variable(name: "MQADMIN_ACCESS_KEY", meaning: "ACL user to sign requests as when --access-key is not given."),
        Variable(
            name: "MQADMIN_SECRET_KEY",
            meaning: "The ACL user's secret when neither --secret-key-file nor --secret-key-stdin is given."),
        Variable(
            name: "MQADMIN_ADMIN_PASSWORD",
            meaning: "Password of broker start's --admin-user when --admin-password-file is not given."),
        Variable(
            name: "MQADMIN_LOG",
            meaning: "Log level of the client libraries: trace, debug, info, notice, warning, error (default) "
                + "or critical."),
        Variable(name: "HOME", meaning: "Where the ~/.mqadmin files below are kept."),
        Variable(
            name: "TMPDIR",
            meaning: "Where classic query commands save message bodies unless --body-dir is given: "
                + "$TMPDIR/mqadmin-UID/msgbodys (default /tmp)."),
    ]
}

/// Files mqadmin keeps in the user's home directory. The code takes their paths from here, so the FILES
/// section of the man pages cannot name a different place.
enum HomeFile: CaseIterable, Sendable {
    case data, nameCache, journal, history, contexts, audit

    /// The path below the home directory.
    var relativePath: String {
        switch self {
        case .data: return ".mqadmin/data"
        case .nameCache: return ".mqadmin/cache"
        case .journal: return ".mqadmin/journal"
        case .history: return ".mqadmin/history"
        case .contexts: return ".mqadmin/contexts.json"
        case .audit: return ".mqadmin/audit.jsonl"
        }
    }

    var path: String { Console.current.home + "/" + relativePath }

    /// As people write it (and the man pages show it).
    var displayPath: String { "~/" + relativePath }

    var meaning: String {
        switch self {
        case .data:
            return "The bundled broker's default data directory (--data, MQADMIN_DATA): config/ holds topics, "
                + "groups, offsets, users and ACLs; store/ the commit log and consume queues; lock is held "
                + "by the running broker start."
        case .nameCache:
            return "Topic and group names for shell completion, one names-DIGEST.json per target (name servers, "
                + "data directory or context), refreshed in the background."
        case .journal: return "The offset change journal that offset undo reads (one file per change)."
        case .history: return "The REPL's command history."
        case .contexts: return "Saved contexts (mqadmin context): name servers, read-only, credentials file path; 0600."
        case .audit: return "One JSON line per change made (mqadmin audit): time, user, target, redacted command line, "
            + "result, journal id; 0600."
        }
    }
}
