#!/usr/bin/env python3
"""Times the real commands on synthetic inputs: `plan analyze` on plans of 10 and 1,000
postings and `profile check` on profiles 1× and 100× the size of 入間's
(examples/write_synthetic.rs writes them), and prints the medians and ratios. (The export's
scaling is in benches/scaling.rs: both profiles share one id, so only one can be installed.)

    python3 scripts/command-scaling.py [RUNS]
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 30


def main():
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "michi", "--example", "write_synthetic"],
                   cwd=ROOT, check=True)
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    michi = os.path.join(target, "release", "michi")
    with tempfile.TemporaryDirectory() as d:
        subprocess.run([os.path.join(target, "release", "examples", "write_synthetic"), d], check=True)
        env = dict(os.environ, MICHI_CONFIG_DIR=os.path.join(d, "config"))

        def median(args):
            times = []
            for _ in range(RUNS):
                start = time.perf_counter()
                subprocess.run([michi] + args, cwd=d, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               check=True)
                times.append((time.perf_counter() - start) * 1000)
            return statistics.median(times)

        pairs = [
            ("plan analyze, 1,000 ÷ 10 postings", ["plan", "analyze", "plan-10.toml", "--today", "2026-11-21"],
             ["plan", "analyze", "plan-1000.toml", "--today", "2026-11-21"], 20),
            ("profile check, 100× ÷ 1×", ["profile", "check", "profile-1x.toml"],
             ["profile", "check", "profile-100x.toml"], 150),
        ]
        for name, small, large, goal in pairs:
            a, b = median(small), median(large)
            print(f"{name}: {b:.2f} ms ÷ {a:.2f} ms = {b / a:.1f}× (goal ≤ {goal}×)")


if __name__ == "__main__":
    main()
