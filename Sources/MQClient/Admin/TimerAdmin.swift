import MQProtocol

extension MQClientInstance {
    /// What a broker's timer holds, per topic and minute (MQADMIN_TIMER_LIST, served by the bundled broker only;
    /// an Apache broker's refusal names its version).
    public func timerList(broker address: String, topic: String?, withinMillis: Int64?) async throws -> TimerListBody {
        let request = RemotingCommand.request(
            .mqadminTimerList, header: TimerListRequestHeader(topic: topic, withinMillis: withinMillis))
        let response = try await invoke(address, request)
        try response.expect(from: address)
        return try decode(TimerListBody.self, response)
    }
}
