"""The command line's log file: the same rotating, redacted file as the app, for the run of one command."""

from __future__ import annotations

import logging
from pathlib import Path

from compass_desk.cli.common import GlobalOptions

_ROOT = "compass_desk"


class _Libraries(logging.Handler):
    """On the root logger: hands the libraries' records to the log file (ours reach it directly)."""

    def __init__(self, target: logging.Handler) -> None:
        super().__init__()
        self.target = target

    def emit(self, record: logging.LogRecord) -> None:
        if not (record.name == _ROOT or record.name.startswith(_ROOT + ".")):
            self.target.handle(record)


class CliLogging:
    """Sends the ``compass_desk`` loggers to the log file while a command runs (best effort)."""

    def __init__(self, options: GlobalOptions) -> None:
        self._options = options
        self._handlers: list[logging.Handler] = []
        self._level: int | None = None
        self._root_handler: logging.Handler | None = None
        self.path: Path | None = None

    def start(self) -> Path | None:
        """Set up the log file unless someone already did; None when it cannot be written."""
        path = self._start()
        self._quiet_stderr()
        return path

    def _quiet_stderr(self) -> None:
        """Library records (warnings and up) go to the log file too; nothing reaches stderr.

        Without a handler on the root logger, Python prints records to stderr ("lastResort"); the
        command line says its own one-sentence errors instead.
        """
        if self._root_handler is not None:
            return
        top = logging.getLogger()
        files = [h for h in logging.getLogger(_ROOT).handlers if getattr(h, "_compass_desk", False)]
        guard = _Libraries(files[0]) if files else logging.NullHandler()
        top.addHandler(guard)
        self._root_handler = guard

    def _start(self) -> Path | None:
        root = logging.getLogger(_ROOT)
        existing = [h for h in root.handlers if getattr(h, "_compass_desk", False)]
        if existing:
            name = getattr(existing[0], "baseFilename", None)
            self.path = Path(name) if name else None
            return self.path
        from compass_desk.logsetup import setup_logging
        from compass_desk.paths import app_paths

        try:
            logs = app_paths(self._options.data_dir).logs
            logs.mkdir(parents=True, exist_ok=True, mode=0o700)
            self._level = root.level
            self.path = setup_logging(logs)
        except (OSError, ValueError):  # an unwritable data folder must not stop the command itself
            self.path = None
            return None
        self._handlers = [h for h in root.handlers if getattr(h, "_compass_desk", False)]
        return self.path

    def stop(self) -> None:
        """Close the handler this run added (a long-lived process, such as the tests, goes on)."""
        if self._root_handler is not None:
            logging.getLogger().removeHandler(self._root_handler)
            self._root_handler = None
        root = logging.getLogger(_ROOT)
        for handler in self._handlers:
            root.removeHandler(handler)
            handler.close()
        if self._handlers and self._level is not None:
            root.setLevel(self._level)
        self._handlers = []
