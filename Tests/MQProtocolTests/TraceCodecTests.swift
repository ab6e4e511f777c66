import MQProtocol
import Testing

/// Trace records against text written by hand from Java's `TraceDataEncoder` (admin-trace-acl §5.3):
/// `\u{1}` between fields, `\u{2}` after each record, Java's `null` for null strings.
@Suite struct TraceCodecTests {
    static let pubText =
        "Pub\u{1}1714557600120\u{1}DefaultRegion\u{1}PG_ORDERS\u{1}Orders\u{1}0A0B0C0D00002A9F0000000000000001\u{1}"
        + "TagA\u{1}order-1 order-2\u{1}127.0.0.1:10911\u{1}42\u{1}3\u{1}0\u{1}7F00000100002A9F0000000000000BB8\u{1}"
        + "true\u{2}"

    static let pub = PubTrace(
        timestamp: 1_714_557_600_120, regionId: "DefaultRegion", group: "PG_ORDERS", topic: "Orders",
        msgId: "0A0B0C0D00002A9F0000000000000001", tags: "TagA", keys: "order-1 order-2", storeHost: "127.0.0.1:10911",
        bodyLength: 42, costTime: 3, msgType: 0, offsetMsgId: "7F00000100002A9F0000000000000BB8", success: true)

    @Test func pubIsWrittenAsJavaWritesIt() {
        #expect(TraceEncoder.encode(.pub(Self.pub)) == Self.pubText)
        var untagged = Self.pub
        untagged.tags = nil
        untagged.keys = nil
        untagged.success = false
        let text = TraceEncoder.encode(.pub(untagged))
        #expect(text.contains("\u{1}null\u{1}null\u{1}127.0.0.1:10911\u{1}"))
        #expect(text.hasSuffix("\u{1}false\u{2}"))
        #expect(TraceDecoder.decode(text).records == [.pub(untagged)])
    }

