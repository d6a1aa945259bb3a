"""Measure tracker against the floor of a JSON file, at 1k, 10k and 100k predictions.

Run from the repository: ``python benchmarks/run.py [--sizes 1000,10000] [--runs 3]``.

For each size it generates a database (benchmarks/generate.py), then measures, on that
same file and in one run: the floors (Python start-up + ``json.load``; and load + indented
``json.dump`` + fsync + rename), the read commands, ``mark``, ``import`` of the same rows
as CSV into a new file, and the TUI (its first frame, the rows shown, and a key in the search box
to the filtered list, each right after another program rewrote the file) next to an empty Textual
app. Each figure is the median of ``--runs``
child processes; peak memory is the child's maximum resident set (``wait4``).
It prints every figure with its ratio to its floor and its growth from the smallest to
the largest size (a floor's own growth is the linear reference).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

PY = sys.executable
READ_FLOOR = "import json, sys; json.load(open(sys.argv[1], encoding='utf-8'))"
WRITE_FLOOR = """
import json, os, sys
path = sys.argv[1]
data = json.load(open(path, encoding='utf-8'))
tmp = path + '.tmp'
with open(tmp, 'w', encoding='utf-8') as f:
    json.dump(data, f, indent=2, ensure_ascii=False, sort_keys=True)
    f.flush()
    os.fsync(f.fileno())
os.replace(tmp, path)
"""
NA = "n/a: command not available"


@dataclass
class Figure:
    """One measured line: its median seconds, peak memory, and which floor it is held against."""

    label: str
    floor: str | None
    seconds: float | None = None
    peak_mb: float | None = None
    note: str = ""
    target: float | None = None  # the highest ratio to its floor the issue accepts at 100k


@dataclass
class Sample:
    seconds: float
    peak_mb: float
    returncode: int
    stderr: str = ""


def run_child(args: list[str], timeout: float, cwd: Path | None = None) -> Sample:
    """Run one child process; its wall time, peak RSS (MB) and exit code (-9 on timeout)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=err, cwd=cwd)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        message = err.read().decode("utf-8", "replace")
    return Sample(seconds, usage.ru_maxrss / 1024, proc.returncode, message)


def tracker(db: Path, *args: str) -> list[str]:
    return [PY, "-m", "tracker", "--db", str(db), *args]


def command_available(name: str) -> bool:
    probe = subprocess.run([PY, "-m", "tracker", name, "--help"], capture_output=True, cwd=ROOT)
    return probe.returncode == 0


def measure(fig: Figure, make_args, runs: int, timeout: float, before=None) -> Figure:
    """The median of ``runs`` children; ``make_args(i)`` gives run i's command line."""
    samples = []
    for i in range(runs):
        if before is not None:
            before(i)
        sample = run_child(make_args(i), timeout, cwd=ROOT)
        if sample.returncode == -9:
            fig.note = f"timed out after {timeout:.0f} s"
            return fig
        if sample.returncode != 0:
            fig.note = f"failed: {sample.stderr.strip().splitlines()[-1] if sample.stderr.strip() else sample.returncode}"
            return fig
        samples.append(sample)
    fig.seconds = statistics.median(s.seconds for s in samples)
    fig.peak_mb = max(s.peak_mb for s in samples)
    return fig


