import MQClient
import MQProtocol

extension MQClientInstance {
    /// Every message stored in queues 0..<queues of `topic` on `brokerName`, pulled from the start as `group`
    /// until a pull finds nothing more.
    public func pullEverything(
        topic: String, queues: Int32, brokerName: String = "broker-a", group: String
    ) async throws -> [MessageExt] {
        var all: [MessageExt] = []
        for id in 0..<queues {
            let queue = MessageQueue(topic: topic, brokerName: brokerName, queueId: id)
            var offset: Int64 = 0
            while true {
                let pulled = try await pull(group: group, queue: queue, offset: offset)
                if pulled.messages.isEmpty { break }
                all += pulled.messages
                offset = pulled.nextBeginOffset
            }
        }
        return all
    }
}
