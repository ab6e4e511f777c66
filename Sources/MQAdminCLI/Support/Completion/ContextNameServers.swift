/// Where shell completion turns a context name (`--context NAME`, MQADMIN_CONTEXT) into name servers.
///
/// Contexts (`~/.mqadmin/contexts.json`, `ContextStore`) are built on another branch. Until they are wired
/// here, a context is only a cache key: its names are never fetched, and completion offers the names a
/// previous refresh stored for that context, if any (never another target's). MERGER: resolve the context
/// through `ContextStore` here (name servers, or a data directory as a `CompletionTarget.dataDirectory`), and
/// keep `CompletionTarget.of` in the same precedence as the commands' own target resolution.
enum ContextNameServers {
    /// The context's target, or nil when it cannot be resolved (unknown context, or contexts not wired yet).
    static func resolve(_ name: String) -> CompletionTarget? {
        nil
    }
}
