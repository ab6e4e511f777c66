import MQBroker
import MQProtocol

/// QueryRoute (design pop-grpc.md §4.5, §4.7): this broker's queues of a topic, each naming the gRPC endpoint the
/// client reached (`endpoints` of the request, else this endpoint's address) as broker id 0 (the clients use only
/// id 0), with the message types the topic accepts.
enum GrpcQueryRoute {
    static func answer(
        _ request: Apache_Rocketmq_V2_QueryRouteRequest, core: BrokerCore, fallback: V2Endpoints
    ) -> Apache_Rocketmq_V2_QueryRouteResponse {
        var response = Apache_Rocketmq_V2_QueryRouteResponse()
        let name = request.topic.name
        if let why = SystemTopics.validate(topic: name) {
            response.status = V2Status(.illegalTopic, why)
            return response
        }
        guard let config = core.topics.topic(name) else {
            response.status = V2Status(
                .topicNotFound, "topic \(name) does not exist on broker \(core.config.brokerName)")
            return response
        }
        var broker = Apache_Rocketmq_V2_Broker()
        broker.name = core.config.brokerName
        broker.id = 0
        broker.endpoints = request.endpoints.addresses.isEmpty ? fallback : request.endpoints
        let accepted = acceptedTypes(config.messageType)
        let perm = config.perm & core.live.withLockedValue { $0.brokerPermission }
        response.messageQueues = queues(of: config, perm: perm).map { id, permission in
            var queue = Apache_Rocketmq_V2_MessageQueue()
            queue.topic = request.topic
            queue.id = id
            queue.permission = permission
            queue.broker = broker
            queue.acceptMessageTypes = accepted
            return queue
        }
        response.status = .ok
        return response
    }

    /// Each queue id with what it allows: readable below readQueueNums when the topic (and broker) may be read,
    /// writable below writeQueueNums when it may be written. Real queue ids (Apache's proxy numbers its virtual
    /// queues read-only first; receives and sends here name queues by their id, so they stay the broker's).
    static func queues(of config: TopicConfig, perm: Int32) -> [(Int32, Apache_Rocketmq_V2_Permission)] {
        let mayRead = perm & 4 != 0
        let mayWrite = perm & 2 != 0
        return (0..<config.queueCount).compactMap { id in
            let read = mayRead && id < config.readQueueNums
            let write = mayWrite && id < config.writeQueueNums
            switch (read, write) {
            case (true, true): return (id, .readWrite)
            case (true, false): return (id, .read)
            case (false, true): return (id, .write)
            case (false, false): return nil
            }
        }
    }

    /// Apache's `RouteActivity.parseTopicMessageType`: absent → NORMAL, MIXED → the four, an unknown value →
    /// unspecified.
    static func acceptedTypes(_ messageType: String) -> [V2MessageType] {
        switch TopicMessageType(rawValue: messageType.uppercased()) {
        case .normal: return [.normal]
        case .fifo: return [.fifo]
        case .delay: return [.delay]
        case .transaction: return [.transaction]
        case .mixed: return [.normal, .fifo, .delay, .transaction]
        case .unspecified, nil: return [.unspecified]
        }
    }
}
