/// What an admin clean-up removed (CLEAN_UNUSED_TOPIC, CLEAN_EXPIRED_CONSUMEQUEUE, DELETE_EXPIRED_COMMITLOG):
/// the topics touched, how many files went and how many bytes they held. The bundled broker's answer body;
/// Apache's brokers answer these codes with no body.
public struct CleanupReport: Codable, Sendable, Equatable {
    public var topics: [String]
    public var files: Int
    public var bytes: Int64

    public init(topics: [String] = [], files: Int = 0, bytes: Int64 = 0) {
        self.topics = topics
        self.files = files
        self.bytes = bytes
    }
}
