/// The sender's language, as the `language` header field carries it (name in JSON, byte in binary).
public struct LanguageCode: Sendable, Hashable, CustomStringConvertible {
    public var code: UInt8

    public init(code: UInt8) {
        self.code = code
    }

    static let names = ["JAVA", "CPP", "DOTNET", "PYTHON", "DELPHI", "ERLANG", "RUBY", "OTHER", "HTTP", "GO", "PHP",
        "OMS", "RUST", "NODE_JS"]

    /// Parses a name (`"CPP"`) or a decimal code (`"1"`); unknown names map to OTHER.
    public init(name: String) {
        if let i = LanguageCode.names.firstIndex(of: name.uppercased()) {
            code = UInt8(i)
        } else if let n = UInt8(name) {
            code = n
        } else {
            code = 7
        }
    }

    public var name: String { Int(code) < LanguageCode.names.count ? LanguageCode.names[Int(code)] : "OTHER" }
    public var description: String { name }

    public static let java = LanguageCode(code: 0)
    public static let cpp = LanguageCode(code: 1)
    public static let go = LanguageCode(code: 9)
    public static let other = LanguageCode(code: 7)
    public static let rust = LanguageCode(code: 12)
}

/// How a command's header is serialized (the high byte of the header-length field).
public enum SerializeType: UInt8, Sendable {
    case json = 0
    case rocketmq = 1
}

/// `MQVersion` ordinals that matter on the wire.
public enum MQVersion {
    /// What this tool announces: V5_3_3, like a current Java client.
    public static let current: Int32 = 479
    public static let v3_4_9: Int32 = 121
    public static let v4_9_4: Int32 = 401

    static let named: [(Int32, String)] = [
        (28, "V3_0_7_SNAPSHOT"), (37, "V3_0_11"), (62, "V3_1_8_SNAPSHOT"), (63, "V3_1_8"), (121, "V3_4_9"),
        (213, "V4_0_0"), (273, "V4_3_0"), (293, "V4_4_0"), (313, "V4_5_0"), (333, "V4_6_0"), (353, "V4_7_0"),
        (373, "V4_8_0"), (393, "V4_9_0"), (401, "V4_9_4"), (409, "V4_9_8"), (413, "V5_0_0"), (433, "V5_1_0"), (437, "V5_1_2"),
        (453, "V5_2_0"), (473, "V5_3_0"), (475, "V5_3_1"), (479, "V5_3_3"), (493, "V5_4_0"),
    ]

    /// A readable name for a version ordinal (exact names where known, else the ordinal).
    public static func describe(_ version: Int32) -> String {
        named.first { $0.0 == version }?.1 ?? "v\(version)"
    }
}
