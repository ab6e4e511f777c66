/// Names of topics the broker creates for itself (wire.md §6.4).
public enum SystemTopics {
    public static let autoCreateTemplate = "TBW102"
    public static let schedule = "SCHEDULE_TOPIC_XXXX"
    public static let selfTest = "SELF_TEST_TOPIC"
    public static let offsetMovedEvent = "OFFSET_MOVED_EVENT"
    public static let trace = "RMQ_SYS_TRACE_TOPIC"
    /// Where timer messages wait until they fire (Apache's TimerMessageStore.TIMER_TOPIC).
    public static let timer = "rmq_sys_wheel_timer"
    public static let retryPrefix = "%RETRY%"
    public static let dlqPrefix = "%DLQ%"

    static let names: Set<String> = [
        autoCreateTemplate, schedule, selfTest, offsetMovedEvent, trace, "BenchmarkTest", "RMQ_SYS_TRANS_HALF_TOPIC",
        "RMQ_SYS_TRANS_OP_HALF_TOPIC", "TRANS_CHECK_MAX_TIME_TOPIC", "CHECKPOINT_TOPIC",
    ]

    public static func isSystem(_ topic: String) -> Bool {
        names.contains(topic) || topic.hasPrefix("rmq_sys_")
    }

    /// Topics producers may not send to directly.
    public static func isSendForbidden(_ topic: String) -> Bool {
        topic == schedule || topic == "RMQ_SYS_TRANS_HALF_TOPIC" || topic == "RMQ_SYS_TRANS_OP_HALF_TOPIC"
            || topic == "TRANS_CHECK_MAX_TIME_TOPIC" || topic == timer
    }

    public static func retryTopic(_ group: String) -> String { retryPrefix + group }
    public static func dlqTopic(_ group: String) -> String { dlqPrefix + group }

    /// Apache's topic name rule: `[%|a-zA-Z0-9_-]`, at most 127 bytes (255 for retry/DLQ topics).
    public static func validate(topic: String) -> String? {
        if topic.isEmpty { return "the topic name is empty" }
        let limit = topic.hasPrefix(retryPrefix) || topic.hasPrefix(dlqPrefix) ? 255 : 127
        if topic.utf8.count > limit { return "the topic name \"\(topic)\" is longer than \(limit) characters" }
        if let bad = topic.unicodeScalars.first(where: { !isNameCharacter($0) }) {
            return "the topic name \"\(topic)\" contains the illegal character '\(bad)'; use letters, digits, %, |, _ and -"
        }
        return nil
    }

    /// Apache's group name rule: `[%|a-zA-Z0-9_-]`, at most 120 characters.
    public static func validate(group: String) -> String? {
        if group.isEmpty { return "the group name is empty" }
        if group.utf8.count > 120 { return "the group name \"\(group)\" is longer than 120 characters" }
        if let bad = group.unicodeScalars.first(where: { !isNameCharacter($0) }) {
            return "the group name \"\(group)\" contains the illegal character '\(bad)'; use letters, digits, %, |, _ and -"
        }
        return nil
    }

    static func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "a"..."z", "A"..."Z", "0"..."9", "%", "|", "_", "-": return true
        default: return false
        }
    }
}
