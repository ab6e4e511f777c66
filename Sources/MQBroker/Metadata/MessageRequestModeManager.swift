import Logging
import MQProtocol
import NIOConcurrencyHelpers

/// The message request mode of each (topic, group), persisted in `config/messageRequestMode.json` in Apache's
/// `MessageRequestModeSerializeWrapper` layout. Only SET_MESSAGE_REQUEST_MODE changes it (on the admin thread),
/// and each change is written before the request is answered, so there is nothing to flush later.
public final class MessageRequestModeManager: Sendable {
    private let state: NIOLockedValueBox<MessageRequestModeTable>
    private let file: ConfigFile<MessageRequestModeTable>
    private let logger: Logger

    init(path: String, logger: Logger, writer: MetadataWriter = .atomic) throws {
        file = ConfigFile(path: path, writer: writer)
        self.logger = logger
        state = NIOLockedValueBox(try file.load() ?? MessageRequestModeTable())
    }

    public var snapshot: MessageRequestModeTable { state.withLockedValue { $0 } }

    public func mode(topic: String, group: String) -> SetMessageRequestModeBody? {
        state.withLockedValue { $0.mode(topic: topic, group: group) }
    }

    /// Stores the entry and writes the table; on a failed write the table in memory keeps the change, as the
    /// other managers do, and the error goes back to the caller.
    public func set(_ entry: SetMessageRequestModeBody) throws {
        state.withLockedValue { $0.messageRequestModeMap[entry.topic, default: [:]][entry.consumerGroup] = entry }
        try file.save { snapshot }
        logger.info(
            "message request mode of group \(entry.consumerGroup) on topic \(entry.topic): \(entry.mode.rawValue)")
    }
}
