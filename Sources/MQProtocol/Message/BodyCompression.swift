import CompressNIO
import NIOCore

/// zlib (RFC 1950) body compression, as Java producers (level 5, `sysFlag` 0x1|0x300) and the C++
/// client (level 5, `sysFlag` 0x1) use it.
public enum BodyCompression {
    /// Java producers compress bodies larger than this (4 KiB).
    public static let defaultThreshold = 4 * 1024

    /// zlib-compresses the readable bytes of `body` at `level` (0...9, default 5).
    public static func compress(_ body: ByteBuffer, level: Int32 = 5) throws -> ByteBuffer {
        var input = body
        let configuration = ZlibConfiguration(windowSize: 15, compressionLevel: min(max(level, 0), 9), memoryLevel: 8)
        return try input.compress(with: .zlib(configuration: configuration))
    }

    /// Inflates a zlib stream, refusing to produce more than `maxSize` bytes (a zip bomb guard) and
    /// rejecting a stream that ends early or is corrupt. Bytes after the end of the stream are ignored.
    public static func decompress(_ body: ByteBuffer, maxSize: Int) throws(MessageDecodingError) -> ByteBuffer {
        do {
            return try inflate(body, maxSize: maxSize)
        } catch let error as MessageDecodingError {
            throw error
        } catch let error as CompressNIOError where error == .corruptData {
            throw .decompressionFailed("corrupt zlib data")
        } catch {
            throw .decompressionFailed("\(error)")
        }
    }

    private static func inflate(_ body: ByteBuffer, maxSize: Int) throws -> ByteBuffer {
        let inflater = try ZlibDecompressor(algorithm: .zlib)
        var input = body
        var output = ByteBuffer()
        output.reserveCapacity(min(max(maxSize, 1), max(4096, input.readableBytes * 4)))
        while true {
            if output.writableBytes == 0 {
                guard output.readableBytes < maxSize else { throw tooLarge(maxSize) }
                output.reserveCapacity(min(maxSize, output.capacity * 2) + 1)
            }
            do {
                // Returns normally at the end of the stream or when the input runs out.
                try inflater.inflate(from: &input, to: &output)
                break
            } catch let error as CompressNIOError where error == .bufferOverflow {
                continue  // output full: grow and go on
            } catch let error as CompressNIOError where error == .inputBufferOverflow {
                throw MessageDecodingError.decompressionFailed("the zlib stream is truncated")
            }
        }
        guard output.readableBytes <= maxSize else { throw tooLarge(maxSize) }
        if input.readableBytes == 0 {
            // Ended or starved? A finished stream consumes nothing more; an unfinished one eats the probe byte.
            var probe = ByteBuffer(bytes: [0])
            var sink = ByteBuffer()
            sink.reserveCapacity(64)
            do {
                try inflater.inflate(from: &probe, to: &sink)
            } catch {
                throw MessageDecodingError.decompressionFailed("the zlib stream is truncated")
            }
            guard probe.readableBytes == 1 else {
                throw MessageDecodingError.decompressionFailed("the zlib stream is truncated")
            }
        }
        return output
    }

    private static func tooLarge(_ maxSize: Int) -> MessageDecodingError {
        .decompressionFailed("inflated body exceeds \(maxSize) bytes")
    }
}