def _probe(db: Path | None, timeout: float) -> tuple[dict | str, float]:
    """One run of benchmarks/tui_probe.py in a child: its figures (or why it failed) and peak MB."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        args = [PY, str(HERE / "tui_probe.py"), out.name] + ([str(db)] if db else [])
        sample = run_child(args, timeout, cwd=ROOT)
        if sample.returncode != 0:
            return ("timed out" if sample.returncode == -9 else f"failed: {sample.stderr.strip()[-200:]}"), 0.0
        return json.loads(Path(out.name).read_text()), sample.peak_mb


def tui_figures(db: Path | None, runs: int, timeout: float) -> dict[str, Figure]:
    """The TUI probe (benchmarks/tui_probe.py) in child processes, each right after another program
    rewrote the file: the first frame (saying how far the read has got), the rows (the file parsed
    and its rows built: scrolling, details and marks work), every record checked (the counts come;
    search and filters work), and search."""
    if db is None:
        figures = {"empty": Figure("empty Textual app, first screen", None)}
    else:
        figures = {"first": Figure("TUI first frame, with load progress", "empty app", target=3.0),
                   "loaded": Figure("TUI rows shown (file parsed; scroll, details, marks work)", "empty app + read",
                                    target=1.0),
                   "checked": Figure("TUI every record checked (counts; search, filters work)", "empty app + read"),
                   "search": Figure("TUI key in search box to filtered list", None)}
    results: dict[str, list[float]] = {name: [] for name in figures}
    peak = 0.0
    for _ in range(runs):
        if db is not None:
            outside_change(db)
        data, mb = _probe(db, timeout)
        if isinstance(data, str):
            for fig in figures.values():
                fig.note = data
            return figures
        peak = max(peak, mb)
        for name in figures:
            results[name].append(data[name])
    for name, fig in figures.items():
        fig.seconds = statistics.median(results[name])
        fig.peak_mb = peak
    return figures


def outside_change(db: Path) -> None:
    """What `git pull` or another program does to the file: the same bytes written anew (new
    modification and change times), so nothing a process could remember of it still fits."""
    data = db.read_bytes()
    tmp = db.with_suffix(".outside")
    tmp.write_bytes(data)
    os.replace(tmp, db)


def bench_size(n: int, folder: Path, runs: int, timeout: float, tui: bool) -> list[Figure]:
    # Generated and read in a child: a child's peak memory (wait4) starts from its parent's
    # at the fork, so this process must stay small.
    db = folder / f"db-{n}.json"
    picked = subprocess.run([PY, str(HERE / "generate.py"), str(db), str(n), "--pick", str(runs)],
                            check=True, capture_output=True, cwd=ROOT).stdout
    pending, middle = json.loads(picked)
    floor_copy = folder / f"floor-{n}.json"
    shutil.copy(db, floor_copy)
    csv_path = folder / f"rows-{n}.csv"
    subprocess.run(tracker(db, "export", "--format", "csv", "-o", str(csv_path)), check=True, cwd=ROOT,
                   stderr=subprocess.DEVNULL)

    size_target = {1_000: 3.0, 10_000: 2.0}.get(n, 1.0)  # start-up dominates small files
    figs = [
        measure(Figure("read floor: python + json.load", None), lambda i: [PY, "-c", READ_FLOOR, str(db)],
                runs, timeout),
        measure(Figure("write floor: load + indented dump + fsync + rename", None),
                lambda i: [PY, "-c", WRITE_FLOOR, str(floor_copy)], runs, timeout),
        measure(Figure("list --kind prediction --status pending --json", "read", target=size_target),
                lambda i: tracker(db, "list", "--kind", "prediction", "--status", "pending", "--json"),
                runs, timeout),
        # The first read after another program changed the file (git pull): the same command.
        measure(Figure("list ... --json, first read after an outside change", "read", target=size_target),
                lambda i: tracker(db, "list", "--kind", "prediction", "--status", "pending", "--json"),
                runs, timeout, before=lambda i: outside_change(db)),
        measure(Figure("list (table, into a pipe)", "read", target=size_target), lambda i: tracker(db, "list"),
                runs, timeout),
        measure(Figure("show ID", "read", target=0.6), lambda i: tracker(db, "show", middle), runs, timeout),
    ]
    for label, args in (("score --json", ("score", "--json")),
                        ("score --by forecaster --json", ("score", "--by", "forecaster", "--json")),
                        ("review --json", ("review", "--json")),
                        ("review (text, into a pipe)", ("review",)),
                        ("export --format json", ("export", "--format", "json")),
                        # Not in issue 18's list (no target): shown because it took 114 s at 100k.
                        ("export --format ics (pending as a calendar)", ("export", "--format", "ics"))):
        fig = Figure(label, "read", target=None if "ics" in label else size_target)
        if command_available(args[0]):
            measure(fig, lambda i, a=args: tracker(db, *a), runs, timeout)
        else:
            fig.note = NA
        figs.append(fig)
    figs.append(measure(Figure("mark ID confirmed", "write", target=0.5),
                        lambda i: tracker(db, "mark", pending[i], "confirmed"), runs, timeout))

    def fresh(i: int) -> None:
        (folder / f"imported-{n}-{i}.json").unlink(missing_ok=True)

    figs.append(measure(Figure("import (same rows, CSV) into a new file", "write", target=3.0),
                        lambda i: tracker(folder / f"imported-{n}-{i}.json", "import", str(csv_path)),
                        runs, timeout, before=fresh))
    if tui:
        figs += list(tui_figures(db, runs, timeout).values())
    return figs


def startup_figures(runs: int, timeout: float) -> list[Figure]:
    """Size-independent: `tracker show ID` on the bundled file next to `python -c pass`."""
    bundled = ROOT / "predictions.json"
    first = next(iter(json.loads(bundled.read_bytes()).get("predictions") or {"x": None}))
    return [
        measure(Figure("python -c pass", None), lambda i: [PY, "-c", "pass"], runs, timeout),
        measure(Figure("tracker show ID (bundled file)", "start", target=3.0),
                lambda i: tracker(bundled, "show", first), runs, timeout),
    ]


def ratio(fig: Figure, floors: dict[str, float | None]) -> float | None:
    base = floors.get(fig.floor or "")
    if fig.seconds is None or not base:
        return None
    return fig.seconds / base


def report(sizes: list[int], by_size: dict[int, list[Figure]], start: list[Figure], empty: Figure | None,
           markdown: bool) -> str:
    """The table: per size the time, its ratio to its floor and the peak memory; then the growth."""
    def floors(n: int) -> dict[str, float | None]:
        figs = by_size[n]
        return {"read": figs[0].seconds, "write": figs[1].seconds, "start": start[0].seconds,
                "empty app": empty.seconds if empty else None,
                # The rows' target: an empty app's start plus one read floor.
                "empty app + read": (empty.seconds + figs[0].seconds) if empty and figs[0].seconds else None}

    def cell(fig: Figure, n: int) -> str:
        if fig.seconds is None:
            return fig.note
        r = ratio(fig, floors(n))
        text = f"{fig.seconds * 1000:.0f} ms"
        if r is not None:
            text += f" ({r:.2f}x)"
        return text + f" {fig.peak_mb:.0f} MB"

    growth_head = f"growth {sizes[0]:,}→{sizes[-1]:,}" if len(sizes) > 1 else "growth"
    header = ["measure"] + [f"{n:,}" for n in sizes] + [growth_head, "target"]
    lines = [header]
    for row, fig0 in enumerate(by_size[sizes[0]]):
        figs = [by_size[n][row] for n in sizes]
        growth = ""
        if len(sizes) > 1 and figs[0].seconds and figs[-1].seconds:
            growth = f"{figs[-1].seconds / figs[0].seconds:.1f}x"
        target = f"≤ {figs[-1].target}x {fig0.floor} floor" if figs[-1].target else ""
        lines.append([fig0.label] + [cell(f, n) for f, n in zip(figs, sizes)] + [growth, target])
    once = [f for f in (*start, empty) if f is not None]
    for fig in once:
        value = cell(fig, sizes[0]) if fig.floor == "start" else (
            f"{fig.seconds * 1000:.0f} ms {fig.peak_mb:.0f} MB" if fig.seconds is not None else fig.note)
        target = f"≤ {fig.target}x python -c pass" if fig.target else ""
        lines.append([fig.label, value] + [""] * (len(sizes) - 1) + ["", target])
    if markdown:
        out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        out += ["| " + " | ".join(line) + " |" for line in lines[1:]]
        return "\n".join(out)
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(line, widths)).rstrip() for line in lines)


def compile_package() -> None:
    """The package's bytecode compiled first, as an install does: a checkout run with
    PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module in every child, and measure that."""
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "tracker")], check=True, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="predictions per database, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (the median is shown)")
    parser.add_argument("--timeout", type=float, default=300, help="seconds before a run is given up")
    parser.add_argument("--no-tui", action="store_true", help="skip the TUI figures")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args(argv)
    sizes = sorted(int(s.replace("_", "")) for s in args.sizes.split(","))
    compile_package()
    with tempfile.TemporaryDirectory(prefix="tracker-bench-") as tmp:
        start = startup_figures(args.runs, args.timeout)
        empty = None if args.no_tui else tui_figures(None, args.runs, args.timeout)["empty"]
        by_size = {}
        for n in sizes:
            print(f"measuring {n:,} predictions ...", file=sys.stderr, flush=True)
            by_size[n] = bench_size(n, Path(tmp), args.runs, args.timeout, not args.no_tui)
    print(report(sizes, by_size, start, empty, args.markdown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
