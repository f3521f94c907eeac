"""The shipped lexicon's compiled form (entries, word lists, matcher) kept in one file in the user cache.

Building it takes ~0.7 s (jieba's 5 MB dictionary scanned for its words, 1,000 wordings normalised, two
Aho–Corasick automata) and every `duidu formulas`/`compare` process and every GUI start paid it. The file
is keyed on what the result depends on: the bytes of the lexicon files, the size and time of jieba's
dictionary, the code that builds it (the size and time of its modules, the app version) and the Python
and pyahocorasick versions. Any other key, a short or corrupt file, or one that fails to load is rebuilt
and rewritten; a cache folder that cannot be written only costs the rebuild, never an error.

The payload is stored in parts, each pickled on its own and unpickled on first use (`Parts.get`): a
comparison needs only the two automata of the matcher (3 ms to unpickle), not the 1,500 entries and
2,300 wording forms (25 ms), which the first use of anything else loads. A part that turns out damaged
then is rebuilt like a damaged file: the caller gets the fresh build's part, never an error.

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
import threading
import zlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import ahocorasick

import app

#: Bumped when the layout of the file or of the cached payload changes.
FORMAT = b"duidu-lexicon-cache 2\n"
#: Files under this size are keyed on their bytes, larger ones on their size and modification time.
_HASHED_BYTES = 1 << 20
#: Bytes of a part's entry in the file's table: its size, then the CRC-32 of its bytes (damage is what it
#: finds, four times faster than a sha256: ~0.3 ms for the 1.5 MB a comparison reads; what a hostile file
#: could do is the unpickler's to refuse).
_SIZE_BYTES, _CHECK_BYTES = 8, 4
_ENTRY_BYTES = _SIZE_BYTES + _CHECK_BYTES
T = TypeVar("T")

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


def _checksum(data: bytes | memoryview) -> bytes:
    return zlib.crc32(data).to_bytes(_CHECK_BYTES, "little")


def _unpickle(checksum: bytes, data: bytes | memoryview) -> Any:
    """One part's value; raises on any damage (a checksum that differs, a refused or broken pickle)."""
    if _checksum(data) != checksum:
        raise ValueError("a lexicon cache part does not match its checksum")  # a damaged disk
    return _RestrictedUnpickler(io.BytesIO(data)).load()


def read(path: Path, key: bytes) -> list[tuple[bytes, memoryview]] | None:
    """(checksum, bytes) of each part stored under `key`, or None when the file is missing, stale, short
    or garbled (the parts' bytes are checked when `Parts.get` unpickles them)."""
    try:
        data = memoryview(path.read_bytes())
    except OSError:
        return None
    at = len(FORMAT) + len(key)
    if data[: len(FORMAT)] != FORMAT or data[len(FORMAT) : at] != key or len(data) < at + 1:
        return None
    count, at = data[at], at + 1
    table, at = data[at : at + count * _ENTRY_BYTES], at + count * _ENTRY_BYTES
    parts: list[tuple[bytes, memoryview]] = []
    for n in range(count):
        entry = table[n * _ENTRY_BYTES : (n + 1) * _ENTRY_BYTES]
        size = int.from_bytes(entry[:_SIZE_BYTES], "little")
        parts.append((bytes(entry[_SIZE_BYTES:]), data[at : at + size]))
        at += size
    if not count or at != len(data):
        return None  # a partial write, or bytes after the last part
    return parts


def write(path: Path, key: bytes, parts: Sequence[Any]) -> None:
    """Store the parts atomically (temporary file, then rename); failures are ignored."""
    blobs = [pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL) for part in parts]
    table = b"".join(len(b).to_bytes(_SIZE_BYTES, "little") + _checksum(b) for b in blobs)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(FORMAT + key + bytes((len(blobs),)) + table + b"".join(blobs))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # read-only or full cache folder: the next process rebuilds


class Parts:
    """The parts of a payload: read from the cache file, each unpickled on first use, or a fresh build's.

    `get(n, check)` gives `check` of part n. When the part is damaged or `check` raises on it, the whole
    payload is built afresh (and the file rewritten), and `check` of the fresh part is returned; `rebuilt`
    then tells the caller that parts it took earlier came from the old file. Safe to use from any thread.
    """

    def __init__(self, path: Path | None, key: bytes, build: Callable[[], Sequence[Any]]) -> None:
        self._path, self._key, self._build = path, key, build
        self._lock = threading.RLock()
        self._stored = read(path, key) if path is not None else None
        self._values: dict[int, Any] = {}
        self.rebuilt = False
        if self._stored is None:
            self._rebuild()

    def _rebuild(self) -> None:
        fresh = self._build()
        if self._path is not None:
            write(self._path, self._key, fresh)
        self._stored, self._values, self.rebuilt = None, dict(enumerate(fresh)), True

    def get(self, index: int, check: Callable[[Any], T]) -> T:
        with self._lock:
            if self._stored is not None:
                try:
                    if index not in self._values:
                        self._values[index] = _unpickle(*self._stored[index])
                    return check(self._values[index])
                except Exception:  # any damage the checksum missed, or the wrong shape: rebuild
                    self._rebuild()
            return check(self._values[index])  # a fresh build's part: a failing check is a bug, raised


def load_or_build(path: Path, key: bytes, build: Callable[[], Sequence[Any]], check: Callable[[Any], T]) -> T:
    """`check` of the first part of the payload cached under `key` (built and stored when missing)."""
    return Parts(path, key, build).get(0, check)
