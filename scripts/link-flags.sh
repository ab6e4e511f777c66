# Link flags for the installed mqadmin (sourced by scripts/install.sh and scripts/bench.sh, so the benchmark
# measures the binary people install). Measured in docs/performance.md, "CLI start".
#   --no-export-dynamic: Swift's static runtime exports every symbol (25,000) into the dynamic symbol table;
#     nothing loads mqadmin as a library, and the runtime's start-up `dladdr` walks that table.
#   --strip-debug: DWARF is 45 MB (30 %) of the file and read only to put file:line in a crash's backtrace;
#     the symbol table stays, so a backtrace still names functions.
link_flags=(-Xlinker --no-export-dynamic -Xlinker --strip-debug)
