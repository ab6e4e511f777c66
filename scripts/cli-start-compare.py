#!/usr/bin/env python3
# CLI start beside trivial binaries, alternated in one run (docs/performance.md, "CLI start"): the median wall time
# of `mqadmin topic list -n NAMESERVER` for each mqadmin binary given, and of each trivial binary, over ROUNDS rounds.
#   scripts/cli-start-compare.py NAMESERVER ROUNDS MQADMIN... -- TRIVIAL...
# e.g. with a broker started by `mqadmin broker start --listen 127.0.0.1:9876`, an old and a new static build, a C
# `int main(void){return 0;}` and Benchmarks/Trivial built with `swiftc -O`.
import os, statistics, subprocess, sys, tempfile, time

ns, rounds = sys.argv[1], int(sys.argv[2])
rest = sys.argv[3:]
cut = rest.index("--")
commands = {b: [b, "topic", "list", "-n", ns] for b in rest[:cut]}
commands.update({t: [t] for t in rest[cut + 1:]})
# A private HOME: no context file or completion cache of the user's changes what runs.
env = dict(os.environ, HOME=tempfile.mkdtemp(prefix="cli-start-"))
times = {name: [] for name in commands}
for _ in range(3):  # warm the page cache
    for command in commands.values():
        subprocess.run(command, stdout=subprocess.DEVNULL, env=env)
for _ in range(rounds):
    for name, command in commands.items():
        start = time.perf_counter()
        result = subprocess.run(command, stdout=subprocess.DEVNULL, env=env)
        times[name].append((time.perf_counter() - start) * 1000)
        if result.returncode != 0:
            sys.exit(f"{name} exited with {result.returncode}")
for name, values in times.items():
    print(f"{name}: median {statistics.median(values):.2f} ms (min {min(values):.2f}, n={len(values)})")
