/// How a consumer's listener handled one message pushed to it with CONSUME_MESSAGE_DIRECTLY (Apache's `CMResult`).
public enum ConsumeDirectlyOutcome: String, Codable, Sendable, Hashable, CaseIterable {
    case success = "CR_SUCCESS"
    case later = "CR_LATER"
    case rollback = "CR_ROLLBACK"
    case commit = "CR_COMMIT"
    case threwException = "CR_THROW_EXCEPTION"
    case returnedNull = "CR_RETURN_NULL"
}

/// CONSUME_MESSAGE_DIRECTLY (309) response body: what the client's listener answered and how long it took.
/// `consumeResult` is absent when a Java listener answered a status the client does not map (Apache leaves it null).
public struct ConsumeMessageDirectlyResult: Codable, Sendable, Hashable {
    /// True when an orderly listener ran it.
    public var order: Bool
    public var autoCommit: Bool
    public var consumeResult: ConsumeDirectlyOutcome?
    public var remark: String?
    public var spentTimeMills: Int64

    public init(
        order: Bool = false, autoCommit: Bool = true, consumeResult: ConsumeDirectlyOutcome?, remark: String? = nil,
        spentTimeMills: Int64
    ) {
        self.order = order
        self.autoCommit = autoCommit
        self.consumeResult = consumeResult
        self.remark = remark
        self.spentTimeMills = spentTimeMills
    }

    enum CodingKeys: String, CodingKey { case order, autoCommit, consumeResult, remark, spentTimeMills }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        order = try c.decodeIfPresent(Bool.self, forKey: .order) ?? false
        autoCommit = try c.decodeIfPresent(Bool.self, forKey: .autoCommit) ?? true
        consumeResult = try c.decodeIfPresent(ConsumeDirectlyOutcome.self, forKey: .consumeResult)
        remark = try c.decodeIfPresent(String.self, forKey: .remark)
        spentTimeMills = try c.decodeIfPresent(Int64.self, forKey: .spentTimeMills) ?? 0
    }

    /// Apache's `toString`, which `queryMsgById -g -d` prints as is (`null` for absent values).
    public var apacheDescription: String {
        "ConsumeMessageDirectlyResult [order=\(order), autoCommit=\(autoCommit), consumeResult="
            + "\(consumeResult?.rawValue ?? "null"), remark=\(remark ?? "null"), spentTimeMills=\(spentTimeMills)]"
    }
}
