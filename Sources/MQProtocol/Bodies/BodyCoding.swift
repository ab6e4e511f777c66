import NIOCore

/// Encoding and decoding of JSON bodies, in the fastjson form Java peers use.
extension RemotingCommand {
    /// Decodes the body as `T`; a missing or malformed body throws `ProtocolError.malformedBody`.
    public func decodeBody<T: Decodable>(_ type: T.Type) throws -> T {
        guard let body, body.readableBytes > 0 else { throw ProtocolError.malformedBody("empty body, expected \(T.self)") }
        do {
            let value = try body.withUnsafeReadableBytes { raw throws(JSONError) in try JSONReader.parse(raw) }
            return try FastJSONDecoder().decode(T.self, from: value)
        } catch let error as JSONError {
            throw ProtocolError.malformedBody(error.description)
        } catch let error as DecodingError {
            throw ProtocolError.malformedBody(describe(error))
        }
    }

    /// Sets the body to `value` serialized as fastjson (or standard JSON).
    public mutating func setJSONBody<T: Encodable>(_ value: T, style: JSONStyle = .fastjson) {
        body = Self.jsonBody(value, style: style)
    }

    /// `value` serialized as a body: fastjson (or standard JSON); `{}` if it cannot be encoded.
    public static func jsonBody<T: Encodable>(_ value: T, style: JSONStyle = .fastjson) -> ByteBuffer {
        let bytes = (try? FastJSONEncoder(style: style).encode(value)) ?? Array("{}".utf8)
        var buffer = ByteBufferAllocator().buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        return buffer
    }

    /// This command with a JSON body.
    public func withJSONBody<T: Encodable>(_ value: T, style: JSONStyle = .fastjson) -> RemotingCommand {
        var copy = self
        copy.setJSONBody(value, style: style)
        return copy
    }
}

func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
        let p = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return p.isEmpty ? "<root>" : String(p.drop { $0 == "." })
    }
    switch error {
    case .keyNotFound(let key, let context): return "missing key \(key.stringValue) at \(path(context))"
    case .typeMismatch(_, let context): return "\(context.debugDescription) at \(path(context))"
    case .valueNotFound(_, let context): return "missing value at \(path(context))"
    case .dataCorrupted(let context): return "\(context.debugDescription) at \(path(context))"
    @unknown default: return "\(error)"
    }
}
