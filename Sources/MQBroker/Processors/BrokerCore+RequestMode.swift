import MQProtocol
import MQRemoting

/// Message request modes (PULL / POP per topic and group) and server-side queue assignment, as Apache's
/// QueryAssignmentProcessor and MessageRequestModeManager (docs/design/pop-grpc.md §4.9).
extension BrokerCore {
    /// Apache's `defaultPopShareQueueNum`: a POP group without a stored entry pops every queue.
    static let defaultPopShareQueueNum: Int32 = -1

    /// SET_MESSAGE_REQUEST_MODE (401). A retry topic is always read by pull: NO_PERMISSION, as Apache.
    /// A body without topic or group, or with a mode other than PULL/POP, is refused SYSTEM_ERROR (the decoding).
    func handleSetMessageRequestMode(_ request: RemotingCommand) throws -> RemotingCommand {
        let body = try request.decodeBody(SetMessageRequestModeBody.self)
        if body.topic.hasPrefix(SystemTopics.retryPrefix) {
            return request.response(.noPermission, remark: "retry topic is not allowed to set mode")
        }
        try requestModes.set(body)
        return request.response()
    }

    /// GET_ALL_MESSAGE_REQUEST_MODE (402): the whole table.
    func handleGetAllMessageRequestMode(_ request: RemotingCommand) throws -> RemotingCommand {
        request.response().withJSONBody(requestModes.snapshot)
    }

    /// QUERY_ASSIGNMENT (400): the queues of this broker the client should read, and in which mode.
    /// `messageQueueAssignments` is absent when there is no valid answer (unknown topic, no live member, unknown
    /// strategy): Apache's client then keeps the queues it has.
    func handleQueryAssignment(_ request: RemotingCommand) throws -> RemotingCommand {
        let body = try request.decodeBody(QueryAssignmentRequestBody.self)
        let entry = requestModes.mode(topic: body.topic, group: body.consumerGroup)
        // Retry topics are always pulled; otherwise Apache's defaultMessageRequestMode, PULL.
        let mode = entry?.mode ?? .pull
        let share = entry?.popShareQueueNum ?? Self.defaultPopShareQueueNum
        let queues = assignedQueues(body, mode: mode, popShareQueueNum: share)
        let assignments = queues.map { $0.sorted().map { MessageQueueAssignment(messageQueue: $0, mode: mode) } }
        return request.response().withJSONBody(QueryAssignmentResponseBody(messageQueueAssignments: assignments))
    }

    private func assignedQueues(
        _ body: QueryAssignmentRequestBody, mode: MessageRequestMode, popShareQueueNum: Int32
    ) -> Set<MessageQueue>? {
        guard let all = readableQueues(body.topic) else { return nil }
        if body.messageModel == .broadcasting { return Set(all) }
        guard let clients = consumers.group(body.consumerGroup)?.clientIds,
            let allocate = Self.allocationStrategies[body.strategyName]
        else { return nil }
        guard !all.isEmpty, !clients.isEmpty else { return [] }
        guard mode == .pop else { return Set(allocate(all, clients, body.clientId)) }
        if popShareQueueNum <= 0 {
            // Every member pops every queue; queue id -1 lets the broker pick one per pop.
            return Set(all.map { MessageQueue(topic: $0.topic, brokerName: $0.brokerName, queueId: -1) })
        }
        guard let index = clients.firstIndex(of: body.clientId) else { return [] }
        if clients.count > all.count {
            // More members than queues: one queue each, so that every member has work.
            return [all[index % all.count]]
        }
        // Its own share plus the shares of the `popShareQueueNum` members after it (wrapping).
        var result = Set(allocate(all, clients, body.clientId))
        for step in 1...Int(popShareQueueNum) {
            result.formUnion(allocate(all, clients, clients[(index + step) % clients.count]))
        }
        return result
    }

    /// This broker's queues of `topic` when it is readable (none when it is not); nil for an unknown topic.
    private func readableQueues(_ topic: String) -> [MessageQueue]? {
        guard let config = topics.topic(topic) else { return nil }
        guard PermName.isReadable(config.perm) else { return [] }
        return (0..<config.readQueueNums).map {
            MessageQueue(topic: topic, brokerName: self.config.brokerName, queueId: $0)
        }
    }

    typealias Allocation = @Sendable (_ queues: [MessageQueue], _ clients: [String], _ me: String) -> [MessageQueue]

    /// Apache's two server-side strategies, by the names its clients send.
    static let allocationStrategies: [String: Allocation] = [
        "AVG": QueueAllocationStrategy.averagely,
        "AVG_BY_CIRCLE": QueueAllocationStrategy.averagelyByCircle,
    ]
}
