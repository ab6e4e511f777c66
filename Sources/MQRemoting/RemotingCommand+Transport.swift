import MQProtocol
import NIOCore

extension RemotingCommand {
    static let typeFlags = responseFlag | onewayFlag

    /// This command as the response to `request`: the request's opaque and serialize type, the response flag
    /// set and the oneway flag cleared (wire.md §1.4), whatever the processor put there.
    func shapedAsResponse(to request: RemotingCommand) -> RemotingCommand {
        var response = self
        response.opaque = request.opaque
        response.flag = (flag | Self.responseFlag) & ~Self.onewayFlag
        response.serializeType = request.serializeType
        return response
    }

    /// This command with `signer`'s credential fields added (unchanged without one).
    func signed(by signer: (any RequestSigner)?) -> RemotingCommand {
        guard let signer else { return self }
        var request = self
        signer.sign(&request)
        return request
    }

    /// This command as a request going out: a fresh opaque, neither response nor oneway flag.
    func shapedAsRequest() -> RemotingCommand {
        var request = self
        request.opaque = Opaque.next()
        request.flag &= ~Self.typeFlags
        return request
    }

    /// This command as a oneway request going out: a fresh opaque, the oneway flag set, the response flag cleared.
    func shapedAsOneway() -> RemotingCommand {
        var request = self
        request.opaque = Opaque.next()
        request.flag = (flag | Self.onewayFlag) & ~Self.responseFlag
        return request
    }

    /// The answer of a side with no processor for the request's code (Java's wording), shaped as its response.
    func unsupportedCodeResponse() -> RemotingCommand {
        response(.requestCodeNotSupported, remark: " request type \(code) not supported").shapedAsResponse(to: self)
    }

    /// The SYSTEM_ERROR answer to `request` for a failed deferred response.
    static func systemError(for request: RemotingCommand, _ error: any Error) -> RemotingCommand {
        request.response(.systemError, remark: String(describing: error)).shapedAsResponse(to: request)
    }

    /// The frame length when it exceeds `limit`, else nil.
    ///
    /// Ordinary commands are cleared by an upper bound without encoding; only big ones are encoded to measure.
    /// Checked before writing because one failed encode leaves NIO's `MessageToByteHandler` failing every later
    /// write on the connection.
    func frameLengthIfOver(_ limit: Int) -> Int? {
        let body = body?.readableBytes ?? 0
        let strings = (remark?.utf8.count ?? 0) + headerFieldBytes
        // JSON escaping writes at most 6 bytes per input byte (\u00XX); 256 covers the fixed keys and numbers.
        if body + 256 + 6 * strings <= limit { return nil }
        do {
            let length = try RemotingFrameEncoder.frame(self).readableBytes - 4
            return length > limit ? length : nil
        } catch ProtocolError.frameTooLarge(let size, _) {
            return size
        } catch {
            return body + strings
        }
    }
}
