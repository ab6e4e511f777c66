import MQProtocol
import MQRemoting
import NIOCore

extension BrokerCore {
    /// UPDATE_BROKER_CONFIG (25): a Java properties body, applied all or nothing. Keys in `BrokerLiveSettings` change
    /// at once and are saved (`BrokerOverrides`) so they survive a restart; any other key refuses the whole request
    /// with a remark naming it, black-listed keys as Apache refuses them. A `brokerPermission` change re-registers
    /// with every name server before answering, so routes already show it when the tool reads them next.
    /// Runs on the admin thread: the save fsyncs.
    func handleUpdateBrokerConfig(_ request: RemotingCommand, peer: any RemotingPeer) -> ProcessResult {
        let changes = JavaProperties.parse(String(decoding: request.bodyBytes, as: UTF8.self))
        // Apache answers an empty body with success and changes nothing.
        guard !changes.isEmpty else { return .response(request.response()) }
        let current = liveSettings
        let next: BrokerLiveSettings
        switch current.applying(changes, reported: brokerProperties()) {
        case .failure(let refusal):
            logger.info("broker config change refused: \(refusal.remark)")
            return .response(request.response(refusal.code, remark: refusal.remark))
        case .success(let applied): next = applied
        }
        let saved = next.properties.filter { changes[$0.key] != nil }
        do {
            // A key that cannot change live but was given its current value changes nothing and is not saved.
            if !saved.isEmpty { try overrides.save(merging: saved) }
        } catch {
            return .response(request.response(.systemError, remark: "cannot save \(overrides.path): \(error)"))
        }
        live.withLockedValue { $0 = next }
        configVersion.withLockedValue { $0 = (counter: ($0?.counter ?? 0) + 1, timestamp: nowMillis()) }
        let summary = saved.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        logger.info("broker config updated: \(summary)")
        guard changes["brokerPermission"] != nil else { return .response(request.response()) }
        // A new data version makes every name server rewrite this broker's queue data from the registration.
        topics.bumpDataVersion()
        return answerAfterRegistration(request.response(), peer: peer)
    }
}
