import MQProtocol

/// What happened to one queue when a plan was applied.
public struct OffsetApplyResult: Sendable, Hashable {
    public var queue: MessageQueue
    public var offset: Int64
    /// nil when the broker accepted the new offset.
    public var error: String?
    /// The committed offset read back afterwards (nil when it could not be read or there is none).
    public var readBack: Int64?
    /// Why `readBack` is nil.
    public var readBackError: String?
    /// The group had online consumers, which may have consumed past the new offset before the read-back.
    public var groupOnline = false

    public var applied: Bool { error == nil }
    /// Applied and read back as planned, or (online group) at or past it: its consumer resumed from there.
    /// Below the new offset means a consumer overwrote the reset.
    public var verified: Bool {
        guard error == nil, let readBack else { return false }
        return readBack == offset || (groupOnline && readBack > offset)
    }
}

extension MQClientInstance {
    /// Applies a plan queue by queue (server-side reset, so online consumers follow), then reads every
    /// offset back. Failures do not stop the rest: the result says exactly which queues changed.
    public func apply(_ plan: OffsetPlan) async -> [OffsetApplyResult] {
        var results: [OffsetApplyResult] = []
        var unreachable: [String: String] = [:]
        let online =
            ((try? await consumerConnection(group: plan.group)) ?? nil).map { !$0.connectionSet.isEmpty } ?? false
        for change in plan.changes {
            let mq = change.queue
            var result = OffsetApplyResult(queue: mq, offset: change.new)
            result.groupOnline = online
            if let why = unreachable[mq.brokerName] {
                result.error = "not attempted: \(why)"
                results.append(result)
                continue
            }
            do {
                let addr = try await masterAddress(brokerName: mq.brokerName)
                try await resetOffset(group: plan.group, queue: mq, offset: change.new, broker: addr)
            } catch let error as ClientError {
                result.error = error.description
                // One time-out per broker is enough: the rest of its queues are reported, not retried.
                if error.isConnectivity { unreachable[mq.brokerName] = "broker \(mq.brokerName) did not answer" }
            } catch {
                result.error = "\(error)"
            }
            results.append(result)
        }
        return await readBack(group: plan.group, results)
    }

    /// Reads the committed offsets of the results' queues back from their brokers.
    public func readBack(group: String, _ results: [OffsetApplyResult]) async -> [OffsetApplyResult] {
        var out = results
        for i in out.indices {
            do {
                let addr = try await masterAddress(brokerName: out[i].queue.brokerName)
                out[i].readBack = try await committedOffset(group: group, queue: out[i].queue, broker: addr)
                if out[i].readBack == nil { out[i].readBackError = "no committed offset" }
            } catch {
                out[i].readBackError = "\(error)"
            }
        }
        return out
    }
}
