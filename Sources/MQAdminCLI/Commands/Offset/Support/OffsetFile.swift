import Foundation

/// The file `offset export` writes and `offset import` reads (docs/json/groups.md).
struct OffsetFile: Codable {
    struct Entry: Codable {
        var topic: String
        var broker: String
        var queueId: Int32
        var offset: Int64
    }

    static let formatName = "mqadmin.offsets/v1"

    var format: String
    var group: String
    var exportedAt: Int64
    var exportedTime: String
    var offsets: [Entry]
}
