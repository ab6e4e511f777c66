import MQProtocol

/// Client-side queue allocation strategies, for commands that show what a rebalance would decide.
public enum QueueAllocation {
    /// Apache's AllocateMessageQueueAveragely for `me` among `clients`, in the order given (Apache's allocate
    /// takes both lists as they are; its rebalance sorts them first, callers that mimic it must sort too).
    public static func averagely(_ queues: [MessageQueue], clients: [String], me: String) -> [MessageQueue] {
        QueueAllocationStrategy.averagely(queues, clients: clients, me: me)
    }

    /// The queues a client subscribing to `topic` sees in its route (Apache's topicRouteData2TopicSubscribeInfo):
    /// every read queue of every readable broker, broker by broker in the route's order.
    public static func subscribeQueues(topic: String, route: TopicRouteData) -> [MessageQueue] {
        route.queueDatas.filter { PermName.isReadable($0.perm) }.flatMap { q in
            (0..<q.readQueueNums).map { MessageQueue(topic: topic, brokerName: q.brokerName, queueId: $0) }
        }
    }
}
