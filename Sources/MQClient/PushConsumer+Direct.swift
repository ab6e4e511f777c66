import MQProtocol
import MQRemoting
import NIOConcurrencyHelpers

/// CONSUME_MESSAGE_DIRECTLY (309): an admin asks one consumer, through the broker, to run its listener on one
/// stored message now (Apache's `ConsumeMessageConcurrentlyService#consumeMessageDirectly`). The message goes
/// past the queue flow: no offset moves, nothing is sent back, whatever the listener answers.
extension PushConsumer {
    /// Runs the handler once on `message` and says how it went and how long it took.
    func consumeDirectly(_ message: MessageExt, brokerName: String, handler: Handler) async
        -> ConsumeMessageDirectlyResult
    {
        var message = message
        // As pulled: a message of the group's retry topic shows its original topic.
        if message.topic == SystemTopics.retryTopic(group), let original = message.properties[MessageConst.retryTopic] {
            message.topic = original
        }
        let queue = MessageQueue(topic: message.topic, brokerName: brokerName, queueId: message.queueId)
        let start = ContinuousClock.now
        let status = await handler([message], queue)
        let spent = start.duration(to: .now)
        let outcome: ConsumeDirectlyOutcome
        switch status {
        case .success: outcome = .success
        case .reconsumeLater: outcome = .later
        case .consumedFirst(let n): outcome = n >= 1 ? .success : .later
        }
        let millis = spent.components.seconds * 1000 + spent.components.attoseconds / 1_000_000_000_000_000
        return ConsumeMessageDirectlyResult(consumeResult: outcome, spentTimeMills: millis)
    }

    /// Lets this client answer 309 for the group with `handler` (from `start` until `shutdown`).
    func acceptDirectConsumes(handler: @escaping Handler) {
        client.directConsumers.withLockedValue {
            $0[group] = { [weak self] message, brokerName in
                guard let self else { return nil }
                return await self.consumeDirectly(message, brokerName: brokerName, handler: handler)
            }
        }
    }

    func stopDirectConsumes() {
        _ = client.directConsumers.withLockedValue { $0.removeValue(forKey: group) }
    }
}

extension MQClientInstance {
    /// A group's answer to CONSUME_MESSAGE_DIRECTLY: nil when the group has no consumer here any more.
    typealias DirectConsumer = @Sendable (MessageExt, _ brokerName: String) async -> ConsumeMessageDirectlyResult?

    /// Answers at once when it cannot consume (Apache's SYSTEM_ERROR remarks); else runs the listener off the
    /// event loop and answers later through the invoker.
    func consumeMessageDirectly(_ request: RemotingCommand, from broker: String) -> RemotingCommand? {
        guard let header = try? request.decodeHeader(ConsumeMessageDirectlyRequestHeader.self) else {
            return request.response(.systemError, remark: "bad CONSUME_MESSAGE_DIRECTLY header")
        }
        let group = header.consumerGroup
        let notHere = "The Consumer Group <\(group)> not exist in this consumer"
        guard let consume = directConsumers.withLockedValue({ $0[group] }) else {
            return request.response(.systemError, remark: notHere)
        }
        guard var body = request.body, let message = try? MessageDecoder.decode(&body, readBody: true, decompress: true)
        else {
            return request.response(.systemError, remark: "no stored message in the request for \(header.msgId ?? "?")")
        }
        let brokerName = header.brokerName ?? ""
        let invoker = self.invoker
        Task {
            var response: RemotingCommand
            if let result = await consume(message, brokerName) {
                response = request.response()
                response.setJSONBody(result)
            } else {
                response = request.response(.systemError, remark: notHere)
            }
            invoker.reply(response, to: request, at: broker)
        }
        return nil
    }
}
