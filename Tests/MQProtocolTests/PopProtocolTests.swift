import MQProtocol
import NIOCore
import Testing

/// POP's wire strings against text written by hand from Apache's `ExtraInfoUtil`, `BatchAck` (fastjson, a Java
/// `BitSet` as base64 of `toByteArray()`) and the request headers' field names.
@Suite struct PopProtocolTests {
    @Test func handleIsWrittenAndReadAsApacheBuildsIt() throws {
        // buildExtraInfo(5, 1700000000000, 30000, 0, "T", "broker-a", 1, 6)
        let handle = PopExtraInfo(
            ckQueueOffset: 5, popTime: 1_700_000_000_000, invisibleTime: 30_000, reviveQueueId: 0,
            topicFlag: PopTopicFlag(topic: "T"), brokerName: "broker-a", queueId: 1, queueOffset: 6)
        #expect(handle.description == "5 1700000000000 30000 0 0 broker-a 1 6")
        #expect(handle.nextVisibleTime == 1_700_000_030_000)
        #expect(!handle.isOrderly)

        let retry = try #require(PopExtraInfo(parsing: "0 1700000000000 60000 999 1 broker-a 0 3 12345"))
        #expect(retry.topicFlag == .retry && retry.isOrderly && retry.commitLogOffset == 12_345)
        #expect(retry.topicFlag.realTopic(topic: "T", group: "G") == "%RETRY%G_T")
        #expect(PopTopicFlag.retryV2.realTopic(topic: "T", group: "G") == "%RETRY%G+T")
        #expect(PopTopicFlag(topic: "%RETRY%G_T") == .retry)
        #expect(retry.description == "0 1700000000000 60000 999 1 broker-a 0 3 12345")

        for bad in ["", "1 2 3", "a 1 2 3 0 b 1 2", "1 2 3 4 5 b 1 2", "1 2 3 4 0  1 2", "1 2 3 4 0 b 1 2 x",
            "1 2 3 4 0 b 1 2 3 4", "1 2 3 4 0 b 99999999999 2"]
        {
            #expect(PopExtraInfo(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func offsetInfoStringsMatchApache() throws {
        var start = PopOffsetInfo()
        start.addStartOffset(retry: false, queueId: 1, startOffset: 5)
        start.addStartOffset(retry: true, queueId: 0, startOffset: 3)
        #expect(start.headerValue == "0 1 5;1 0 3")

        var msg = PopOffsetInfo()
        msg.addMessageOffsets(retry: false, queueId: 1, offsets: [5, 6, 7])
        msg.addMessageOffsets(retry: true, queueId: 0, offsets: [3])
        #expect(msg.headerValue == "0 1 5,6,7;1 0 3")
        let parsed = try #require(PopOffsetInfo(parsing: "0 1 5,6,7;1 0 3"))
        #expect(parsed.offsets(retry: false, queueId: 1) == [5, 6, 7])
        #expect(parsed.offsets(retry: true, queueId: 0) == [3])
        #expect(parsed.offsets(retry: true, queueId: 1) == nil)

        var order = PopOffsetInfo()
        order.addOffsetOrderCount(retry: false, queueId: 2, offset: 40, count: 3)
        order.addQueueOrderCount(retry: false, queueId: 2, count: 1)
        #expect(order.headerValue == "0 qo2%40 3;0 2 1")
        #expect(PopOffsetInfo(parsing: "0 qo2%40 3;0 2 1")?.value(retry: false, key: "qo2%40") == "3")
        #expect(PopOffsetInfo().headerValue == nil)

        // Apache throws on a wrong field count and on a duplicate key.
        for bad in ["0 1", "0 1 2 3", "0 1 5;0 1 6", "2 1 5", ";"] {
            #expect(PopOffsetInfo(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func requestHeadersUseApacheFieldNames() throws {
        var pop = PopMessageRequestHeader(
            consumerGroup: "G", topic: "T", queueId: -1, maxMsgNums: 32, invisibleTime: 60_000, pollTime: 15_000,
            bornTime: 1_700_000_000_000, initMode: PopMessageRequestHeader.initModeMax)
        pop.order = true
        pop.attemptId = "a-1"
        var fields: [String: String] = [:]
        pop.encode(into: &fields)
        #expect(fields == [
            "consumerGroup": "G", "topic": "T", "queueId": "-1", "maxMsgNums": "32", "invisibleTime": "60000",
            "pollTime": "15000", "bornTime": "1700000000000", "initMode": "1", "order": "true", "attemptId": "a-1",
        ])
        #expect(try PopMessageRequestHeader(fields: HeaderFields(fields)) == pop)
        fields["initMode"] = nil
        #expect(throws: ProtocolError.missingField("initMode")) {
            try PopMessageRequestHeader(fields: HeaderFields(fields))
        }

