"""The simulator in its own process, as a real server would be (no share of the benchmark's GIL)."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from collections.abc import Iterator


@contextlib.contextmanager
def simulator_process(*options: str) -> Iterator[str]:
    """Start ``compass-desk sim`` with *options* on a free port; yields its base URL."""
    command = [sys.executable, "-m", "compass_desk", "sim", "--port", "0", "--json", *options]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        text = ""
        while True:  # the start-up object is pretty-printed over several lines
            line = process.stdout.readline()
            if not line:
                raise SystemExit("the simulator did not start")
            text += line
            if line.startswith("}"):
                break
        yield json.loads(text)["base_url"]
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout:
            process.stdout.close()
