import MQProtocol
import MQRemoting

/// The name server's KV config (namespaces of key/value pairs), in memory, and in kvConfig.json after every
/// change as Apache's KVConfigManager writes it.
extension NameServerProcessor {
    /// PUT_KV_CONFIG (100).
    func handlePutKV(_ request: RemotingCommand) throws -> RemotingCommand {
        let f = HeaderFields(request.extFields)
        let (ns, key, value) = (try f.require("namespace"), try f.require("key"), try f.require("value"))
        kv.withLockedValue { $0[ns, default: [:]][key] = value }
        try persistKV()
        return request.response()
    }

    /// GET_KV_CONFIG (101).
    func handleGetKV(_ request: RemotingCommand) throws -> RemotingCommand {
        let f = HeaderFields(request.extFields)
        let (ns, key) = (try f.require("namespace"), try f.require("key"))
        guard let value = kv.withLockedValue({ $0[ns]?[key] }) else {
            return request.response(.queryNotFound, remark: "No config item, Namespace: \(ns) Key: \(key)")
        }
        var response = request.response()
        response.extFields["value"] = value
        return response
    }

    /// DELETE_KV_CONFIG (102).
    func handleDeleteKV(_ request: RemotingCommand) throws -> RemotingCommand {
        let f = HeaderFields(request.extFields)
        let (ns, key) = (try f.require("namespace"), try f.require("key"))
        kv.withLockedValue { _ = $0[ns]?.removeValue(forKey: key) }
        try persistKV()
        return request.response()
    }

    /// GET_KVLIST_BY_NAMESPACE (219).
    func handleGetKVList(_ request: RemotingCommand) throws -> RemotingCommand {
        let ns = try HeaderFields(request.extFields).require("namespace")
        guard let table = kv.withLockedValue({ $0[ns] }) else {
            return request.response(.queryNotFound, remark: "No config item, Namespace: \(ns)")
        }
        return request.response().withJSONBody(KVTable(table: table))
    }

    /// Writes the whole table to kvConfig.json (on the KV thread: the route runs there).
    private func persistKV() throws {
        guard let kvFile else { return }
        try kvFile.save(kv.withLockedValue { $0 })
    }
}
