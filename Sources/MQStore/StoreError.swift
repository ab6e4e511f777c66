/// Why the store could not be opened or used. Messages say what to do about it.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    /// The data directory cannot be created, read or written.
    case directoryNotUsable(path: String, reason: String)
    /// A file operation failed.
    case io(operation: String, path: String, reason: String)
    /// On-disk data is inconsistent in a way recovery does not repair by itself.
    case corrupt(path: String, reason: String)
    /// The configuration cannot work.
    case invalidConfig(String)
    /// The store was closed.
    case closed

    public var description: String {
        switch self {
        case .directoryNotUsable(let path, let reason):
            return "data directory \(path) is not writable: \(reason) — fix permissions or pass --data DIR"
        case .io(let operation, let path, let reason):
            return "cannot \(operation) \(path): \(reason)"
        case .corrupt(let path, let reason):
            return "store data at \(path) is damaged: \(reason) — restore it from a backup or move it aside"
        case .invalidConfig(let why):
            return "invalid store configuration: \(why)"
        case .closed:
            return "the message store is closed"
        }
    }

    init(_ failure: IOFailure) {
        self = .io(operation: failure.operation, path: failure.path, reason: failure.reason)
    }
}
