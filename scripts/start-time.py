#!/usr/bin/env python3
"""Start to first frame: Michi's start screen against a bare ratatui program.

Builds both in release mode, then runs them in turn (interleaved, so a busy machine slows
both alike) in a 120x40 pseudo-terminal, timing from the start of the process to the first
complete frame on the pty (the frame's bottom-right corner, drawn last). Prints the median
and quartiles of each and their ratio. Michi runs with empty data and config folders.

    python3 scripts/start-time.py [RUNS]
"""

import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 40
CORNER = "┘".encode()


def build():
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "michi", "--example", "bare_ratatui"],
                   cwd=ROOT, check=True)
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    return os.path.join(target, "release", "michi"), os.path.join(target, "release", "examples", "bare_ratatui")


def peak_memory_kb(pid):
    """The process's peak resident memory so far (VmHWM), in kB, where /proc tells it."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def first_frame(argv, env):
    """Seconds from spawn to the first bottom-right corner on the pty, and peak memory."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    start = time.perf_counter()
    seen = b""
    elapsed = None
    deadline = start + 10
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if CORNER in seen:
            elapsed = time.perf_counter() - start
            break
    time.sleep(0.05)
    memory = peak_memory_kb(pid)
    os.kill(pid, signal.SIGTERM)
    os.waitpid(pid, 0)
    os.close(fd)
    return elapsed, memory


def main():
    michi, bare = build()
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, TERM="xterm-256color", MICHI_DATA_DIR=os.path.join(home, "data"),
                   MICHI_CONFIG_DIR=os.path.join(home, "config"))
        times = {"michi": [], "bare ratatui": []}
        memory = {"michi": [], "bare ratatui": []}
        for _ in range(RUNS):
            for name, argv in (("michi", [michi]), ("bare ratatui", [bare])):
                t, kb = first_frame(argv, env)
                if t is not None:
                    times[name].append(t * 1000)
                if kb is not None:
                    memory[name].append(kb)
    for name, values in times.items():
        q = statistics.quantiles(values, n=4)
        peak = max(memory[name]) / 1024 if memory[name] else float("nan")
        print(f"{name:>13}: median {statistics.median(values):6.2f} ms  (quartiles {q[0]:.2f}–{q[2]:.2f}, "
              f"{len(values)} runs), peak memory {peak:.1f} MB")
    ratio = statistics.median(times["michi"]) / statistics.median(times["bare ratatui"])
    print(f"        ratio: {ratio:.2f}× (goal ≤ 1.5×)")


if __name__ == "__main__":
    main()
