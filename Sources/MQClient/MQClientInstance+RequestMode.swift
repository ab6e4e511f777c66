import MQProtocol

extension MQClientInstance {
    /// SET_MESSAGE_REQUEST_MODE (401) to one broker.
    public func setMessageRequestMode(_ body: SetMessageRequestModeBody, broker address: String) async throws {
        var request = RemotingCommand.request(.setMessageRequestMode)
        request.setJSONBody(body)
        try await invoke(address, request).expect(from: address)
    }

    /// GET_ALL_MESSAGE_REQUEST_MODE (402): the broker's table of modes.
    public func messageRequestModes(broker address: String) async throws -> MessageRequestModeTable {
        let response = try await invoke(address, .request(.getAllMessageRequestMode))
        try response.expect(from: address)
        return try response.decodeBody(MessageRequestModeTable.self)
    }
}
