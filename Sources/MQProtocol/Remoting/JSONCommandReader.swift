/// The command fields of a JSON remoting header read from its bytes, as ``HeaderCodec/readJSON(_:)`` reads them but
/// with no `String` per top-level key or number and no member list; the extFields object is left to the caller's
/// reader (``SendHeaderReader``, ``PlainHeaderReader``). nil, and the generic path then reads the header, for
/// anything that path might read differently: a malformed header, a key that is not a plain double-quoted string, a
/// command field given twice, or a value it would convert (a number as a string, a language code's other
/// spellings, an escaped remark).
enum JSONCommandReader {
    /// `extFields` reads the extFields object at the parser's position. A header with two extFields members goes to
    /// the generic path, like any other command field given twice.
    static func read(_ raw: UnsafeRawBufferPointer, extFields: (inout JSONParser) throws(JSONError) -> Void)
        -> RemotingCommand?
    {
        var parser = JSONParser(bytes: raw)
        var cmd = RemotingCommand(code: 0, extFields: [:], serializeType: .json)
        var seen: UInt8 = 0  // one bit per TopKey
        do throws(JSONError) {
            parser.skipSpace()
            guard parser.current == UInt8(ascii: "{") else { return nil }
            try parser.object(key: { parser throws(JSONError) in
                guard let bytes = parser.plainString() else { throw parser.error("not read here") }
                return TopKey(bytes)
            }) { parser, key throws(JSONError) in
                if key != .other {
                    guard seen & key.bit == 0 else { throw parser.error("not read here") }
                    seen |= key.bit
                }
                if key == .extFields && parser.current == UInt8(ascii: "{") {
                    try extFields(&parser)
                } else {
                    try read(key, from: &parser, into: &cmd)
                }
            }
            parser.skipSpace()
        } catch {
            return nil
        }
        guard parser.pos == raw.count, seen & TopKey.code.bit != 0 else { return nil }
        return cmd
    }

    private static func read(_ key: TopKey, from parser: inout JSONParser, into cmd: inout RemotingCommand)
        throws(JSONError)
    {
        switch key {
        case .code: cmd.code = try int32(&parser)
        case .version: cmd.version = try int32(&parser)
        case .opaque: cmd.opaque = try int32(&parser)
        case .flag: cmd.flag = try int32(&parser)
        case .language:
            if let bytes = parser.plainString(),
                let index = LanguageCode.names.firstIndex(where: { $0.utf8.elementsEqual(bytes) })
            {
                cmd.language = LanguageCode(code: UInt8(index))
            } else if let bytes = parser.plainInteger(),
                let language = SendFieldValues.plainInteger(bytes).flatMap(UInt8.init(exactly:))
            {
                cmd.language = LanguageCode(code: language)
            } else {
                throw parser.error("not read here")
            }
        case .remark:
            if let bytes = parser.plainString() {
                cmd.remark = String(decoding: bytes, as: UTF8.self)
            } else if parser.current == UInt8(ascii: "n"), try parser.value(depth: 1).isNull {
                cmd.remark = nil
            } else {
                throw parser.error("not read here")
            }
        case .extFields:
            // Not an object (the caller reads those): null is skipped, anything else refused, by the generic path.
            guard try parser.value(depth: 1).isNull else { throw parser.error("not read here") }
        case .other:
            _ = try parser.value(depth: 1)
        }
    }

    /// An unquoted integer member that fits an `Int32` (what the generic path takes without converting).
    private static func int32(_ parser: inout JSONParser) throws(JSONError) -> Int32 {
        guard let bytes = parser.plainInteger(),
            let value = SendFieldValues.plainInteger(bytes).flatMap(Int32.init(exactly:))
        else { throw parser.error("not read here") }
        return value
    }

    /// The top-level keys ``HeaderCodec`` reads (`serializeTypeCurrentRPC` and any other key it skips).
    enum TopKey: UInt8 {
        case code, language, version, opaque, flag, remark, extFields, other

        var bit: UInt8 { 1 << rawValue }

        init(_ bytes: UnsafeRawBufferPointer) {
            switch bytes.count {
            case 4: self = bytes.holds("code") ? .code : bytes.holds("flag") ? .flag : .other
            case 6: self = bytes.holds("opaque") ? .opaque : bytes.holds("remark") ? .remark : .other
            case 7: self = bytes.holds("version") ? .version : .other
            case 8: self = bytes.holds("language") ? .language : .other
            case 9: self = bytes.holds("extFields") ? .extFields : .other
            default: self = .other
            }
        }
    }
}