        let ack = try AckMessageRequestHeader(fields: HeaderFields([
            "consumerGroup": "G", "topic": "%RETRY%G_T", "queueId": "0", "offset": "3",
            "extraInfo": "0 1700000000000 60000 0 1 broker-a 0 3",
        ]))
        #expect(ack.offset == 3 && ack.topic == "%RETRY%G_T")
        #expect(throws: ProtocolError.missingField("extraInfo")) {
            try AckMessageRequestHeader(fields: HeaderFields(["consumerGroup": "G", "topic": "T", "queueId": "0",
                "offset": "3"]))
        }

        let change = ChangeInvisibleTimeRequestHeader(
            consumerGroup: "G", topic: "T", queueId: 1, extraInfo: "x", offset: 6, invisibleTime: 5000)
        var changeFields: [String: String] = [:]
        change.encode(into: &changeFields)
        #expect(try ChangeInvisibleTimeRequestHeader(fields: HeaderFields(changeFields)) == change)

        var response = PopMessageResponseHeader(popTime: 1, invisibleTime: 2, reviveQid: 0, restNum: 4)
        response.msgOffsetInfo = "0 1 5"
        var responseFields: [String: String] = [:]
        response.encode(into: &responseFields)
        #expect(responseFields == ["popTime": "1", "invisibleTime": "2", "reviveQid": "0", "restNum": "4",
            "msgOffsetInfo": "0 1 5"])

        var notify: [String: String] = [:]
        NotificationResponseHeader(hasMsg: true).encode(into: &notify)
        #expect(notify == ["hasMsg": "true", "pollingFull": "false"])
        var polling: [String: String] = [:]
        PollingInfoResponseHeader(pollingNum: 2).encode(into: &polling)
        #expect(polling == ["pollingNum": "2"])
    }

    @Test func batchAckBodyIsFastjsonWithJavaBitSet() throws {
        // Offsets 5 and 7 acked of a pop starting at 5: bits {0, 2} → byte 0x05 → "BQ==".
        let ack = BatchAck(
            consumerGroup: "G", topic: "T", retry: "0", startOffset: 5, queueId: 1, reviveQueueId: 0,
            popTime: 1_700_000_000_000, invisibleTime: 30_000, ackedIndexes: [0, 2])
        let body = BatchAckMessageRequestBody(brokerName: "broker-a", acks: [ack])
        let command = RemotingCommand.request(.batchAckMessage).withJSONBody(body)
        let text = String(buffer: try #require(command.body))
        #expect(text == #"{"acks":[{"b":"BQ==","c":"G","it":30000,"pt":1700000000000,"q":1,"r":"0","rq":0,"so":5,"#
            + #""t":"T"}],"brokerName":"broker-a"}"#)
        #expect(try command.decodeBody(BatchAckMessageRequestBody.self) == body)
        #expect(ack.ackedOffsets == [5, 7])

        // Java's long names are read too; bits {0, 9} → bytes 01 02 → "AQI=".
        var long = RemotingCommand.request(.batchAckMessage)
        long.body = ByteBuffer(string: #"{"acks":[{"bitSet":"AQI=","consumerGroup":"G","topic":"T","retry":"1","#
            + #""startOffset":10,"queueId":0,"reviveQueueId":0,"popTime":1,"invisibleTime":2}]}"#)
        let decoded = try long.decodeBody(BatchAckMessageRequestBody.self)
        #expect(decoded.acks.first?.ackedOffsets == [10, 19])
        #expect(decoded.acks.first?.realTopic == "%RETRY%G_T")
    }

    @Test func popLogRecordsRoundTripWithShortKeys() throws {
        let ck = PopLogRecord.checkpoint(PopCheckpointRecord(
            group: "G", topic: "T", queueId: 1, startOffset: 5, deltas: [0, 1, 2], popTime: 1_700_000_000_000,
            invisibleTime: 30_000))
        #expect(String(decoding: ck.encodeBody(), as: UTF8.self)
            == #"{"d":[0,1,2],"g":"G","it":30000,"o":false,"pt":1700000000000,"q":1,"r":false,"so":5,"t":"T"}"#)
        let records: [PopLogRecord] = [
            ck,
            .checkpoint(PopCheckpointRecord(
                group: "G", topic: "T", queueId: 0, startOffset: 9, deltas: [0], popTime: 1, invisibleTime: 2,
                orderly: true, attempts: [3], autoRenew: true, clientId: "c-1")),
            .ack(PopAckRecord(group: "G", topic: "T", queueId: 1, popTime: 1_700_000_000_000, offsets: [5, 7])),
            .change(PopChangeRecord(
                group: "G", topic: "T", queueId: 1, offset: 6, popTime: 1, newPopTime: 2, invisibleTime: 60_000)),
            .revive(PopReviveRecord(
                group: "G", topic: "%RETRY%G_T", queueId: 0, popTime: 1, offsets: [6], destination: .dlq)),
        ]
        for record in records {
            #expect(try PopLogRecord(tag: record.tag, body: record.encodeBody()) == record)
        }
        let ack = PopLogRecord.ack(PopAckRecord(group: "G", topic: "T", queueId: 1, popTime: 7, offsets: [5]))
        #expect(String(decoding: ack.encodeBody(), as: UTF8.self) == #"{"ao":[5],"g":"G","pt":7,"q":1,"t":"T"}"#)
        #expect(throws: ProtocolError.self) { try PopLogRecord(tag: "zz", body: Array("{}".utf8)) }
        #expect(throws: ProtocolError.self) { try PopLogRecord(tag: "ck", body: Array(#"{"g":"G"}"#.utf8)) }
        #expect(throws: ProtocolError.self) { try PopLogRecord(tag: "ack", body: Array("not json".utf8)) }
    }

    @Test func popCodesHaveApacheNames() {
        #expect(RequestCode.popMessage.description == "POP_MESSAGE(200050)")
        #expect(RequestCode.batchAckMessage.description == "BATCH_ACK_MESSAGE(200151)")
        #expect(RequestCode.changeMessageInvisibleTime.description == "CHANGE_MESSAGE_INVISIBLETIME(200053)")
        #expect(ResponseCode.pollingTimeout.description == "POLLING_TIMEOUT(210)")
    }
}
