import NIOCore

/// Serializes and parses the command header in both formats (wire.md §1.1, §1.2).
public enum HeaderCodec {
    // MARK: - JSON

    /// Writes the JSON header the way a Java peer does: keys sorted, nulls omitted, every extFields value a string.
    public static func writeJSON(_ cmd: RemotingCommand, into out: inout ByteBuffer) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(cmd.directHeader == nil ? 128 + cmd.extFields.count * 32 : 512)
        bytes.append(contentsOf: #"{"code":"#.utf8)
        JSONWriter.writeDecimal(Int64(cmd.code), into: &bytes)
        if let direct = cmd.directHeader {
            bytes.append(contentsOf: #","extFields":{"#.utf8)
            // Into the byte array, not the frame: each small ByteBuffer write costs more than the append
            // (range and capacity checks, exclusivity; callgrind, docs/performance.md "CPU per message").
            withUnsafeMutablePointer(to: &bytes) { pointer in
                var sink = JSONFieldSink(out: pointer)
                direct.writeFields(to: &sink)
            }
            bytes.append(UInt8(ascii: "}"))
        } else {
            // Read once: a received send header builds its map from its bytes on each read.
            let fields = cmd.extFields
            if !fields.isEmpty {
                bytes.append(contentsOf: #","extFields":{"#.utf8)
                var first = true
                // Sorted pairs, not sorted keys looked up again: one hash per field less.
                for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
                    if !first { bytes.append(UInt8(ascii: ",")) }
                    first = false
                    JSONWriter.writeString(key, into: &bytes)
                    bytes.append(UInt8(ascii: ":"))
                    JSONWriter.writeString(value, into: &bytes)
                }
                bytes.append(UInt8(ascii: "}"))
            }
        }
        bytes.append(contentsOf: #","flag":"#.utf8)
        JSONWriter.writeDecimal(Int64(cmd.flag), into: &bytes)
        bytes.append(contentsOf: #","language":""#.utf8)
        bytes.append(contentsOf: cmd.language.name.utf8)
        bytes.append(contentsOf: #"","opaque":"#.utf8)
        JSONWriter.writeDecimal(Int64(cmd.opaque), into: &bytes)
        if let remark = cmd.remark {
            bytes.append(contentsOf: #","remark":"#.utf8)
            JSONWriter.writeString(remark, into: &bytes)
        }
        bytes.append(contentsOf: #","serializeTypeCurrentRPC":"JSON","version":"#.utf8)
        JSONWriter.writeDecimal(Int64(cmd.version), into: &bytes)
        bytes.append(UInt8(ascii: "}"))
        out.writeBytes(bytes)
    }

    /// Parses a JSON header. Numbers and booleans in extFields become strings; unknown keys are ignored.
    public static func readJSON(_ bytes: UnsafeRawBufferPointer) throws(ProtocolError) -> RemotingCommand {
        let object: JSONReader.FlatObject
        do throws(JSONError) {
            object = try JSONReader.parseFlatObject(bytes, stringMapKey: "extFields")
        } catch {
            throw .malformedHeader(error.description)
        }
        return try command(members: object.members, extFields: object.stringMap ?? [:])
    }

    /// The command of a JSON header's top-level members (all but an `extFields` object, given as `extFields`).
    static func command(members: [JSONMember], extFields: [String: String]) throws(ProtocolError) -> RemotingCommand {
        var cmd = RemotingCommand(code: 0, extFields: extFields, serializeType: .json)
        var sawCode = false
        for member in members {
            guard let key = member.key.keyText else { continue }
            switch key {
            case "code":
                guard let v = member.value.int64Value, let c = Int32(exactly: v) else {
                    throw .malformedHeader("code is not an integer")
                }
                cmd.code = c
                sawCode = true
            case "language":
                if case .number(let n) = member.value, let c = UInt8(n) {
                    cmd.language = LanguageCode(code: c)
                } else if let s = member.value.stringValue {
                    cmd.language = LanguageCode(name: s)
                }
            case "version":
                cmd.version = member.value.int64Value.flatMap { Int32(exactly: $0) } ?? 0
            case "opaque":
                guard let v = member.value.int64Value, let o = Int32(exactly: v) else {
                    throw .malformedHeader("opaque is not an integer")
                }
                cmd.opaque = o
            case "flag":
                cmd.flag = member.value.int64Value.flatMap { Int32(exactly: $0) } ?? 0
            case "remark":
                cmd.remark = member.value.isNull ? nil : member.value.stringValue
            case "extFields":
                // An object went into `stringMap`; anything else here is not one.
                if member.value.isNull { continue }
                throw .malformedHeader("extFields is not an object")
            default:
                continue
            }
        }
        guard sawCode else { throw .malformedHeader("no code field") }
        return cmd
    }

    // MARK: - ROCKETMQ binary

    /// Writes the binary header: code(2) language(1) version(2) opaque(4) flag(4) remark(4+n) ext(4+n).
    public static func writeBinary(_ cmd: RemotingCommand, into out: inout ByteBuffer) {
        out.writeInteger(Int16(truncatingIfNeeded: cmd.code))
        out.writeInteger(cmd.language.code)
        out.writeInteger(Int16(truncatingIfNeeded: cmd.version))
        out.writeInteger(cmd.opaque)
        out.writeInteger(cmd.flag)
        if let remark = cmd.remark, !remark.isEmpty {
            out.writeInteger(Int32(remark.utf8.count))
            out.writeString(remark)
        } else {
            out.writeInteger(Int32(0))
        }
        let lengthIndex = out.writerIndex
        out.writeInteger(Int32(0))
        if let direct = cmd.directHeader {
            let extLength = withUnsafeMutablePointer(to: &out) { pointer in
                var sink = BinaryFieldSink(out: pointer)
                direct.writeFields(to: &sink)
                return sink.length
            }
            out.setInteger(Int32(extLength), at: lengthIndex)
            return
        }
        var extLength = 0
        for (key, value) in cmd.extFields.sorted(by: { $0.key < $1.key }) {
            extLength += out.writeInteger(Int16(key.utf8.count))
            extLength += out.writeString(key)
            extLength += out.writeInteger(Int32(value.utf8.count))
            extLength += out.writeString(value)
        }
        out.setInteger(Int32(extLength), at: lengthIndex)
    }

    /// Parses a binary header from exactly `buffer`'s readable bytes.
    public static func readBinary(_ buffer: ByteBuffer) throws(ProtocolError) -> RemotingCommand {
        var (cmd, ext) = try readBinaryFixedPart(buffer)
        while ext.readableBytes > 0 {
            guard let kl = ext.readInteger(as: Int16.self), kl >= 0, let key = ext.readString(length: Int(kl)),
                let vl = ext.readInteger(as: Int32.self), vl >= 0, let value = ext.readString(length: Int(vl))
            else { throw .malformedHeader("truncated extFields entry") }
            // Java decodes zero-length strings as null; keep such entries out.
            if !key.isEmpty && !value.isEmpty { cmd.extFields[key] = value }
        }
        return cmd
    }

    /// The command of a binary header without its extFields, and the extFields entries' bytes.
    static func readBinaryFixedPart(_ buffer: ByteBuffer) throws(ProtocolError) -> (RemotingCommand, ByteBuffer) {
        var b = buffer
        guard let code = b.readInteger(as: Int16.self), let lang = b.readInteger(as: UInt8.self),
            let version = b.readInteger(as: Int16.self), let opaque = b.readInteger(as: Int32.self),
            let flag = b.readInteger(as: Int32.self), let remarkLength = b.readInteger(as: Int32.self)
        else { throw .malformedHeader("binary header shorter than its 21-byte fixed part") }
        var cmd = RemotingCommand(
            code: Int32(code), language: LanguageCode(code: lang), version: Int32(version), opaque: opaque,
            flag: flag, serializeType: .rocketmq)
        if remarkLength > 0 {
            guard let remark = b.readString(length: Int(remarkLength)) else {
                throw .malformedHeader("remark length \(remarkLength) exceeds the header")
            }
            cmd.remark = remark
        } else if remarkLength < 0 {
            throw .malformedHeader("negative remark length")
        }
        guard let extLength = b.readInteger(as: Int32.self), extLength >= 0, Int(extLength) <= b.readableBytes else {
            throw .malformedHeader("extFields length exceeds the header")
        }
        guard let ext = b.readSlice(length: Int(extLength)) else { throw .malformedHeader("truncated extFields") }
        return (cmd, ext)
    }
}
