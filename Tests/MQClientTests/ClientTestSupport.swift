/// Keys of the messages a consumer's handler saw, in arrival order.
actor SeenKeys {
    private(set) var all: [String] = []
    func add(_ k: String) { all.append(k) }
    func count(prefix: String) -> Int { Set(all.filter { $0.hasPrefix(prefix) }).count }
}
