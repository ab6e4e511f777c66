/// Apache's queue allocation strategies, shared by the client's rebalance and the broker's QUERY_ASSIGNMENT
/// (server-side rebalance), so both sides split a topic's queues the same way.
public enum QueueAllocationStrategy {
    /// Apache's AllocateMessageQueueAveragely: a contiguous block each, the first `n % c` members one more.
    /// Both lists are taken as given (Apache's rebalance sorts them first; callers that mimic it sort too).
    public static func averagely(_ queues: [MessageQueue], clients: [String], me: String) -> [MessageQueue] {
        guard let index = clients.firstIndex(of: me), !queues.isEmpty else { return [] }
        let n = queues.count
        let c = clients.count
        let mod = n % c
        let size = n <= c ? 1 : (mod > 0 && index < mod ? n / c + 1 : n / c)
        let start = mod > 0 && index < mod ? index * size : index * size + mod
        let count = min(size, n - start)
        guard count > 0 else { return [] }
        return (0..<count).map { queues[(start + $0) % n] }
    }

    /// Apache's AllocateMessageQueueAveragelyByCircle: queue i to member i mod c.
    public static func averagelyByCircle(_ queues: [MessageQueue], clients: [String], me: String) -> [MessageQueue] {
        guard let index = clients.firstIndex(of: me) else { return [] }
        return queues.indices.filter { $0 % clients.count == index }.map { queues[$0] }
    }
}
