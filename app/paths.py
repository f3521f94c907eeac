"""The one place that knows where things live: user directories, the bundled resources, frozen builds."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "Duidu"
#: Environment variable naming the library (a path or an SQLAlchemy URL); `--db` overrides it.
DB_ENV = "DUIDU_DB"
#: Environment variable that moves every user directory (tests, portable installs).
HOME_ENV = "DUIDU_HOME"

_dirs = PlatformDirs(APP_NAME, appauthor=False, roaming=False)


def is_frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False))


def resources_dir() -> Path:
    """The shipped `resources/` folder, from a checkout, an installed wheel or a frozen bundle."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "resources", here / "resources"):
        if candidate.is_dir():
            return candidate
    return here.parent / "resources"


def resource(*parts: str) -> Path:
    """Path of one shipped resource file."""
    return resources_dir().joinpath(*parts)


def _home_override() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value) if value else None


def data_dir() -> Path:
    """Where the default library lives (created on demand)."""
    home = _home_override()
    path = home / "data" if home else Path(_dirs.user_data_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """Where rebuildable caches live (jieba's dictionary cache among them)."""
    home = _home_override()
    path = home / "cache" if home else Path(_dirs.user_cache_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_library_path() -> Path:
    """The library used when neither `--db` nor the environment names one."""
    return data_dir() / "library.duidu.sqlite"


def resolve_target(db: str | None) -> str:
    """The library a command opens: `--db` wins, then $DUIDU_DB, then the default library in the user
    data directory."""
    return db or os.environ.get(DB_ENV) or str(default_library_path())
