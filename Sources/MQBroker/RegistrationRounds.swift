/// Which registration round answers whom: a topic change counts one request; a caller waiting for "everything asked
/// so far" is answered by the first round that started after the last of those requests. Pure bookkeeping (the
/// registrar holds it under a lock and does the I/O), so a create that lands while a round started by its own change
/// runs waits for that round only, not for one more full registration.
struct RegistrationRounds<Waiter> {
    private(set) var requested: UInt64 = 0
    /// The requests the running round carries (all of those made before it started).
    private(set) var running: UInt64?
    /// The requests carried by the rounds that ended.
    private(set) var registered: UInt64 = 0
    private var waiters: [(request: UInt64, waiter: Waiter)] = []
    private(set) var finished = false

    var isWaitedOn: Bool { !waiters.isEmpty }

    /// A change to register.
    mutating func request() { requested += 1 }

    /// Queues `waiter` until the requests made so far are registered. `answerNow`: nothing is left to wait for (or
    /// rounds have ended for good); `needsRound`: no running round carries them, so one must be woken.
    mutating func wait(_ waiter: Waiter) -> (answerNow: Bool, needsRound: Bool) {
        guard !finished, registered < requested else { return (true, false) }
        waiters.append((requested, waiter))
        return (false, (running ?? 0) < requested)
    }

    /// A round starts: it carries every request made so far.
    mutating func start() -> UInt64 {
        running = requested
        return requested
    }

    /// The round carrying `requests` ended: the waiters it answers.
    mutating func end(carrying requests: UInt64) -> [Waiter] {
        running = nil
        registered = max(registered, requests)
        let done = waiters.filter { $0.request <= requests }.map(\.waiter)
        waiters.removeAll { $0.request <= requests }
        return done
    }

    /// No more rounds: every waiter, now and later, is answered at once.
    mutating func finish() -> [Waiter] {
        finished = true
        defer { waiters = [] }
        return waiters.map(\.waiter)
    }
}

extension RegistrationRounds: Sendable where Waiter: Sendable {}
