import Logging
import MQProtocol
import MQStore
import NIOConcurrencyHelpers
import NIOCore

/// `config/delayOffset.json`: how far each delay level's queue has been delivered.
struct DelayOffsetWrapper: Codable, Sendable {
    var dataVersion = DataVersion()
    var offsetTable: [Int: Int64] = [:]
}

/// Moves delayed messages (SCHEDULE_TOPIC_XXXX, queue = level − 1) back to their real topic when due.
final class ScheduleMessageService: Sendable {
    private let core: BrokerCore
    private let file: ConfigFile<DelayOffsetWrapper>
    private let state: NIOLockedValueBox<DelayOffsetWrapper>
    private let dirty = NIOLockedValueBox(false)

    init(core: BrokerCore, path: String, writer: MetadataWriter = .atomic) throws {
        self.core = core
        file = ConfigFile(path: path, writer: writer)
        state = NIOLockedValueBox(try file.load() ?? DelayOffsetWrapper())
    }

    var offsets: [Int: Int64] { state.withLockedValue { $0.offsetTable } }

    /// Delivers every due message of every level; called every 100 ms by the broker's delivery thread.
    func tick(now: Int64 = nowMillis()) {
        for level in 1...core.delayLevels.count { deliver(level: level, now: now) }
    }

    private func deliver(level: Int, now: Int64) {
        let queueId = Int32(level - 1)
        let store = core.store
        var offset = max(state.withLockedValue { $0.offsetTable[level] } ?? 0, store.minOffset(topic: SystemTopics.schedule, queueId: queueId))
        let start = offset
        let delay = core.delayLevels.delay(ofLevel: level)
        delivering: while true {
            let result = store.getMessages(
                topic: SystemTopics.schedule, queueId: queueId, offset: offset, maxCount: 64, maxBytes: 4 << 20,
                filter: nil)
            guard result.status == .found else {
                if result.status == .offsetTooSmall || result.status == .offsetOverflowBadly { offset = result.nextBeginOffset }
                break
            }
            for record in result.messages {
                guard let m = try? decodeRecord(record) else {
                    core.logger.error("skipping unreadable delayed message at \(SystemTopics.schedule)/\(queueId)/\(offset)")
                    offset += 1
                    continue
                }
                if m.storeTimestamp + delay > now { break delivering }
                guard restore(m) else { break delivering }
                offset = m.queueOffset + 1
            }
            if result.messages.isEmpty { break }
        }
        if offset != start {
            state.withLockedValue { $0.offsetTable[level] = offset }
            dirty.withLockedValue { $0 = true }
        }
    }

    /// Writes the message back to its real topic and queue. False when the store refused it.
    private func restore(_ m: MessageExt) -> Bool {
        var props = m.properties
        guard let topic = props[MessageConst.realTopic], let qid = props[MessageConst.realQueueId].flatMap({ Int32($0) })
        else {
            core.logger.error("delayed message \(m.offsetMsgId) has no real topic; dropped")
            return true
        }
        props[MessageConst.realTopic] = nil
        props[MessageConst.realQueueId] = nil
        props[MessageConst.delayTimeLevel] = nil
        let message = MessageToStore(
            topic: topic, queueId: qid, flag: m.flag, body: m.body, properties: props, sysFlag: m.sysFlag,
            bornTimestamp: m.bornTimestamp, bornHost: m.bornHost, reconsumeTimes: m.reconsumeTimes,
            preparedTransactionOffset: 0, tagsCode: core.tagsCode(props[MessageConst.tags]), storeTimestamp: nil)
        let result = core.store.put(message)
        if case .ok = result.status {
            core.stats.recordPut(topic: topic, messages: 1, bytes: m.body.readableBytes)
            return true
        }
        core.logger.warning("cannot deliver delayed message \(m.offsetMsgId) to \(topic): \(result.status)")
        return false
    }

    func persistIfDirty() {
        let changed = dirty.withLockedValue { d -> Bool in
            defer { d = false }
            return d
        }
        guard changed else { return }
        let snap = state.withLockedValue { s -> DelayOffsetWrapper in
            s.dataVersion.bump(now: nowMillis())
            return s
        }
        do { try file.save { snap } } catch { core.logger.error("cannot persist delay offsets: \(error)") }
    }
}
