/// Java's `String.hashCode()`, which RocketMQ uses for consume-queue tag codes and index keys.
public enum JavaHash {
    /// `h = 31 * h + c` over the UTF-16 code units of `s`, wrapping at 32 bits like a Java `int`.
    ///
    /// `hashCode("TagA") == 2598919`; characters outside the BMP count as two surrogate units, as in Java.
    public static func hashCode(_ s: String) -> Int32 {
        var h: Int32 = 0
        for unit in s.utf16 {
            h = h &* 31 &+ Int32(unit)
        }
        return h
    }

    /// The consume-queue tag code for a TAGS value: its hash widened to 64 bits, 0 for no/empty tag.
    public static func tagsCode(_ tags: String?) -> Int64 {
        guard let tags, !tags.isEmpty else { return 0 }
        return Int64(hashCode(tags))
    }
}
