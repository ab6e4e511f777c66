import MQClient
import MQProtocol

/// `timer list` output (docs/json/messages.md, "timer list").
struct TimerListView: Encodable {
    struct Bucket: Encodable {
        var topic: String
        /// Start of the minute the messages fire in (epoch ms), and as ISO-8601.
        var minute: Int64
        var minuteTime: String
        /// Messages that will be delivered in that minute (recalled ones left out).
        var fires: Int64
        /// Messages recalled before their time.
        var recalled: Int64
        var brokers: [String]
    }

    struct Broker: Encodable {
        var broker: String
        var address: String
        /// Timer messages waiting on the broker that will be delivered (all topics, all times).
        var pending: Int64
        /// Stored but not yet indexed by the broker's timer.
        var notIndexed: Int64
        var precisionMillis: Int64
        /// The broker had more buckets than it sends; the earliest are listed.
        var truncated: Bool
    }

    struct Failure: Encodable {
        var broker: String
        var address: String
        var error: String
    }

    var buckets: [Bucket]
    var brokers: [Broker]
    var failures: [Failure]

    init(_ answers: [(BrokerRef, TimerListBody)], failed: [(broker: BrokerRef, error: String)]) {
        struct Key: Hashable {
            var topic: String
            var minute: Int64
        }
        var merged: [Key: Bucket] = [:]
        let iso = TimeFormat.isoWriter()
        for (broker, body) in answers {
            for b in body.buckets {
                let key = Key(topic: b.topic, minute: b.minute)
                var bucket = merged[key] ?? Bucket(
                    topic: b.topic, minute: b.minute, minuteTime: iso(b.minute), fires: 0, recalled: 0, brokers: [])
                bucket.fires += max(0, b.messages - b.recalled)
                bucket.recalled += b.recalled
                bucket.brokers.append(broker.name)
                merged[key] = bucket
            }
        }
        buckets = merged.values.sorted { ($0.minute, $0.topic) < ($1.minute, $1.topic) }
        brokers = answers.map { broker, body in
            Broker(
                broker: broker.name, address: broker.address, pending: body.pendingTotal, notIndexed: body.notIndexed,
                precisionMillis: body.precisionMillis, truncated: body.truncated)
        }
        failures = failed.map { Failure(broker: $0.broker.name, address: $0.broker.address, error: $0.error) }
    }

    var table: String {
        var t = TextTable([.init("MINUTE"), .init("TOPIC"), .init("FIRES", .right), .init("RECALLED", .right)])
        for b in buckets {
            t.add(b.minuteTime, b.topic, String(b.fires), String(b.recalled))
        }
        var text = buckets.isEmpty ? "No timer message is waiting.\n" : t.render()
        for b in brokers where b.truncated {
            text += "broker \(b.broker) has more; only its earliest minutes are listed (narrow with -t or --within)\n"
        }
        return text
    }
}
