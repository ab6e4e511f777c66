import MQProtocol

/// Whether a consumer group has consumed a message (Apache's MessageTrack).
public struct MessageTrack: Sendable, Hashable, Codable {
    /// CONSUMED, CONSUMED_BUT_FILTERED, NOT_CONSUME_YET, NOT_ONLINE, PULL, CONSUME_BROADCASTING, UNKNOWN.
    public var trackType: String
    public var consumerGroup: String
    public var exceptionDesc: String?

    /// Apache's `MessageTrack.toString()`.
    public var javaDescription: String {
        "MessageTrack [consumerGroup=\(consumerGroup), trackType=\(trackType), "
            + "exceptionDesc=\(exceptionDesc ?? "null")]"
    }
}

extension MQClientInstance {
    /// For every group that consumes the message's topic (committed offsets on it, or an online
    /// subscription), whether it consumed the message: its committed offset on the message's queue
    /// is past the message, and its subscription's tags match.
    public func messageTracks(_ message: MessageExt) async throws -> [MessageTrack] {
        let sample = try await backlogSample(topic: message.topic)
        let broker = await brokerName(of: message.storeHost)
        let groups = Set(sample.queues.map(\.group)).filter { !$0.isEmpty }.sorted()
        var tracks: [MessageTrack] = []
        for group in groups {
            var track = MessageTrack(trackType: "UNKNOWN", consumerGroup: group)
            guard let connection = try? await consumerConnection(group: group) else {
                track.trackType = "NOT_ONLINE"
                track.exceptionDesc = "CODE:206 DESC:the consumer group[\(group)] not online"
                tracks.append(track)
                continue
            }
            if connection.messageModel == .broadcasting {
                track.trackType = "CONSUME_BROADCASTING"
            } else if connection.consumeType == .consumeActively {
                track.trackType = "PULL"
            } else {
                let committed = sample.queues.first {
                    $0.group == group && $0.queue.brokerName == broker && $0.queue.queueId == message.queueId
                        && $0.queue.topic == message.topic
                }?.committedOffset
                if let committed, committed > message.queueOffset {
                    let expression = connection.subscriptionTable[message.topic]?.subString ?? "*"
                    let matches = SubscriptionFilter(expression: expression).matches(tags: message.tags)
                    track.trackType = matches ? "CONSUMED" : "CONSUMED_BUT_FILTERED"
                } else {
                    track.trackType = "NOT_CONSUME_YET"
                }
            }
            tracks.append(track)
        }
        return tracks
    }
}
