"""Cold start: `auditor check TINY --select hedges` against a bare `import typer, rapidfuzz`.

Each round starts one fresh process of every command, in turn (interleaved, so a busy
moment of a shared machine falls on all of them alike); a 40-word text is written to a
temporary file. The commands run with bytecode caching on (PYTHONDONTWRITEBYTECODE unset),
as an installed package has it: one warm-up run of each writes auditor's .pyc files, as
Typer's and RapidFuzz's were written when pip installed them. The tables give the minimum
and the median of each command and their ratios to the bare import, in wall time and in
CPU time (user + system, less moved by a busy machine); the target (issue 15, item 8) is
3x.

    python -m benchmarks.cold_start [--rounds 15] [--python PATH] [--compare CHECKOUT]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TINY = (
    "The minister said on Tuesday that the new rail line may possibly open next spring, "
    "although some analysts claim the budget could perhaps rise again. Officials did not "
    "give a date, and the council has not approved the final plans."
)
TARGET = 3.0


# name, argv, the checkout to run in (None: the installed auditor, from here)
Command = tuple[str, list[str], "str | None"]


def commands(python: str, tiny: str, other: str | None) -> list[Command]:
    """The commands timed: the baseline first; with `other`, that checkout's auditor too."""
    script = Path(python).parent / "auditor"
    check = ["check", tiny, "--select", "hedges"]
    out: list[Command] = [
        ("python -c 'import typer, rapidfuzz'", [python, "-c", "import typer, rapidfuzz"], None),
        ("auditor check TINY --select hedges", [str(script), *check], None),
        ("python -m auditor check ...", [python, "-m", "auditor", *check], None),
    ]
    if other is not None:
        out.append((f"python -m auditor check ... ({Path(other).name})",
                    [python, "-m", "auditor", *check], other))  # fmt: skip
    return out


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def time_once(argv: list[str], checkout: str | None = None) -> tuple[float, float]:
    """Wall time, and CPU time (user + system: less moved by a busy machine), in seconds."""
    env = ENV if checkout is None else {**ENV, "PYTHONPATH": checkout}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                          cwd=checkout, check=False)  # fmt: skip
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # 1: the gate failed, still a full run
        sys.exit(f"{argv!r} exited {done.returncode}: {done.stderr.decode()[-400:]}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return elapsed, cpu


Times = dict[str, list[tuple[float, float]]]


def measure(cmds: list[Command], rounds: int) -> Times:
    times: Times = {name: [] for name, _, _ in cmds}
    for _, argv, where in cmds:  # one warm-up each: the file cache, the .pyc files
        time_once(argv, where)
    for r in range(rounds):
        order = cmds if r % 2 == 0 else cmds[::-1]  # alternate which goes first
        for name, argv, where in order:
            times[name].append(time_once(argv, where))
    return times


def table(times: Times, which: int) -> str:
    """Wall (which=0) or CPU (1) seconds: min, median and their ratios to the baseline."""
    series = {name: [t[which] for t in ts] for name, ts in times.items()}
    base = next(iter(series.values()))
    base_min, base_med = min(base), statistics.median(base)
    rows = [f"{'command':<44} {'min s':>7} {'median s':>9} {'x min':>6} {'x median':>9}"]
    for name, ts in series.items():
        lo, med = min(ts), statistics.median(ts)
        rows.append(f"{name:<44} {lo:7.3f} {med:9.3f} {lo / base_min:6.2f} {med / base_med:9.2f}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--python", default=sys.executable, help="the venv's python")
    ap.add_argument("--compare", metavar="CHECKOUT",
                    help="also time `python -m auditor` from this checkout (e.g. an older "
                    "commit's `git archive`), run there with PYTHONPATH pointing at it")  # fmt: skip
    args = ap.parse_args(argv)
    assert len(TINY.split()) == 40
    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp) / "tiny.txt"
        tiny.write_text(TINY + "\n", encoding="utf-8")
        times = measure(commands(args.python, str(tiny), args.compare), args.rounds)
    print(f"{args.rounds} rounds, interleaved; target: within {TARGET:g}x the bare import")
    print("wall time")
    print(table(times, 0))
    print("CPU time (user + system)")
    print(table(times, 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
