import Foundation
import MQBroker
import MQProtocol

/// Renews the handles of push consumers before their invisible time ends, and gives back those of clients that went
/// away (Apache's proxy's `DefaultReceiptHandleManager`, design pop-grpc.md §1.3). One task of the endpoint runs
/// `run()`: a scan every `periodMillis`; each renewal is one CHANGE_MESSAGE_INVISIBLETIME through the broker's
/// handler on the client peer's event loop, as the client's own calls are.
struct GrpcRenewer {
    let state: GrpcEndpointState

    var policy: GrpcRenewPolicy { state.renew }

    /// Scans until cancelled (the endpoint stops).
    func run() async {
        while !Task.isCancelled {
            // A periodic timer: the next due time is not known in advance (handles come and go), as in Apache.
            try? await Task.sleep(for: .milliseconds(policy.periodMillis))
            guard !Task.isCancelled else { return }
            await scan(now: nowMillis())
        }
    }

    /// One round: clients gone (terminated, or no heartbeat for `GrpcClients.idleMillis`) lose their handles, due
    /// handles are renewed.
    func scan(now: Int64) async {
        guard let core = state.broker else { return }
        for clientId in state.handles.clientIds where !state.clients.isAlive(clientId, now: now) {
            await release(clientId: clientId)
        }
        let due = state.handles.due(now: now, ahead: policy.aheadMillis)
        await withTaskGroup(of: Void.self) { tasks in
            for (key, entry) in due { tasks.addTask { await renew(key, entry, core: core, now: now) } }
        }
    }

    func renew(_ key: GrpcReceiptHandles.Key, _ entry: GrpcReceiptHandles.Entry, core: BrokerCore, now: Int64) async {
        let changer = GrpcChangeInvisible(state: state, core: core, call: entry.call)
        guard now - entry.delivered < policy.maxMillis else {
            // Renewed long enough: given back with the group's retry delay and no longer renewed (Apache's
            // STOP_RENEW).
            state.handles.renewed(key, handle: nil, keep: false, maxFailures: policy.maxRetries)
            let delay = retryDelay(group: key.group, core: core, reconsumeTimes: entry.reconsumeTimes)
            _ = await changer.change(entry.handle, group: key.group, topic: entry.topic, invisible: delay)
            return
        }
        let invisible = policy.step(entry.renewals)
        switch await changer.change(entry.handle, group: key.group, topic: entry.topic, invisible: invisible) {
        case .success(let handle):
            state.handles.renewed(key, handle: handle, maxFailures: policy.maxRetries)
        case .failure(let refusal):
            // Acked, revived or changed meanwhile: nothing left to renew. Anything else is tried again next round.
            let gone = refusal.status.code == .invalidReceiptHandle
            if !gone {
                state.logger.warning("renewing the handle of \(key.messageId) failed: \(refusal.status.message)")
            }
            state.handles.renewed(key, handle: nil, keep: !gone, maxFailures: policy.maxRetries)
        }
    }

    /// The handles renewed for `clientId` come back promptly (Apache: invisible time `invisibleTimeMillisWhenClear`)
    /// rather than after their full invisible time.
    func release(clientId: String) async {
        await release(state.handles.takeAll(of: clientId))
    }

    /// Every handle comes back promptly (the endpoint stops, as Apache's proxy's shutdown does).
    func releaseAll() async { await release(state.handles.takeAll()) }

    private func release(_ taken: [(GrpcReceiptHandles.Key, GrpcReceiptHandles.Entry)]) async {
        guard let core = state.broker, !taken.isEmpty else { return }
        // The broker refuses invisible times below its minimum (Apache's broker takes any): no shorter than that.
        let invisible = max(policy.clearMillis, core.config.pop.minInvisibleTimeMillis)
        await withTaskGroup(of: Void.self) { tasks in
            for (key, entry) in taken {
                tasks.addTask {
                    let changer = GrpcChangeInvisible(state: state, core: core, call: entry.call)
                    _ = await changer.change(entry.handle, group: key.group, topic: entry.topic, invisible: invisible)
                }
            }
        }
    }

    /// The group's retry delay for a message delivered `reconsumeTimes` times before (its retry policy, as the
    /// settings reply tells clients), within the broker's bounds.
    func retryDelay(group: String, core: BrokerCore, reconsumeTimes: Int32) -> Int64 {
        let config = core.groups.group(group) ?? SubscriptionGroupConfig(groupName: group)
        let retry = GrpcSettingsReply.retryPolicy(of: config)
        let delay: Int64
        if case .exponentialBackoff(let e)? = retry.strategy {
            let grown = Double(GrpcReceive.millis(e.initial)) * pow(Double(e.multiplier), Double(reconsumeTimes))
            delay = Int64(min(grown, Double(GrpcReceive.millis(e.max))))
        } else {
            let next = retry.customizedBackoff.next
            delay = next.isEmpty ? 1_000 : GrpcReceive.millis(next[min(Int(max(reconsumeTimes, 0)), next.count - 1)])
        }
        let pop = core.config.pop
        return min(max(delay, pop.minInvisibleTimeMillis), pop.maxInvisibleTimeMillis)
    }
}
