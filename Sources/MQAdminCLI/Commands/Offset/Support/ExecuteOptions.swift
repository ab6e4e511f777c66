import ArgumentParser

/// `--execute` and `--yes`: offset changes are plans unless executed (design.md).
struct ExecuteOptions: ParsableArguments {
    @Flag(help: "Apply the plan (without it, only print what would change).")
    var execute = false

    @Flag(name: [.customShort("y"), .customLong("yes")], help: "Do not ask for confirmation.")
    var yes = false

    @Flag(name: .customLong("dry-run"), help: "Only print the plan (the default; for scripts that want to say so).")
    var dryRun = false

    func validate() throws {
        if execute && dryRun { throw ValidationError("pass --execute or --dry-run, not both") }
    }
}
