"""Run every benchmark several times and print one table against the budgets of DESIGN.md.

    ./dev bench [--runs N] [--only PROBE ...] [--out FOLDER]

Each probe runs in fresh processes; the table shows the median with min/max over the runs, the
refresh speed-up as a ratio, and a verdict per figure. The results are also written as JSON to
benchmarks/results/<timestamp>.json, and the previous results file is shown beside them.
Exit code 0 when every budget is met, 1 when one is missed or could not be measured.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.harness import FIGURES, HERE, PROBES, run_probe_child, run_probe_here, summarize, verdict

# Probes that take long per run (a full GUI refresh with live status is ~45 s at 30 ms latency).
SLOW = {"stall": 2}


def _git_commit() -> str:
    try:
        done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              cwd=HERE.parent, timeout=10)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                               text=True, cwd=HERE.parent, timeout=10).stdout.strip()
        return done.stdout.strip() + ("+changes" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def _previous(folder: Path) -> tuple[str, dict[str, float]]:
    files = sorted(folder.glob("*.json"))
    if not files:
        return "", {}
    try:
        data = json.loads(files[-1].read_text(encoding="utf-8"))
        return files[-1].name, {r["key"]: r["median"] for r in data["figures"] if "median" in r}
    except (OSError, ValueError, KeyError, TypeError):
        return "", {}


def _short(value: float) -> str:
    return f"{value:.0f}" if abs(value) >= 10 else f"{value:.1f}"


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (default 3)")
    parser.add_argument("--only", nargs="+", choices=sorted(PROBES), metavar="PROBE",
                        help=f"run only these probes: {', '.join(PROBES)}")
    parser.add_argument("--out", type=Path, default=HERE / "results", help="folder for the JSON results")
    parser.add_argument("--probe", choices=sorted(PROBES), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be 1 or more")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.probe:
        run_probe_here(args.probe, args.runs)
        return 0

    wanted = args.only or list(PROBES)
    outcomes = {}
    for name in wanted:
        runs = min(args.runs, SLOW.get(name, args.runs))
        print(f"bench: {name} ({runs} run{'s' if runs > 1 else ''}) ...", file=sys.stderr, flush=True)
        outcomes[name] = run_probe_child(name, runs)
        print(f"bench: {name} done in {outcomes[name].seconds:.0f} s", file=sys.stderr, flush=True)

    previous_name, previous = _previous(args.out)
    rows: list[dict[str, Any]] = []
    for figure in FIGURES:
        if figure.probe not in outcomes:
            continue
        outcome = outcomes[figure.probe]
        samples = outcome.samples.get(figure.key)
        row = summarize(figure, samples) if samples else {
            "key": figure.key, "label": figure.label, "unit": figure.unit,
            "error": "; ".join(outcome.errors) or "the probe gave no figure"}
        row["load_average"] = round(outcome.load, 2)
        row["verdict"] = verdict(figure, row, outcome.load)
        rows.append(row)

    ratios = {r["key"]: r for r in rows}
    table = [["figure", "budget", "median (min/max)", "ratio", "previous", "verdict"]]
    for figure, row in ((f, ratios[f.key]) for f in FIGURES if f.key in ratios):
        measured = "—"
        if "median" in row:
            f = figure.fmt.format
            spread = f"({f(row['min'])}/{f(row['max'])})" if len(row["samples"]) > 1 else "(1 run)"
            measured = f"{f(row['median'])} {figure.unit} {spread}".replace(" x ", "x ")
        ratio = ""
        speedup = ratios.get("refresh_ratio", {})
        if figure.key == "refresh_concurrent_s" and "median" in speedup:
            ratio = f"{speedup['median']:.1f}x"
        before = figure.fmt.format(previous[figure.key]) if figure.key in previous else ""
        table.append([figure.label, row.get("budget", "—"), measured, ratio, before, row["verdict"]])
    print()
    print(_table(table))
    notes = []
    for outcome in outcomes.values():
        for what, values in outcome.details.items():
            spread = f" ({_short(min(values))}/{_short(max(values))})" if len(values) > 1 else ""
            notes.append(f"  {what}: {_short(statistics.median(values))}{spread}")
    if notes:
        print("\ndetails, median (min/max):\n" + "\n".join(notes))

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / f"{stamp}.json"
    machine = {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
               "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None}
    report = {"when": stamp, "commit": _git_commit(), "runs": args.runs, "machine": machine,
              "previous": previous_name, "figures": rows,
              "details": {what: values for o in outcomes.values() for what, values in o.details.items()},
              "probe_seconds": {n: round(o.seconds, 1) for n, o in outcomes.items()}}
    target.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nresults written to {target}" + (f" (previous: {previous_name})" if previous_name else ""))
    failed = [r for r in rows if "error" in r or r.get("met") is False]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
