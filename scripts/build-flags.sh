# Build flags for the installed mqadmin (sourced by scripts/install.sh and scripts/bench.sh, so the benchmark
# measures the binary people install). Measured in docs/performance.md, "CLI start".
#   -disable-concrete-type-metadata-mangled-name-accessors: a generic type with concrete arguments (a keyed
#     container of a model's CodingKeys, a set of ArgumentParser's names) is made by an accessor that passes its
#     conformances, not from a mangled name the runtime resolves by scanning all 15,000 conformance records of
#     the binary: 18 of a `topic list`'s 60 scans, 22 % of its instructions. Every module, ArgumentParser's too.
#   --no-export-dynamic: Swift's static runtime exports every symbol (25,000) into the dynamic symbol table;
#     nothing loads mqadmin as a library, and the runtime's start-up `dladdr` walks that table.
#   --strip-debug: DWARF is 45 MB (30 %) of the file and read only to put file:line in a crash's backtrace;
#     the symbol table stays, so a backtrace still names functions.
build_flags=(
    -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors
    -Xlinker --no-export-dynamic -Xlinker --strip-debug
)
