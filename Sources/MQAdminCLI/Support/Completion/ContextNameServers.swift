/// Where shell completion turns a context name (`--context NAME`, MQADMIN_CONTEXT, the current context) into the
/// target it names, through the one owner of contexts (`ContextStore`).
enum ContextNameServers {
    /// The context's name servers, or nil for an unknown context or an unreadable contexts file.
    static func resolve(_ name: String) -> CompletionTarget? {
        guard let context = try? ContextStore.lookup(name, home: Console.current.home) else { return nil }
        return .nameServers(context.nameServers.sorted())
    }

    /// The current context's name (`context use`), nil when none is set or the file cannot be read.
    static func current() -> String? {
        (try? ContextStore.load(home: Console.current.home))?.current
    }
}
