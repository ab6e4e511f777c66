import Synchronization

/// The server's live connections: admission against `maxConnections`, and the list `stop()` drains.
final class ConnectionRegistry: Sendable {
    private struct State {
        var connections: [UInt64: RemotingConnection] = [:]
        var stopping = false
    }

    private let maxConnections: Int
    private let state = Mutex(State())

    init(maxConnections: Int) {
        self.maxConnections = maxConnections
    }

    /// Adds `connection`, or returns why it is refused.
    func admit(_ connection: RemotingConnection) -> String? {
        state.withLock { state in
            if state.stopping { return "server is stopping" }
            if state.connections.count >= maxConnections {
                return "too many connections (limit \(maxConnections))"
            }
            state.connections[connection.id] = connection
            return nil
        }
    }

    func remove(_ connection: RemotingConnection) {
        _ = state.withLock { $0.connections.removeValue(forKey: connection.id) }
    }

    /// Refuses new connections from now on and returns the live ones.
    func beginStopping() -> [RemotingConnection] {
        state.withLock { state in
            state.stopping = true
            return Array(state.connections.values)
        }
    }

    /// Accepts connections again (the server was started after a stop).
    func reopen() {
        state.withLock { $0.stopping = false }
    }

    var count: Int { state.withLock { $0.connections.count } }
}
