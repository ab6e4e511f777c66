import MQProtocol
import MQStore
import NIOConcurrencyHelpers

/// The settings UPDATE_BROKER_CONFIG changed, kept as Java properties text in
/// `<data>/config/broker-overrides.properties` (mode 0600, written atomically) so they survive a restart.
/// They win over the configuration the broker starts with; deleting the file goes back to it.
final class BrokerOverrides: Sendable {
    static let fileName = "broker-overrides.properties"

    let path: String
    private let saved: NIOLockedValueBox<[String: String]>

    /// Reads the file (or its `.bak`); none yet is no overrides.
    init(directory: String) throws {
        path = directory + "/" + Self.fileName
        let bytes: [UInt8]?
        do {
            bytes = try AtomicFile.read(path)
        } catch {
            throw BrokerError.corruptMetadata(path: path, reason: "\(error)")
        }
        saved = NIOLockedValueBox(bytes.map { JavaProperties.parse(String(decoding: $0, as: UTF8.self)) } ?? [:])
    }

    var values: [String: String] { saved.withLockedValue { $0 } }

    /// `config` with the saved overrides applied; an override the broker no longer accepts stops the start
    /// rather than being dropped silently.
    func apply(to config: BrokerConfig) throws -> BrokerConfig {
        let overrides = values
        guard !overrides.isEmpty else { return config }
        switch BrokerLiveSettings(config).applying(overrides, reported: [:]) {
        case .success(let live): return live.applied(to: config)
        case .failure(let refusal):
            throw BrokerError.invalidConfiguration(
                "\(path): \(refusal.remark); correct or delete the file")
        }
    }

    /// Saves the overrides with `changes` merged in. Blocking (fsync): called only from the broker's admin thread,
    /// one change at a time, so the write runs outside the lock.
    func save(merging changes: [String: String]) throws {
        let next = values.merging(changes) { _, new in new }
        try AtomicFile.write(Array(JavaProperties.render(next).utf8), to: path)
        saved.withLockedValue { $0 = next }
    }
}