    @Test func subBeforeAndSubAfterAreWrittenAsJavaWritesThem() {
        let before = SubBeforeTrace(
            timestamp: 1_714_557_601_500, regionId: "DefaultRegion", group: "CG_A", requestId: "REQ1",
            msgId: "MSG1", retryTimes: 2, keys: "k1")
        #expect(
            TraceEncoder.encode(.subBefore(before))
                == "SubBefore\u{1}1714557601500\u{1}DefaultRegion\u{1}CG_A\u{1}REQ1\u{1}MSG1\u{1}2\u{1}k1\u{2}")
        let after = SubAfterTrace(
            requestId: "REQ1", msgId: "MSG1", costTime: 7, success: false, keys: nil, contextCode: 4,
            timestamp: 1_714_557_601_507, group: "CG_A")
        #expect(
            TraceEncoder.encode(.subAfter(after))
                == "SubAfter\u{1}REQ1\u{1}MSG1\u{1}7\u{1}false\u{1}null\u{1}4\u{1}1714557601507\u{1}CG_A\u{2}")
        // AccessChannel CLOUD leaves out time and group, after the context code's separator.
        var cloud = after
        cloud.timestamp = nil
        cloud.group = nil
        let cloudText = "SubAfter\u{1}REQ1\u{1}MSG1\u{1}7\u{1}false\u{1}null\u{1}4\u{1}\u{2}"
        #expect(TraceEncoder.encode(.subAfter(cloud)) == cloudText)
        #expect(
            TraceDecoder.decode(TraceEncoder.encode([.subBefore(before), .subAfter(after), .subAfter(cloud)]))
                == TraceDecoding(records: [.subBefore(before), .subAfter(after), .subAfter(cloud)]))
    }

    @Test func endTransactionAndRecallAreWrittenAsJavaWritesThem() {
        let end = EndTransactionTrace(
            timestamp: 1, regionId: "R", group: "PG", topic: "T", msgId: "M", tags: nil, keys: "k", storeHost: "h:1",
            msgType: 2, transactionId: "TX", transactionState: "ROLLBACK_MESSAGE", fromTransactionCheck: true)
        let endText = "EndTransaction\u{1}1\u{1}R\u{1}PG\u{1}T\u{1}M\u{1}null\u{1}k\u{1}h:1\u{1}2\u{1}TX\u{1}"
            + "ROLLBACK_MESSAGE\u{1}true\u{2}"
        #expect(TraceEncoder.encode(.endTransaction(end)) == endText)
        let recall = RecallTrace(timestamp: 5, regionId: "R", group: "PG", topic: "T", msgId: "M", success: true)
        #expect(TraceEncoder.encode(.recall(recall)) == "Recall\u{1}5\u{1}R\u{1}PG\u{1}T\u{1}M\u{1}true\u{2}")
        #expect(TraceDecoder.decode(endText + "Recall\u{1}5\u{1}R\u{1}PG\u{1}T\u{1}M\u{1}true\u{2}").records == [
            .endTransaction(end), .recall(recall),
        ])
    }

    @Test func decodesJavasOlderAndShorterForms() throws {
        // 13-field Pub (no offsetMsgId), 15-field Pub (old clientHost), SubAfter without context code.
        let p13 = "Pub\u{1}10\u{1}R\u{1}G\u{1}T\u{1}M\u{1}t\u{1}k\u{1}h:1\u{1}5\u{1}6\u{1}3\u{1}false"
        let p15 =
            "Pub\u{1}10\u{1}R\u{1}G\u{1}T\u{1}M\u{1}t\u{1}k\u{1}h:1\u{1}5\u{1}6\u{1}4\u{1}OFF\u{1}true\u{1}10.0.0.9"
        let s6 = "SubAfter\u{1}REQ\u{1}M\u{1}9\u{1}true\u{1}k"
        let decoded = TraceDecoder.decode([p13, p15, s6].joined(separator: "\u{2}") + "\u{2}")
        #expect(decoded.unreadable.isEmpty)
        guard case .pub(let a) = decoded.records[0], case .pub(let b) = decoded.records[1],
            case .subAfter(let c) = decoded.records[2]
        else {
            Issue.record("wrong record types: \(decoded.records)")
            return
        }
        #expect(a.offsetMsgId == nil && a.success == false && a.msgType == 3 && a.bodyLength == 5 && a.costTime == 6)
        #expect(b.offsetMsgId == "OFF" && b.success && b.clientHost == "10.0.0.9" && b.msgType == 4)
        #expect(c.contextCode == nil && c.timestamp == nil && c.group == nil && c.costTime == 9 && c.keys == "k")
    }

    @Test func keysAreEveryMsgIdAndBusinessKeyOnce() {
        let records: [TraceRecord] = [
            .pub(Self.pub),
            .subBefore(
                SubBeforeTrace(
                    timestamp: 1, regionId: "R", group: "G", requestId: "Q", msgId: Self.pub.msgId, retryTimes: 0,
                    keys: "order-2 order-3")),
            .subBefore(
                SubBeforeTrace(
                    timestamp: 1, regionId: "R", group: "G", requestId: "Q", msgId: "OTHER", retryTimes: 0,
                    keys: nil)),
        ]
        #expect(TraceEncoder.keys(of: records) == [Self.pub.msgId, "order-1", "order-2", "order-3", "OTHER"])
    }

    @Test func malformedRecordsAreReportedNeverFatal() {
        let good = Self.pubText
        let cases: [(String, String)] = [
            ("Pub|1|R|G|T|M|t|k|h|1|2|0|O|true", "no U+0001 field separators"),
            ("Pub\u{1}1\u{1}R\u{1}G\u{1}T", "Pub record has 5 fields; it needs at least 13"),
            ("SubBefore\u{1}abc\u{1}R\u{1}G\u{1}Q\u{1}M\u{1}0\u{1}k", "field 1 (timeStamp) \"abc\" is not a number"),
            ("Sub\u{1}1\u{1}2", "unknown record type \"Sub\""),
            ("\u{FFFD}\u{0}\u{7}garbage\u{1}x", "unknown record type \"\u{FFFD}\\u{0}\\u{7}garbage\""),
            ("Pub\u{1}1\u{1}R\u{1}G\u{1}T\u{1}M\u{1}t\u{1}k\u{1}h\u{1}1\u{1}2\u{1}9\u{1}O\u{1}true", "msgType) 9"),
            ("Recall\u{1}1\u{1}R\u{1}G\u{1}T\u{1}M\u{1}maybe", "(success) \"maybe\" is not true or false"),
            ("SubAfter\u{1}Q\u{1}M\u{1}99999999999\u{1}true\u{1}k\u{1}0\u{1}1\u{1}G", "(costTime) \"99999999999\""),
            (
                "SubBefore\u{1}1\u{1}R\u{1}G\u{1}Q\u{1}M\u{1}0\u{1}k\u{1}SubAfter\u{1}Q\u{1}M\u{1}1\u{1}true",
                "another record inside"
            ),
            (
                "SubBefore\u{1}1\u{1}R\u{1}G\u{1}Q\u{1}M\u{1}0\u{1}k\nSubAfter\u{1}Q\u{1}M\u{1}1\u{1}true",
                "another record inside"
            ),
        ]
        for (bad, reason) in cases {
            let decoded = TraceDecoder.decode(good + bad + "\u{2}" + good)
            #expect(decoded.records.count == 2, "\(reason)")
            #expect(decoded.unreadable.count == 1, "\(reason)")
            #expect(decoded.unreadable.first?.index == 1)
            #expect(decoded.unreadable.first?.text == bad)
            #expect(decoded.unreadable.first?.reason.contains(reason) == true, "\(decoded.unreadable)")
        }
        // Blank pieces and a missing final separator are fine.
        #expect(TraceDecoder.decode("\u{2}\n\u{2}" + good.dropLast()).records == [.pub(Self.pub)])
        #expect(TraceDecoder.decode("") == TraceDecoding())
    }

    @Test func randomBytesNeverTrap() {
        var rng = SplitMix(seed: 0x7EACE)
        let alphabet: [UInt8] = [
            1, 1, 1, 2, 0x50, 0x75, 0x62, 0x31, 0x2D, 0x74, 0x72, 0x75, 0x65, 0xFF, 0xC3, 0x20, 0x0A,
        ]
        for _ in 0..<3000 {
            let n = Int(rng.next() % 200)
            var bytes = (0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            // Splice a valid record in now and then so the round-trip check runs.
            if rng.next() % 3 == 0 {
                bytes.insert(contentsOf: Array(Self.pubText.utf8), at: Int(rng.next() % UInt64(n + 1)))
            }
            TraceDecoder.fuzz(bytes)
        }
    }
}

/// A small deterministic generator for reproducible random inputs.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
