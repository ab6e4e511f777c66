import Foundation
import MQClient
import MQProtocol

/// What Apache's queryMsgById / queryMsgByUniqueKey / queryMsgByOffset print per message: the label
/// layout, where the body was written, and whether each consuming group has consumed it.
enum ClassicMessageOutput {
    /// One message of a classic listing.
    struct Entry: Encodable {
        var message: MessageJSON
        var bodyPath: String
        var tracks: [MessageTrack]
    }

    /// Writes the body file (named after the message id, `_i` appended for i > 0) and looks up the tracks.
    static func entry(
        _ v: MessageView, index: Int, bodyDirectory: String, client: MQClientInstance
    ) async throws -> (Entry, [MessageTrack]?) {
        let name = v.message.msgId + (index > 0 ? "_\(index)" : "")
        let path = try MessageText.writeBody(v.body, directory: bodyDirectory, name: name)
        let tracks = try? await client.messageTracks(v.message)
        return (Entry(message: MessageJSON(v, format: nil), bodyPath: path, tracks: tracks ?? []), tracks)
    }

    /// The label layout plus the message-track lines (`WARN: No Consumer` when no group consumes the topic).
    static func text(
        _ v: MessageView, entry: Entry, tracks: [MessageTrack]?, offsetId: Bool, charsetBody: Bool,
        extraProperties: [(String, String)] = []
    ) -> String {
        var out = MessageText.apache(
            v, offsetId: offsetId, bodyPath: entry.bodyPath, charsetBody: charsetBody, extraProperties: extraProperties)
        guard let tracks else { return out + "\n\nWARN: cannot tell which groups consumed the message\n" }
        if tracks.isEmpty { return out + "\n\nWARN: No Consumer\n" }
        out += "\n\n"
        for t in tracks { out += t.javaDescription + "\n" }
        return out
    }
}
