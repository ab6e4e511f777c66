import MQProtocol
import MQRemoting
import MQStore

/// Timer messages on the send path: Apache's `HookUtils.handleScheduleMessage` (its timer half) and
/// `SendMessageProcessor.attachRecallHandle`. The timer service (`TimerMessageService`) takes it from there.
extension BrokerCore {
    /// Redirects a message carrying TIMER_DELIVER_MS, TIMER_DELAY_SEC or TIMER_DELAY_MS with a deliver time in the
    /// future to `rmq_sys_wheel_timer` queue 0, with REAL_TOPIC, REAL_QID and TIMER_OUT_MS (its slot: the time it
    /// fires at is one precision step later). A message with a delay level keeps the level and loses its timer
    /// properties; one already timed (TIMER_OUT_MS) or transactional (prepared, rollback) is left alone; one due
    /// now or earlier is stored as it is, unless it is a recall marker. Throws Apache's refusals.
    func applyTimer(_ message: inout MessageToStore, now: Int64 = nowMillis()) throws(SendRejection) {
        let tran = MessageSysFlag.transactionValue(message.sysFlag)
        guard tran == MessageSysFlag.transactionNotType || tran == MessageSysFlag.transactionCommitType,
            message.topic != SystemTopics.timer
        else { return }
        let timerKeys = [MessageConst.timerDeliverMS, MessageConst.timerDelaySec, MessageConst.timerDelayMS]
        if let level = message.properties[MessageConst.delayTimeLevel].flatMap({ Int($0) }), level > 0 {
            for key in timerKeys { message.properties[key] = nil }
            return
        }
        guard message.properties[MessageConst.timerOutMS] == nil,
            timerKeys.contains(where: { message.properties[$0] != nil })
        else { return }
        guard config.timer.enabled else {
            throw SendRejection(
                code: .systemError, remark: "accurate timer message is not enabled, timerWheelEnable is false")
        }
        guard let requested = Self.deliverTime(of: message.properties, now: now) else { throw timerIllegal() }
        guard requested > now else {
            if message.properties[MessageConst.timerDelUniqKey] != nil { throw timerIllegal() }
            return
        }
        guard requested - now <= config.timer.maxDelaySeconds &* 1000 else { throw timerIllegal() }
        let slot = Self.slot(of: requested, precision: config.timer.precisionMillis)
        message.properties[MessageConst.timerOutMS] = String(slot)
        message.properties[MessageConst.realTopic] = message.topic
        message.properties[MessageConst.realQueueId] = String(message.queueId)
        message.topic = SystemTopics.timer
        message.queueId = 0
        // The timer queue's tag code is the slot, so the timer service (and recovery) reads it from the queue.
        message.tagsCode = slot
    }

    /// Apache's deliver time: now + TIMER_DELAY_SEC × 1000, else now + TIMER_DELAY_MS, else TIMER_DELIVER_MS.
    /// Java's arithmetic (wrapping on overflow) and `Long.parseLong` (nil: not a number).
    static func deliverTime(of properties: MessageProperties, now: Int64) -> Int64? {
        if let text = properties[MessageConst.timerDelaySec] {
            return Int64(text).map { now &+ $0 &* 1000 }
        }
        if let text = properties[MessageConst.timerDelayMS] { return Int64(text).map { now &+ $0 } }
        return properties[MessageConst.timerDeliverMS].flatMap { Int64($0) }
    }

    /// TIMER_OUT_MS for a deliver time: rounded down to the precision, one step earlier when it is a multiple
    /// of it. The message fires at slot + precision: the first multiple of the precision at or after `deliverAt`.
    static func slot(of deliverAt: Int64, precision: Int64) -> Int64 {
        deliverAt % precision == 0 ? deliverAt - precision : deliverAt / precision * precision
    }

    func timerIllegal() -> SendRejection {
        SendRejection(
            code: .messageIllegal,
            remark: "timer message illegal, the delay time should not be bigger than the max delay "
                + "\(config.timer.maxDelaySeconds &* 1000)ms; or if set del msg, the delay time should be bigger "
                + "than the current time")
    }

    /// The recall handle of a stored timer message, nil for other messages, batches and retry topics (Apache's
    /// `attachRecallHandle`): its timestamp is TIMER_OUT_MS + 1, which a recall rounds back to the same slot.
    func recallHandle(for request: RemotingCommand, stored message: MessageToStore) -> String? {
        guard request.requestCode != .sendBatchMessage, request.requestCode != .consumerSendMsgBack,
            let slot = message.properties[MessageConst.timerOutMS].flatMap({ Int64($0) }),
            let realTopic = message.properties[MessageConst.realTopic],
            !realTopic.hasPrefix(SystemTopics.retryPrefix)
        else { return nil }
        return RecallHandle(
            topic: realTopic, brokerName: config.brokerName, timestamp: String(slot + 1),
            messageId: message.properties.uniqueKey ?? ""
        ).encoded
    }
}
