/// Failures of starting or running the broker, with what to do about them.
public enum BrokerError: Error, CustomStringConvertible, Equatable, Sendable {
    case dataDirectoryLocked(path: String, holder: String)
    case dataDirectoryUnusable(path: String, reason: String)
    case invalidConfiguration(String)
    case storeFailed(String)
    case corruptMetadata(path: String, reason: String)

    public var description: String {
        switch self {
        case .dataDirectoryLocked(let path, let holder):
            return "data directory \(path) is in use by another running broker (\(holder)); stop it or pass --data DIR"
        case .dataDirectoryUnusable(let path, let reason):
            return "cannot use data directory \(path): \(reason); fix its permissions or pass --data DIR"
        case .invalidConfiguration(let why):
            return why
        case .storeFailed(let why):
            return why
        case .corruptMetadata(let path, let reason):
            return "cannot read \(path): \(reason); restore it from \(path).bak or remove it to start empty"
        }
    }
}
