"""The shipped lexicon's compiled form (entries, word lists, matcher) kept in one file in the user cache.

Building it takes ~0.7 s (jieba's 5 MB dictionary scanned for its words, 1,000 wordings normalised, two
Aho–Corasick automata) and every `duidu formulas`/`compare` process and every GUI start paid it. The file
is keyed on what the result depends on: the bytes of the lexicon files, the size and time of jieba's
dictionary, the code that builds it (the size and time of its modules, the app version) and the Python
and pyahocorasick versions. Any other key, a short or corrupt file, or one that fails to load is rebuilt
and rewritten; a cache folder that cannot be written only costs the rebuild, never an error.

The file is read with an unpickler that builds only the few classes listed in `_ALLOWED`, so a file put in
the cache folder by someone else cannot run code.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import ahocorasick

import app

#: Bumped when the layout of the cached payload changes.
FORMAT = b"duidu-lexicon-cache 1\n"
#: Files under this size are keyed on their bytes, larger ones on their size and modification time.
_HASHED_BYTES = 1 << 20

#: (module, name) of everything the payload may contain besides plain containers and strings.
_ALLOWED = frozenset(
    {
        ("app.core.formulas.lexicon", "FormulaEntry"),
        ("app.core.formulas.lexicon", "LexiconProblem"),
        ("app.core.formulas.lexicon", "LoadedLexicon"),
        ("app.core.formulas.detect", "_Form"),
        ("ahocorasick", "Automaton"),
        ("builtins", "frozenset"),
        ("builtins", "set"),
        ("copyreg", "_reconstructor"),
        ("builtins", "object"),
    }
)


class _RestrictedUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the lexicon cache")
        return super().find_class(module, name)


def cache_key(files: Iterable[Path], code: Iterable[Path | None]) -> bytes:
    """A digest of the input files (bytes, or size and time when large) and of the code that builds."""
    digest = hashlib.sha256()
    digest.update(f"{app.__version__}|{sys.version}".encode())
    for path in files:
        stat = path.stat()  # a missing lexicon file is an error, as it was before the cache
        digest.update(f"|{path}|{stat.st_size}|".encode())
        if stat.st_size <= _HASHED_BYTES:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        else:
            digest.update(str(stat.st_mtime_ns).encode())
    # pyahocorasick's own file stands for its version (its automata are pickled in the payload)
    native = Path(ahocorasick.__file__) if getattr(ahocorasick, "__file__", None) else None
    for module_file in (*code, native):
        if module_file is not None and module_file.is_file():
            stat = module_file.stat()
            digest.update(f"|{module_file}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.digest()


def read(path: Path, key: bytes) -> Any | None:
    """The payload stored under `key`, or None when the file is missing, stale, short or corrupt."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(FORMAT)
    if data[:head] != FORMAT or data[head : head + 32] != key:
        return None
    checksum, payload = data[head + 32 : head + 64], data[head + 64 :]
    if hashlib.sha256(payload).digest() != checksum:
        return None  # a partial write or a damaged disk
    try:
        return _RestrictedUnpickler(io.BytesIO(payload)).load()
    except Exception:  # any damage the checksum missed: rebuild instead of failing the caller
        return None


def write(path: Path, key: bytes, value: Any) -> None:
    """Store the payload atomically (temporary file, then rename); failures are ignored."""
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(FORMAT + key + hashlib.sha256(payload).digest() + payload)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # read-only or full cache folder: the next process rebuilds


def load_or_build(path: Path, key: bytes, build: Callable[[], Any], check: Callable[[Any], Any]) -> Any:
    """`check(payload)` of the cached payload; on a miss (or when `check` raises), `build()` it, store it
    and return `check` of the fresh payload."""
    cached = read(path, key)
    if cached is not None:
        try:
            return check(cached)
        except Exception:  # a payload of the right key but the wrong shape: treat as corrupt
            pass
    fresh = build()
    write(path, key, fresh)
    return check(fresh)
