#if canImport(Glibc)
import Glibc
#endif

extension CommitLog {
    /// Recovery found damage inside data that had been flushed (not a torn tail): instead of deleting,
    /// ``truncate(from:setAside:)`` renames later segments `<segment>.damaged` and first copies the
    /// bytes it cuts from `segment` to `<segment>.cut-<offset>` (this function), so an operator can
    /// still inspect or salvage them. Names that are not 20 digits are ignored when the log is loaded.
    func saveTail(of segment: CommitLogSegment, from offset: Int64) throws(IOFailure) -> String? {
        let size = try segment.file.size()
        let start = offset - segment.base
        guard size > start else { return nil }
        let target = segment.path + ".cut-\(offset)"
        let copy = try DataFile.open(target, create: true)
        var at = start
        while at < size {
            let count = Int(min(8 << 20, size - at))
            let chunk = try segment.file.read(count: count, at: at)
            try copy.write(chunk, at: at - start)
            at += Int64(count)
        }
        try copy.sync()
        return target
    }

    /// Renames a segment `<segment>.damaged` (see ``saveTail(of:from:)``).
    func setAside(_ segment: CommitLogSegment) throws(IOFailure) -> String {
        let target = segment.path + ".damaged"
        guard rename(segment.path, target) == 0 else { throw IOFailure("rename", segment.path) }
        return target
    }
}
