import ArgumentParser
import Foundation
import MQClient
import MQProtocol

/// Parsing of the values topic commands take, each failure a usage error naming the fix.
enum TopicArgs {
    /// A queue count: a positive 32-bit integer.
    static func queueCount(_ text: String, option: String) throws -> Int32 {
        guard let n = Int32(text.trimmingCharacters(in: .whitespaces)), n > 0 else {
            throw ValidationError("\(option) \"\(text)\" is not a positive number of queues (e.g. 8)")
        }
        return n
    }

    /// `RW`, `R`, `W` (any case, `RW-` too) or Apache's 6, 4, 2.
    static func perm(_ text: String, option: String) throws -> Int32 {
        switch text.trimmingCharacters(in: .whitespaces).uppercased() {
        case "RW", "RW-", "6": return PermName.read | PermName.write
        case "R", "R--", "4": return PermName.read
        case "W", "-W-", "2": return PermName.write
        default: throw ValidationError("\(option) \"\(text)\" is not a permission; use RW, R or W (or 6, 4, 2)")
        }
    }

    /// Apache's true/false options; anything else is refused rather than silently read as false.
    static func bool(_ text: String, option: String) throws -> Bool {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true": return true
        case "false": return false
        default: throw ValidationError("\(option) \"\(text)\" is not true or false")
        }
    }

    /// `--type`: a message type a topic may be created with, any case.
    static func messageType(_ text: String) throws -> TopicMessageType {
        let upper = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard let type = TopicMessageType(rawValue: upper), TopicMessageType.creatable.contains(type) else {
            let names = TopicMessageType.creatable.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--type \"\(text)\" is not a message type; use one of \(names)")
        }
        return type
    }

    static func topic(_ name: String) throws {
        if let why = SystemTopics.validate(topic: name) { throw ValidationError(why) }
    }

    /// Apache's `-a +a=b,+c=d,-e`.
    static func attributes(_ text: String, option: String) throws -> [String: String] {
        switch TopicAttributes.parse(text) {
        case .success(let map): return map
        case .failure(let error): throw ValidationError("\(option): \(error); use +KEY=VALUE to set, -KEY to remove")
        }
    }

    /// `--attribute KEY=VALUE` (repeatable) and `--remove-attribute KEY` as a modification map.
    static func attributes(set: [String], remove: [String] = []) throws -> [String: String] {
        var out: [String: String] = [:]
        for item in set {
            guard let eq = item.firstIndex(of: "="), eq != item.startIndex, item.index(after: eq) != item.endIndex
            else {
                throw ValidationError("--attribute \"\(item)\" is not KEY=VALUE (e.g. message.type=FIFO)")
            }
            out["+" + item[..<eq]] = String(item[item.index(after: eq)...])
        }
        for key in remove { out["-" + key] = "" }
        return out
    }
}
