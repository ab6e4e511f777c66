import MQClient
import MQProtocol

/// The JSON shape of one message (docs/json/messages.md): every record field, all properties,
/// times as epoch millis plus ISO-8601, and the body in the requested encoding.
struct MessageJSON: Encodable {
    struct Body: Encodable {
        var encoding: String
        var data: String
        /// Bytes of the body as sent (inflated).
        var size: Int
        var storedSize: Int
        var compressed: Bool
        var decompressError: OrNull<String>
    }

    var msgId: OrNull<String>
    var offsetMsgId: String
    var topic: String
    var broker: OrNull<String>
    var queueId: Int32
    var queueOffset: Int64
    var commitLogOffset: Int64
    var tags: OrNull<String>
    var keys: [String]
    var bornTimestamp: Int64
    var bornTime: String
    var bornHost: String
    var storeTimestamp: Int64
    var storeTime: String
    var storeHost: String
    var reconsumeTimes: Int32
    var sysFlag: Int32
    var flag: Int32
    var properties: [String: String]
    var body: Body

    init(_ v: MessageView, format: BodyFormat?) {
        let m = v.message
        msgId = OrNull(m.properties.uniqueKey)
        offsetMsgId = m.offsetMsgId
        topic = m.topic
        broker = OrNull(v.broker)
        queueId = m.queueId
        queueOffset = m.queueOffset
        commitLogOffset = m.commitLogOffset
        tags = OrNull(m.tags)
        keys = m.keys
        bornTimestamp = m.bornTimestamp
        bornTime = TimeFormat.iso(m.bornTimestamp)
        bornHost = m.bornHost.description
        storeTimestamp = m.storeTimestamp
        storeTime = TimeFormat.iso(m.storeTimestamp)
        storeHost = m.storeHost.description
        reconsumeTimes = m.reconsumeTimes
        sysFlag = m.sysFlag
        flag = m.flag
        properties = Dictionary(m.properties.map { ($0.name, $0.value) }, uniquingKeysWith: { _, b in b })
        body = Body(
            encoding: (format ?? v.autoFormat).rawValue, data: v.bodyString(format), size: v.body.count,
            storedSize: v.storedBodySize, compressed: v.compressed, decompressError: OrNull(v.inflateError))
    }
}
