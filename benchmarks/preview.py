"""Time opening a 20,000-line provisioning file: parse + mask + validate, and in the viewer
(budget, DESIGN.md: open and highlight in at most 150 ms on a 2-core laptop).

.venv/bin/python benchmarks/preview.py [--lines N] [--rounds R] [--no-gui] [--json]

Prints the median of R rounds in milliseconds per vendor format (with --json: one JSON object,
"formats" -> "yealink" / "snom" -> parse_ms, mask_ms, validate_ms and "viewer" -> first_paint_ms,
whole_text_ms, findings_ms). The GUI part opens the real ProvisioningViewDialog offscreen (unless
a display is set) and times until the lines on screen are shown, masked and coloured (the budget
figure); then until the rest of the file is in the view (it follows on the next turn of the event
loop) and until the validation findings are shown. Highlighting is lazy, so the rest is coloured
as the user scrolls.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from compass_desk.domain.provisioning import parse_text
from compass_desk.domain.provisioning.secrets import mask_text
from compass_desk.domain.provisioning.validate import validate

BUDGET_MS = 150.0  # DESIGN.md: open and highlight a 20,000-line provisioning file
LABELS = {"yealink": "Yealink .cfg", "snom": "Snom XML"}


def yealink_file(lines: int) -> str:
    out = ["#!version:1.0.0.1", "## benchmark file", "static.auto_provision.server.url = https://prov.example/"]
    n = 0
    while len(out) < lines - 4:
        n += 1
        out += [f"account.{n}.enable = 1", f"account.{n}.label = Extension {n}",
                f"account.{n}.user_name = user{n}", f"account.{n}.auth_name = user{n}",
                f"account.{n}.password = Fake-Bench-{n:06d}",
                f"account.{n}.sip_server.1.address = sip.example",
                f"account.{n}.sip_server.1.port = 5061", f"linekey.{n}.type = 16",
                f"linekey.{n}.value = {n}", f"linekey.{n}.label = Colleague {n}", f"# key {n} done"]
    out = [*out[: lines - 4], "## custom settings (Compass Studio)", "features.dnd.enable = 0",
           "lang.gui = %NULL%", "phone_setting.backlight_time = 60"]
    return "\n".join(out) + "\n"


def snom_file(lines: int) -> str:
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<settings>", '  <phone-settings e="2">']
    n = 0
    while len(out) < lines - 8:
        n += 1
        out += [f'    <user_active idx="{n}" perm="R">on</user_active>',
                f'    <user_realname idx="{n}" perm="R">Extension {n}</user_realname>',
                f'    <user_name idx="{n}" perm="R">user{n}</user_name>',
                f'    <user_pass idx="{n}" perm="R">Fake-Bench-{n:06d}</user_pass>',
                f'    <user_host idx="{n}" perm="R">sip.example</user_host>',
                f"    <!-- identity {n} -->"]
    out += ["    <!-- custom settings (Compass Studio) -->", '    <dnd_mode perm="!">off</dnd_mode>',
            "  </phone-settings>", "  <functionKeys>", '    <fkey idx="0" perm="R">speed *1</fkey>',
            "  </functionKeys>", "</settings>"]
    return "\n".join(out) + "\n"


def median_ms(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _void_calls_leak_none() -> bool:
    # PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a method returning
    # void; thousands of calls later the interpreter aborts ("none_dealloc").
    from PySide6.QtGui import QTextCharFormat

    fmt = QTextCharFormat()
    before = sys.getrefcount(None)
    for _ in range(100):
        fmt.setFontItalic(True)
    return sys.getrefcount(None) < before - 50


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-gui", action="store_true")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args()
    say = (lambda _text: None) if args.json else print
    report: dict[str, Any] = {"lines": args.lines, "rounds": args.rounds, "budget_ms": BUDGET_MS,
                              "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
                              "formats": {}}
    files = {"yealink": yealink_file(args.lines), "snom": snom_file(args.lines)}
    for key, text in files.items():
        parsed = parse_text(text)
        parse = median_ms(lambda t=text: parse_text(t), args.rounds)
        mask = median_ms(lambda p=parsed: mask_text(p), args.rounds)
        check = median_ms(lambda p=parsed: validate(p), args.rounds)
        report["formats"][key] = {"label": LABELS[key], "lines": len(parsed.lines), "parse_ms": parse,
                                  "mask_ms": mask, "validate_ms": check}
        say(f"{LABELS[key]:13} {len(parsed.lines):6} lines  parse {parse:6.1f} ms  mask {mask:6.1f} ms  "
            f"validate {check:6.1f} ms")
    ballast = False if args.no_gui else _viewer(files, args.rounds, report, say)
    if args.json:
        print(json.dumps(report))
    sys.stdout.flush()
    if ballast:
        os._exit(0)  # freeing the ballast would take None's count below zero and abort
    return 0


def _viewer(files: dict[str, str], rounds: int, report: dict[str, Any], say: Callable[[str], None]) -> bool:
    """Open each file in the real viewer *rounds* times; True when a ballast must not be freed."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from compass_desk.gui.provisioning_view import ProvisioningViewDialog

    app = QApplication.instance() or QApplication([])
    ballast: list[None] = []
    if _void_calls_leak_none():
        print("warning: this PySide6 build leaks references to None (6.12.0 on Python 3.11); the run "
              "holds extra references so it can finish, the app itself needs another PySide6 version",
              file=sys.stderr)
        ballast = [None] * 5_000_000
    for key, text in files.items():
        first_paint, whole, findings = [], [], []
        for _ in range(rounds):
            start = time.perf_counter()
            dialog = ProvisioningViewDialog(text, filename="bench")
            dialog.show()
            dialog.repaint()  # paints now: the lines on screen, coloured
            first_paint.append((time.perf_counter() - start) * 1000)
            view = dialog.text_view
            assert view.highlighter is not None and view.highlighter.coloured_lines
            # The first paint must already be masked (the generated secrets all start so).
            assert "Fake-Bench-" not in view.toPlainText(), "a secret was shown before masking"
            # The rest of the file follows on the next turn of the event loop, before validation (its
            # timer comes first); one processEvents would run both, so append it here, as it would.
            view.complete_content()
            whole.append((time.perf_counter() - start) * 1000)
            while not dialog.checked:  # validation runs right after
                app.processEvents()
            findings.append((time.perf_counter() - start) * 1000)
            dialog.done(0)
            dialog.deleteLater()
            app.processEvents()
        figures = {"first_paint_ms": statistics.median(first_paint),
                   "whole_text_ms": statistics.median(whole),
                   "findings_ms": statistics.median(findings), "first_paint_samples": first_paint}
        report["formats"][key]["viewer"] = figures
        say(f"{LABELS[key]:13} viewer: text shown and coloured {figures['first_paint_ms']:6.1f} ms "
            f"(budget {BUDGET_MS:g} ms), whole text in the view {figures['whole_text_ms']:6.1f} ms, "
            f"findings shown {figures['findings_ms']:6.1f} ms")
    return bool(ballast)


if __name__ == "__main__":
    raise SystemExit(main())
