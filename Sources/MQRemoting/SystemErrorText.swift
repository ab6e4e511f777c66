import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Short lowercase reasons for socket errors ("connection refused", "address already in use"),
/// so `RemotingError` descriptions read as one sentence instead of NIO's debugging text.
public enum SystemErrorText {
    public static func describe(_ error: any Error) -> String {
        switch error {
        case let error as IOError:
            return errnoText(error.errnoCode)
        case let error as ChannelError:
            if case .connectTimeout(let amount) = error { return "timed out after \(amount.milliseconds) ms" }
            return String(describing: error)
        case let error as NIOConnectionError:
            if let dns = error.dnsAError ?? error.dnsAAAAError { return "cannot resolve host: \(dns)" }
            if let first = error.connectionErrors.first { return describe(first.error) }
            return "cannot resolve host \(error.host)"
        case let error as SocketAddressError:
            if case .unknown(let host, _) = error { return "cannot resolve host \(host)" }
            return String(describing: error)
        default:
            return String(describing: error)
        }
    }

    static func errnoText(_ code: CInt) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        let message = String(cString: text)
        return message.prefix(1).lowercased() + message.dropFirst()
    }
}
