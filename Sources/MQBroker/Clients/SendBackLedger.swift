import NIOConcurrencyHelpers

/// Which connection of a group sent messages back (CONSUMER_SEND_MSG_BACK). Apache's retry messages do not name
/// the client that failed them; the broker does know, because the send-back arrives on the client's own
/// connection. `group doctor` reads this through the consumer connection list (mqadmin extension fields).
final class SendBackLedger: Sendable {
    struct Tally: Sendable {
        var count: Int64 = 0
        /// Original message ids of the latest send-backs, newest last.
        var recentIds: [String] = []
    }

    static let recentLimit = 16
    private let tallies = NIOLockedValueBox<[String: [UInt64: Tally]]>([:])

    func record(group: String, peerId: UInt64, originMessageId: String?) {
        tallies.withLockedValue { all in
            var t = all[group]?[peerId] ?? Tally()
            t.count += 1
            if let id = originMessageId {
                t.recentIds.removeAll { $0 == id }
                t.recentIds.append(id)
                if t.recentIds.count > Self.recentLimit { t.recentIds.removeFirst() }
            }
            all[group, default: [:]][peerId] = t
        }
    }

    func tallies(group: String) -> [UInt64: Tally] {
        tallies.withLockedValue { $0[group] ?? [:] }
    }

    /// A closed connection's tallies go with it (its client id may come back on a new connection, counted anew).
    func forget(peerId: UInt64) {
        tallies.withLockedValue { all in
            for group in all.keys { all[group]?[peerId] = nil }
        }
    }
}
