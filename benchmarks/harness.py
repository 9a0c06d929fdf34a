"""Probes that measure one figure each, and the table that compares them with DESIGN.md's budgets.

Every probe runs in a fresh child process (``python -m benchmarks --probe NAME``): Qt start-up,
RSS and the interpreter's state then belong to that one measurement only. A probe prints one line
``BENCH-JSON {...}``: a mapping from figure key to a list of samples; keys that are no figure
(e.g. "worst keystroke, 10,000 phones (ms)") are details, shown as notes under the table.
The probes reuse the measuring code of the individual scripts in this folder; a script without a
function to call is run as a subprocess and its printed figures are read with a pattern.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from argparse import Namespace
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
MARKER = "BENCH-JSON "


@dataclass(frozen=True)
class Budget:
    op: str  # "<=" or ">="
    value: float
    source: str = "DESIGN.md"

    def met(self, measured: float) -> bool:
        if self.op == "<":
            return measured < self.value
        return measured <= self.value if self.op == "<=" else measured >= self.value


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    unit: str
    budget: Budget | None
    probe: str
    fmt: str = "{:.1f}"


FIGURES = (
    Figure("first_paint_s", "start to first paint (cold process, demo data in cache)", "s",
           Budget("<=", 0.8), "first_paint", "{:.2f}"),
    Figure("first_rows_s", "start to cached rows shown", "s", None, "first_paint", "{:.2f}"),
    Figure("refresh_concurrent_s", "full refresh 10,000 phones / 400 orgs / 30 ms, concurrent", "s",
           Budget("<=", 2.5), "refresh", "{:.2f}"),
    Figure("refresh_sequential_s", "the same refresh, one request at a time", "s", None, "refresh", "{:.2f}"),
    Figure("refresh_ratio", "refresh speed-up, concurrent vs one at a time", "x", Budget(">=", 6.0),
           "refresh"),
    Figure("keystroke_10k_p95_ms", "filter per keystroke, 10,000 phones (p95)", "ms", Budget("<=", 16.0),
           "keystroke_10k"),
    Figure("keystroke_100k_p95_ms", "filter per keystroke, 100,000 phones (p95)", "ms", None,
           "keystroke_100k"),
    Figure("open_yealink_ms", "open + highlight a 20,000-line Yealink .cfg", "ms", Budget("<=", 150.0),
           "preview"),
    Figure("open_snom_ms", "open + highlight a 20,000-line Snom XML", "ms", Budget("<=", 150.0), "preview"),
    Figure("stall_ms", "longest UI stall during a refresh of 10,000 phones", "ms", Budget("<=", 50.0),
           "stall", "{:.0f}"),
    Figure("rss_mb", "RSS with 10,000 phones loaded", "MB", Budget("<=", 250.0), "stall", "{:.0f}"),
    Figure("sim_rps", "simulator requests/s, 8 clients", "req/s", Budget(">=", 300.0, "issue 3"), "sim",
           "{:.0f}"),
    Figure("cache_save_load_ms", "cache snapshot save + load, 10,000 phones", "ms",
           Budget("<", 1000.0, "issue 8"), "store_cache", "{:.0f}"),
)


# --------------------------------------------------------------------------------------------
# Probes (run in the child process)


def _run_script(script: str, *args: str, timeout: float = 600) -> str:
    done = subprocess.run([sys.executable, str(HERE / script), *args], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "PYTHONPATH": str(HERE.parent)})
    if done.returncode not in (0, 1):  # 1 = the script's own "budget missed"
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise RuntimeError(f"{script} failed with exit code {done.returncode}: {tail[0]}")
    return done.stdout


def _number(pattern: str, text: str, what: str) -> float:
    found = re.search(pattern, text, re.MULTILINE)
    if not found:
        raise RuntimeError(f"could not read {what} from the script's output")
    return float(found.group(1))


def probe_first_paint(runs: int) -> dict[str, Any]:
    from benchmarks import gui

    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ)
        # Prime the cache once: the demo refresh is saved before the screenshot is taken.
        subprocess.run([sys.executable, "-m", "compass_desk", "--demo", "--data-dir", home, "--screenshot",
                        str(Path(home) / "prime.png")], env=env, check=True, capture_output=True, timeout=180)
        paints, rows = [], []
        for _ in range(runs):
            started = time.time()
            out = subprocess.run([sys.executable, "-c", gui.CHILD_SCRIPT, home, repr(started)], env=env,
                                 check=True, capture_output=True, text=True, timeout=120).stdout.split()
            paints.append(float(out[-2]))
            rows.append(float(out[-1]))
    return {"first_paint_s": paints, "first_rows_s": rows}


def probe_refresh(runs: int) -> dict[str, Any]:
    from benchmarks import refresh

    args = Namespace(companies=400, phones=10_000, latency_ms=30, in_process=False)
    with refresh.simulator(args) as base_url:
        refresh.timed_refresh(base_url, 8)  # warm-up: connections, imports, server caches
        concurrent = [refresh.timed_refresh(base_url, 8)[0] for _ in range(runs)]
        sequential = refresh.timed_refresh(base_url, 1)[0]
    return {
        "refresh_concurrent_s": concurrent,
        "refresh_sequential_s": [sequential],
        "refresh_ratio": [sequential / t for t in concurrent],
    }


def _keystrokes(phones: int) -> tuple[float, float]:
    from PySide6.QtWidgets import QApplication

    from benchmarks import gui

    app = QApplication.instance() or QApplication([])
    p95, worst = gui.keystrokes(phones, 400)
    del app
    return p95, worst


def probe_keystroke_10k(_runs: int) -> dict[str, Any]:
    p95, worst = _keystrokes(10_000)
    return {"keystroke_10k_p95_ms": [p95], "worst keystroke, 10,000 phones (ms)": [worst]}


def probe_keystroke_100k(_runs: int) -> dict[str, Any]:
    p95, worst = _keystrokes(100_000)
    return {"keystroke_100k_p95_ms": [p95], "worst keystroke, 100,000 phones (ms)": [worst]}


def probe_preview(runs: int) -> dict[str, Any]:
    out = _run_script("preview.py", "--rounds", str(max(3, runs)), "--json")
    try:
        figures = json.loads(out.strip().splitlines()[-1])["formats"]
    except (IndexError, KeyError, ValueError) as exc:
        raise RuntimeError(f"could not read preview.py's JSON figures: {exc}") from None
    result: dict[str, Any] = {}
    for vendor, key in (("Yealink", "yealink"), ("Snom", "snom")):
        this = figures[key]
        viewer = this["viewer"]
        # The budget figure: until the lines on screen are shown, masked and coloured.
        result[f"open_{key}_ms"] = [viewer["first_paint_ms"]]
        # Parsing, masking and validating on their own (validation comes after the first paint).
        result[f"{vendor}: parse + mask + validate, on their own (ms)"] = [
            this["parse_ms"] + this["mask_ms"] + this["validate_ms"]]
        result[f"{vendor}: until the whole text is in the view (ms)"] = [viewer["whole_text_ms"]]
        result[f"{vendor}: until the findings are shown too (ms)"] = [viewer["findings_ms"]]
    return result


def probe_stall(_runs: int) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from benchmarks import gui

    app = QApplication.instance() or QApplication([])
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    stall, seconds, rss, rows = gui.refresh_stall(10_000, 400, 30)
    del app
    if rows < 10_000:
        raise RuntimeError(f"the refresh showed {rows} phones instead of 10,000")
    return {"stall_ms": [stall], "rss_mb": [rss], "refresh + live status in the window (s)": [seconds],
            "load average before the refresh": [load_before]}


def probe_sim(_runs: int) -> dict[str, Any]:
    out = _run_script("sim_throughput.py", "--seconds", "3")
    return {"sim_rps": [_number(r"([\d.]+) requests/s", out, "requests/s")]}


def probe_store_cache(runs: int) -> dict[str, Any]:
    out = _run_script("store_cache.py", "--rounds", str(max(3, runs)))
    return {"cache_save_load_ms": [_number(r"save \+ load\s*:\s*([\d.]+) ms", out, "save + load")]}


@dataclass(frozen=True)
class Probe:
    fn: Callable[[int], dict[str, Any]]
    repeat: bool  # True: the parent starts a fresh process per run; False: the probe repeats itself


PROBES: dict[str, Probe] = {
    "first_paint": Probe(probe_first_paint, False),
    "refresh": Probe(probe_refresh, False),
    "keystroke_10k": Probe(probe_keystroke_10k, True),
    "keystroke_100k": Probe(probe_keystroke_100k, True),
    "preview": Probe(probe_preview, True),
    "stall": Probe(probe_stall, True),
    "sim": Probe(probe_sim, True),
    "store_cache": Probe(probe_store_cache, True),
}


def run_probe_here(name: str, runs: int) -> None:
    """Child side: measure, print the marker line, and leave without tearing Qt down."""
    result = PROBES[name].fn(runs)
    sys.stdout.write(MARKER + json.dumps(result) + "\n")
    sys.stdout.flush()
    os._exit(0)  # some PySide6 builds abort while freeing objects at exit; the figures are out


# --------------------------------------------------------------------------------------------
# Parent side


@dataclass
class Outcome:
    samples: dict[str, list[float]] = field(default_factory=dict)
    details: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    load: float = 0.0  # highest 1-minute load average seen around the probe


def load_average() -> float:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0


def run_probe_child(name: str, runs: int, timeout: float = 900) -> Outcome:
    outcome = Outcome(load=load_average())
    started = time.perf_counter()
    for _ in range(runs if PROBES[name].repeat else 1):
        try:
            done = subprocess.run([sys.executable, "-m", "benchmarks", "--probe", name, "--runs", str(runs)],
                                  capture_output=True, text=True, timeout=timeout, cwd=HERE.parent)
        except subprocess.TimeoutExpired:
            outcome.errors.append(f"timed out after {timeout:.0f} s")
            break
        lines = [ln for ln in done.stdout.splitlines() if ln.startswith(MARKER)]
        if not lines:
            last = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}, no figures"])[-1]
            outcome.errors.append(last[:300])
            break
        data = json.loads(lines[-1][len(MARKER):])
        figures = {f.key for f in FIGURES}
        for key, values in data.items():
            target = outcome.samples if key in figures else outcome.details
            target.setdefault(key, []).extend(float(v) for v in values)
    outcome.seconds = time.perf_counter() - started
    outcome.load = max(outcome.load, load_average())
    return outcome


def summarize(figure: Figure, samples: list[float]) -> dict[str, Any]:
    median = statistics.median(samples)
    row: dict[str, Any] = {"key": figure.key, "label": figure.label, "unit": figure.unit, "samples": samples,
                           "median": median, "min": min(samples), "max": max(samples)}
    if figure.budget is not None:
        row["budget"] = f"{figure.budget.op} {figure.budget.value:g} {figure.unit}".replace(" x", "x")
        row["budget_source"] = figure.budget.source
        row["met"] = figure.budget.met(median)
    return row


def verdict(figure: Figure, row: dict[str, Any], load: float = 0.0) -> str:
    if "error" in row:
        return "not measured: " + row["error"]
    if figure.budget is None:
        return "for information"
    if row["met"]:
        return "met"
    shown, limit = figure.fmt.format(row["median"]), f"{figure.budget.value:g}"
    word = "over" if figure.budget.op.startswith("<") else "under"
    why = f"MISSED: {shown} {figure.unit} is {word} {limit} {figure.unit}".replace(" x", "x")
    cores = os.cpu_count() or 1
    if load > cores:  # timings on a machine busy with other work say little about the app
        why += f"; the machine was busy (load {load:.1f} on {cores} cores), run again when idle"
    return why
