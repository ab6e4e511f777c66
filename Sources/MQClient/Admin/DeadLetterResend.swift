import Foundation
import MQProtocol

/// One DLQ message in a resend plan, and what a run did with it.
public struct DeadLetterResendItem: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// To be resent (plan) / not attempted.
        case pending
        /// Resent now, as this new message id.
        case resent(newMsgId: String)
        /// A previous run resent it (journal): skipped.
        case alreadyResent(newMsgId: String)
        /// A previous run died between sending it and recording the result: it may have been stored as
        /// `newMsgId`; skipped unless the run was asked to retry uncertain ones.
        case uncertain(newMsgId: String)
        /// Not resent, and why.
        case failed(String)
    }

    public var letter: DeadLetter
    /// Where it goes: ``DeadLetter/originalTopic``.
    public var topic: String?
    public var outcome: Outcome

    public var isFailure: Bool {
        if case .failed = outcome { return true }
        return false
    }
}

/// Resends DLQ messages to the topics they came from, journaling each one (``DeadLetterJournal``) so that no
/// message is resent twice across runs.
public struct DeadLetterResend: Sendable {
    public let client: MQClientInstance
    public let journal: DeadLetterJournal
    /// Where the journal lines say they were resent (a cluster's name servers or a data directory).
    public let target: String

    public init(client: MQClientInstance, journal: DeadLetterJournal, target: String) {
        self.client = client
        self.journal = journal
        self.target = target
    }

    /// The plan: every letter with its topic and what the journal already says about it. With
    /// `retryUncertain`, letters left uncertain by an interrupted run are planned again (under the new id the
    /// journal recorded, so a consumer that deduplicates on it can drop a second copy).
    public func plan(_ letters: [DeadLetter], retryUncertain: Bool = false) -> [DeadLetterResendItem] {
        let done = journal.latest(target: target)
        return letters.map { letter in
            var item = DeadLetterResendItem(letter: letter, topic: letter.originalTopic, outcome: .pending)
            switch done[letter.journalKey] {
            case let line? where line.state == .sent: item.outcome = .alreadyResent(newMsgId: line.newMsgId)
            case let line? where line.state == .sending && !retryUncertain:
                item.outcome = .uncertain(newMsgId: line.newMsgId)
            default:
                if item.topic == nil {
                    item.outcome = .failed("no RETRY_TOPIC property: the broker did not record its original topic")
                }
            }
            return item
        }
    }

    /// `plan` with the pending items whose topic cannot take them (deleted, no writable queue) marked failed, so
    /// the plan shows ahead what `execute` would refuse.
    public func checkTopics(_ plan: [DeadLetterResendItem]) async -> [DeadLetterResendItem] {
        var checked: [String: Writable] = [:]
        var out: [DeadLetterResendItem] = []
        for var item in plan {
            if item.outcome == .pending, let topic = item.topic {
                if checked[topic] == nil { checked[topic] = await writableQueues(topic) }
                if case .refused(let reason)? = checked[topic] { item.outcome = .failed(reason) }
            }
            out.append(item)
        }
        return out
    }

    /// Resends every pending item of `plan`, one at a time, and returns the plan with each outcome. Throws only
    /// when the journal cannot be written (nothing more is sent then); every other failure is the item's.
    public func execute(_ plan: [DeadLetterResendItem], progress: (DeadLetterResendItem) -> Void = { _ in })
        async throws -> [DeadLetterResendItem]
    {
        let producer = Producer(group: "MQADMIN_PRODUCER", client: client)
        let previous = journal.latest(target: target)
        var queues: [String: Writable] = [:]
        var turn = 0
        var out: [DeadLetterResendItem] = []
        for var item in plan {
            defer { out.append(item) }
            guard item.outcome == .pending, let topic = item.topic else { continue }
            if Task.isCancelled {
                item.outcome = .failed("not attempted: the run was interrupted")
                continue
            }
            if queues[topic] == nil { queues[topic] = await writableQueues(topic) }
            let targets: [MessageQueue]
            switch queues[topic]! {
            case .refused(let reason):
                item.outcome = .failed(reason)
                progress(item)
                continue
            case .queues(let found): targets = found
            }
            let letter = item.letter
            var (message, newId) = MessageCopy.forResend(letter.message, to: topic)
            if let earlier = previous[letter.journalKey], earlier.state == .sending {
                newId = earlier.newMsgId
                message.properties[MessageConst.uniqueKey] = newId
            }
            func line(_ state: DeadLetterJournalLine.State, error: String? = nil) -> DeadLetterJournalLine {
                DeadLetterJournalLine(
                    state: state, key: letter.journalKey, dlqMsgId: letter.message.msgId,
                    dlqOffsetMsgId: letter.message.offsetMsgId, topic: topic, newMsgId: newId, target: target,
                    time: Int64(Date().timeIntervalSince1970 * 1000), error: error)
            }
            try journal.append(line(.sending))
            let queue = targets[turn % targets.count]
            turn += 1
            do {
                let sent = try await producer.send(message, to: queue)
                try journal.append(line(.sent))
                item.outcome = .resent(newMsgId: sent.msgId)
            } catch let error as ClientError where Self.certainlyNotStored(error) {
                let reason = Self.reason(error, topic: topic)
                try journal.append(line(.failed, error: reason))
                item.outcome = .failed(reason)
            } catch {
                // A time-out, a lost connection, an interrupt: maybe stored, maybe not. The `sending` line stays,
                // so no later run resends it blindly.
                item.outcome = .failed("\(error) (it may have been stored as \(newId); the journal marks it uncertain)")
            }
            progress(item)
        }
        return out
    }

    /// The topic's writable queues on masters, or why it cannot be sent to. Never creates the topic (a producer
    /// would, through the auto-create template, where the broker allows it).
    private func writableQueues(_ topic: String) async -> Writable {
        let route: TopicRouteData
        do {
            route = try await client.route(topic: topic, refresh: true)
        } catch ClientError.topicNotFound {
            return .refused("topic \(topic) no longer exists")
        } catch {
            return .refused("cannot read the route of topic \(topic): \(error)")
        }
        var queues: [MessageQueue] = []
        for q in route.queueDatas.sorted(by: { $0.brokerName < $1.brokerName }) where PermName.isWriteable(q.perm) {
            guard route.brokerDatas.contains(where: { $0.brokerName == q.brokerName && $0.masterAddress != nil })
            else { continue }
            queues += (0..<q.writeQueueNums).map { MessageQueue(topic: topic, brokerName: q.brokerName, queueId: $0) }
        }
        guard !queues.isEmpty else {
            return .refused("topic \(topic) has no writable queue on a master broker")
        }
        return .queues(queues)
    }

    /// The broker refused the send, or it never left: a later run may try again without a duplicate.
    static func certainlyNotStored(_ error: ClientError) -> Bool {
        switch error {
        case .brokerError, .topicNotFound, .invalidArgument: return true
        default: return false
        }
    }

    static func reason(_ error: any Error, topic: String) -> String {
        if let e = error as? ClientError, e.responseCode == .topicNotExist {
            return "topic \(topic) no longer exists"
        }
        return "\(error)"
    }
}

/// A topic's writable queues, or why it cannot take resent messages.
enum Writable: Sendable {
    case queues([MessageQueue])
    case refused(String)
}
