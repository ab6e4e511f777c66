/// Bits of the `SYSFLAG` field of a stored message and of the send header's `sysFlag`
/// (Java `MessageSysFlag`, wire.md §5.2).
public enum MessageSysFlag {
    /// The body is compressed (the codec in bits 8–10; 0 there means zlib for old producers).
    public static let compressed: Int32 = 0x1
    /// The TAGS property holds several tags.
    public static let multiTags: Int32 = 0x2
    /// Transaction type occupies bits 2–3.
    public static let transactionTypeMask: Int32 = 0xC
    /// A normal (non-transactional) message.
    public static let transactionNotType: Int32 = 0x0
    /// A half message: stored but not delivered until committed.
    public static let transactionPreparedType: Int32 = 0x4
    /// The commit of a half message.
    public static let transactionCommitType: Int32 = 0x8
    /// The rollback of a half message.
    public static let transactionRollbackType: Int32 = 0xC
    /// BORNHOST is 16 + 4 bytes (IPv6) instead of 4 + 4.
    public static let bornHostV6: Int32 = 0x10
    /// STOREHOSTADDRESS is 16 + 4 bytes (IPv6) instead of 4 + 4.
    public static let storeHostV6: Int32 = 0x20
    /// The body is an inner batch that clients must unwrap (with ``innerBatch``).
    public static let needUnwrap: Int32 = 0x40
    /// The record carries several messages in its body (light message queue / inner batch).
    public static let innerBatch: Int32 = 0x80
    /// Compression codec bits 8–10.
    public static let compressionTypeMask: Int32 = 0x700
    /// LZ4 body compression.
    public static let compressionLZ4: Int32 = 0x100
    /// Zstandard body compression.
    public static let compressionZSTD: Int32 = 0x200
    /// zlib body compression (what Java producers use).
    public static let compressionZLIB: Int32 = 0x300

    /// The transaction type bits of `flag` (one of the `transaction*Type` constants).
    public static func transactionValue(_ flag: Int32) -> Int32 {
        flag & transactionTypeMask
    }

    /// `flag` with its transaction type replaced by `type`.
    public static func resetTransactionValue(_ flag: Int32, type: Int32) -> Int32 {
        (flag & ~transactionTypeMask) | (type & transactionTypeMask)
    }

    /// Whether `bits` are all set in `flag`.
    public static func has(_ flag: Int32, _ bits: Int32) -> Bool {
        flag & bits == bits
    }

    /// Length of the BORNHOST field for this sysFlag (8 or 20).
    public static func bornHostLength(_ flag: Int32) -> Int {
        flag & bornHostV6 == 0 ? 8 : 20
    }

    /// Length of the STOREHOSTADDRESS field for this sysFlag (8 or 20).
    public static func storeHostLength(_ flag: Int32) -> Int {
        flag & storeHostV6 == 0 ? 8 : 20
    }
}
