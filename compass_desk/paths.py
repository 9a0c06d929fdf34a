"""Where Compass Desk keeps its files: platformdirs, with one override for tests and the demo.

``COMPASS_DESK_HOME`` (or ``--data-dir``) puts config, data, cache and logs under one folder so
tests and demos never touch a real profile.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from compass_desk import APP_ID

HOME_ENV = "COMPASS_DESK_HOME"


@dataclass(frozen=True)
class AppPaths:
    config: Path
    data: Path
    cache: Path
    logs: Path

    def ensure(self) -> AppPaths:
        for path in (self.config, self.data, self.cache, self.logs):
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
        return self


def app_paths(base: str | os.PathLike[str] | None = None) -> AppPaths:
    base = base or os.environ.get(HOME_ENV)
    if base:
        root = Path(base)
        return AppPaths(root / "config", root / "data", root / "cache", root / "logs")
    dirs = platformdirs.PlatformDirs(APP_ID, appauthor=False)
    return AppPaths(
        Path(dirs.user_config_dir),
        Path(dirs.user_data_dir),
        Path(dirs.user_cache_dir),
        Path(dirs.user_log_dir),
    )
