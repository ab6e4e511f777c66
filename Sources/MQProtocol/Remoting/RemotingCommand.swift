import NIOCore

/// One request or response of the RocketMQ remoting protocol (wire.md §1).
public struct RemotingCommand: Sendable {
    /// Request code for requests, response code for responses.
    public var code: Int32
    public var language: LanguageCode
    public var version: Int32
    /// Request id chosen by the sender; a response carries its request's opaque.
    public var opaque: Int32
    /// Bit 0: response; bit 1: oneway.
    public var flag: Int32
    public var remark: String?
    /// The custom header fields. Always strings on the wire when we write them. A command made from a
    /// ``DirectHeader`` builds this map only when something reads it; changing it drops the direct header.
    public var extFields: [String: String] {
        get {
            if let directHeader { return Self.headerFields(directHeader) }
            if let received { return received.fields }
            return storedFields
        }
        set {
            storedFields = newValue
            directHeader = nil
            received = nil
        }
        _modify {
            if let directHeader {
                storedFields = Self.headerFields(directHeader)
                self.directHeader = nil
            } else if let received {
                storedFields = received.fields
                self.received = nil
            }
            yield &storedFields
        }
    }
    private var storedFields: [String: String]
    /// The header as the frame decoder read it without its field map (``SendHeaderReader``,
    /// ``PlainHeaderReader``); ``extFields`` is then read from the header's bytes when asked for.
    private var received: ReceivedHeader?
    /// The typed header the frame encoder writes straight into the frame, when the command was made from one
    /// (``request(_:header:body:oneway:)``, ``response(_:remark:header:body:)``); nil when ``extFields`` holds
    /// the fields.
    public private(set) var directHeader: (any DirectHeader)?
    public var body: ByteBuffer?
    /// How the header was (or will be) serialized; responses echo the request's type.
    public var serializeType: SerializeType

    public static let responseFlag: Int32 = 1
    public static let onewayFlag: Int32 = 2

    public init(
        code: Int32, language: LanguageCode = .java, version: Int32 = MQVersion.current, opaque: Int32 = 0,
        flag: Int32 = 0, remark: String? = nil, extFields: [String: String] = [:], body: ByteBuffer? = nil,
        serializeType: SerializeType = .json
    ) {
        self.code = code
        self.language = language
        self.version = version
        self.opaque = opaque
        self.flag = flag
        self.remark = remark
        self.storedFields = extFields
        self.body = body
        self.serializeType = serializeType
    }

    public var isResponse: Bool { flag & Self.responseFlag != 0 }
    public var isOneway: Bool { flag & Self.onewayFlag != 0 }

    /// A request with typed header fields.
    public static func request(
        _ code: RequestCode, header: (any CommandHeader)? = nil, body: ByteBuffer? = nil, oneway: Bool = false
    ) -> RemotingCommand {
        var command = RemotingCommand(code: code.rawValue, flag: oneway ? onewayFlag : 0, body: body)
        command.setHeader(header)
        return command
    }

    /// The response to this request: same opaque and serialization, response flag set.
    public func response(
        _ code: ResponseCode = .success, remark: String? = nil, header: (any CommandHeader)? = nil,
        body: ByteBuffer? = nil
    ) -> RemotingCommand {
        var command = RemotingCommand(
            code: code.rawValue, language: .java, version: MQVersion.current, opaque: opaque,
            flag: Self.responseFlag, remark: remark, body: body, serializeType: serializeType)
        command.setHeader(header)
        return command
    }

    /// The send request header the frame decoder read for this code, when it did (nil: decode `extFields`).
    var receivedSendHeader: SendMessageRequestHeader? {
        guard let received, received.code == code else { return nil }
        return received.send
    }

    /// The send response header, read from the header's bytes, when the frame decoder kept them and they hold one
    /// (nil: decode `extFields`).
    var receivedSendResponseHeader: SendMessageResponseHeader? {
        guard let received, received.send == nil else { return nil }
        return PlainHeaderReader.sendResponseHeader(received)
    }

    mutating func setReceivedHeader(_ header: ReceivedHeader) {
        received = header
    }

    /// A direct header is kept as it is; any other becomes the field map.
    private mutating func setHeader(_ header: (any CommandHeader)?) {
        if let direct = header?.asDirectHeader {
            directHeader = direct
        } else {
            storedFields = Self.headerFields(header)
        }
    }

    /// Bytes of the header's field keys and values plus 8 per field, without building the map.
    public var headerFieldBytes: Int {
        if let directHeader {
            var sink = FieldBytesSink()
            directHeader.writeFields(to: &sink)
            return sink.bytes
        }
        var bytes = 0
        for (key, value) in extFields { bytes += key.utf8.count + value.utf8.count + 8 }
        return bytes
    }

    /// The typed header's fields. Sized up front: a send header has 14, and growing an empty dictionary to them
    /// rehashed every key four times (callgrind, docs/performance.md "CPU per message").
    static func headerFields(_ header: (any CommandHeader)?) -> [String: String] {
        guard let header else { return [:] }
        var fields: [String: String] = [:]
        fields.reserveCapacity(16)
        header.encode(into: &fields)
        return fields
    }

    /// Decodes the typed header of this command.
    public func decodeHeader<H: CommandHeader>(_ type: H.Type) throws -> H {
        // Every send's answer: read from the frame's bytes when the decoder kept them (docs/performance.md).
        if H.self == SendMessageResponseHeader.self, let header = receivedSendResponseHeader as? H { return header }
        return try H(fields: HeaderFields(extFields))
    }

    /// The body as bytes (empty when absent).
    public var bodyBytes: [UInt8] {
        guard var b = body else { return [] }
        return b.readBytes(length: b.readableBytes) ?? []
    }

    public var responseCode: ResponseCode { ResponseCode(rawValue: code) }
    public var requestCode: RequestCode { RequestCode(rawValue: code) }
}

extension RemotingCommand: CustomStringConvertible {
    public var description: String {
        let name = isResponse ? ResponseCode(rawValue: code).description : RequestCode(rawValue: code).description
        let kind = isResponse ? "response" : (isOneway ? "oneway" : "request")
        var s = "\(kind) \(name) opaque=\(opaque)"
        if let remark, !remark.isEmpty { s += " remark=\(remark)" }
        if let body { s += " body=\(body.readableBytes)B" }
        return s
    }
}
