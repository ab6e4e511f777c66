/// A map keyed by `MessageQueue`, which fastjson writes with the queue object itself as the key:
/// `{{"brokerName":"b","queueId":0,"topic":"T"}:{...}}` (wire.md §4.0). Reads that form and the
/// standard-JSON one (the key as a JSON string holding the object); writes fastjson's form.
public struct MessageQueueMap<Value: Codable & Sendable>: Codable, Sendable {
    public var entries: [(queue: MessageQueue, value: Value)]

    public init(_ entries: [(queue: MessageQueue, value: Value)] = []) {
        self.entries = entries
    }

    public subscript(queue: MessageQueue) -> Value? {
        get { entries.first { $0.queue == queue }?.value }
        set {
            if let i = entries.firstIndex(where: { $0.queue == queue }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append((queue, newValue))
            }
        }
    }

    public var queues: [MessageQueue] { entries.map(\.queue) }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(JSONValue.self)
        guard case .object(let members) = raw else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected an object"))
        }
        let d = FastJSONDecoder()
        entries = try members.map { m in
            var key = m.key
            if case .string(let text) = key { key = try JSONReader.parse(text) }
            return (try d.decode(MessageQueue.self, from: key), try d.decode(Value.self, from: m.value))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        let e = FastJSONEncoder()
        let members = try entries.sorted { $0.queue < $1.queue }.map {
            JSONMember(key: try e.encodeToValue($0.queue), value: try e.encodeToValue($0.value))
        }
        var c = encoder.singleValueContainer()
        try c.encode(JSONValue.object(members))
    }
}
