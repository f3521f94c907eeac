"""The reads of "similar speeches", in plain SQL: on a `sqlite3` connection or a SQLAlchemy session.

`duidu similar FILE` answers in under a second start-up included, and importing SQLAlchemy and its ORM
was a third of that second. So the queries its path runs (the shingle index's postings and sizes, the
documents' rows and texts, the user's lexicon, a content-hash lookup) are written here once, as SQL with
`?` marks, and run by `fetch` on whichever connection the caller holds: the GUI, the scan and the tests
pass the library's session (any database), the CLI a plain read-only `sqlite3` connection
(app.store.plain_library). Nothing here imports SQLAlchemy; a test keeps it so.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any

import numpy as np

from app.core.shingles import FINGERPRINT_VERSION, CandidateScore, ShingleParams, idf, max_useful_df

if TYPE_CHECKING:
    from app.core.formulas.lexicon import FormulaEntry
    from app.core.passages import FormulaOracle
    from app.store.similar_rank import DocumentInfo

#: What the reads run on: a SQLAlchemy session or connection of the library, or a plain sqlite3 connection
#: (not spelled out: naming SQLAlchemy's types here, even for type checkers, is what this module avoids).
Db = Any

#: How the index shingles and winnows a text.
PARAMS = ShingleParams()
#: Where postings are (app.store.index_models): a document's are all in one; every reader reads both.
POSTING_TABLES = ("shingle_postings", "shingle_postings_recent")
#: Bound parameters per IN (...) list: well under every database's limit.
CHUNK = 500


def fetch(db: Db, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """The rows of `sql` (with `?` marks) as plain tuples. On SQLite the driver's own connection reads them
    (building SQLAlchemy rows for 10^5 postings cost twice what SQLite took to find them); other
    databases get the statement in their driver's mark style."""
    if isinstance(db, sqlite3.Connection):
        return db.execute(sql, tuple(params)).fetchall()
    connection = db.connection() if hasattr(db, "get_bind") else db  # a session: its connection
    driver = _sqlite_driver(connection)
    if driver is not None:
        return fetch(driver, sql, params)
    if connection.dialect.paramstyle in ("format", "pyformat"):
        sql = sql.replace("?", "%s")
    return [tuple(row) for row in connection.exec_driver_sql(sql, tuple(params))]


def sqlite_connection(db: Db) -> sqlite3.Connection | None:
    """The `sqlite3` connection `fetch` reads `db` through, when it is SQLite (else None)."""
    if isinstance(db, sqlite3.Connection):
        return db
    return _sqlite_driver(db.connection() if hasattr(db, "get_bind") else db)


def _sqlite_driver(connection: Any) -> sqlite3.Connection | None:
    """The `sqlite3` connection under a SQLAlchemy connection to SQLite, else None."""
    return connection.connection.driver_connection if connection.dialect.name == "sqlite" else None


def chunks(values: Collection[int]) -> Iterator[list[int]]:
    items = list(values)
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def marks(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


def stored_text(value: Any) -> str | None:
    """A document's text as read from the database: a long text is stored as a BLOB of its UTF-8 bytes
    (see models.StoredText)."""
    return value.decode("utf-8") if isinstance(value, bytes) else value


# --- the shingle index -------------------------------------------------------------------------------


def indexed_documents(db: Db) -> int:
    return int(fetch(db, "SELECT COUNT(*) FROM shingle_index_state")[0][0] or 0)


def stale_ids(db: Db) -> list[int]:
    """Documents without fingerprints of the current version.

    Every query asks this first, so it is written as a correlated NOT EXISTS (SQLite then walks a small
    index of `documents` and probes the state's primary key: 2 ms for 10,000 speeches, against 24 ms for
    NOT IN, which scanned the table with the texts); sorted here, not in SQL, for the same reason.
    """
    rows = fetch(
        db,
        "SELECT documents.id FROM documents WHERE NOT (EXISTS (SELECT shingle_index_state.document_id "
        "FROM shingle_index_state WHERE shingle_index_state.document_id = documents.id "
        "AND shingle_index_state.version = ?))",
        (FINGERPRINT_VERSION,),
    )
    return sorted(int(i) for (i,) in rows)


def rows_by_hash(db: Db, columns: str, hashes: Collection[int], tail: str = "") -> list[tuple]:
    """`SELECT columns FROM postings WHERE hash IN (…) tail` over every chunk of `hashes`, from the main
    table, then from the recent one."""
    found: list[tuple] = []
    for table in POSTING_TABLES:
        for chunk in chunks(hashes):
            found.extend(
                fetch(db, f"SELECT {columns} FROM {table} WHERE hash IN ({marks(chunk)}) {tail}", chunk)
            )
    return found


def document_frequencies(db: Db, hashes: Collection[int]) -> dict[int, int]:
    """How many documents hold each fingerprint (absent ones are left out)."""
    found: dict[int, int] = {}
    for h, n in sorted(rows_by_hash(db, "hash, COUNT(*)", hashes, "GROUP BY hash")):
        found[int(h)] = found.get(int(h), 0) + int(n)
    return found


def document_fingerprints(db: Db, document_id: int) -> frozenset[int]:
    """The fingerprints stored for one document (the boilerplate signal reads one per compared pair). On
    SQLite as one string per table (`group_concat`), read by numpy: a row per fingerprint cost more."""
    driver = sqlite_connection(db)
    if driver is not None:
        sql = "SELECT group_concat(hash) FROM {} WHERE document_id = ?"
        found = [driver.execute(sql.format(table), (document_id,)).fetchone()[0] for table in POSTING_TABLES]
        listed = ",".join(text for text in found if text)
        return frozenset(np.fromstring(listed, dtype=np.int64, sep=",").tolist() if listed else ())
    return frozenset(
        h
        for table in POSTING_TABLES
        for (h,) in fetch(db, f"SELECT hash FROM {table} WHERE document_id = ?", (document_id,))
    )


def postings(db: Db, hashes: Collection[int]) -> dict[int, list[int]]:
    """The documents holding each fingerprint (ascending)."""
    found: dict[int, list[int]] = defaultdict(list)
    for h, document_id in sorted(rows_by_hash(db, "hash, document_id", hashes)):
        found[h].append(document_id)
    return found


def find_candidates(
    db: Db,
    query: Collection[int],
    *,
    exclude: Iterable[int] = (),
    within: Collection[int] | None = None,
    limit: int = 50,
) -> list[CandidateScore]:
    """Documents sharing the rarest fingerprints with `query`, best first: by the summed rarity (idf) of
    the fingerprints they share, as `app.core.shingles.rank_candidates` ranks them.

    Fingerprints held by more than `max_useful_df` documents (formulas and boilerplate everyone writes)
    are not looked up at all: they would cost the most and weigh the least. The postings of the others
    (about 50,000 for a speech of a 10,000-speech library) are summed per document with numpy.
    """
    documents = indexed_documents(db)
    if not query or not documents:
        return []
    ceiling = max_useful_df(documents)
    df, rows = _useful_postings(db, query, ceiling)
    useful = sorted(h for h, n in df.items() if n <= ceiling)
    # in (hash, document) order whichever table a row came from, so that scores are summed in one order
    rows = rows[np.lexsort((rows[:, 1], rows[:, 0]))]
    keep = ~np.isin(rows[:, 1], np.fromiter(set(exclude), dtype=np.int64))
    if within is not None:
        keep &= np.isin(rows[:, 1], np.fromiter(set(within), dtype=np.int64))
    rows = rows[keep]
    if not len(rows):
        return []
    weights = np.array([idf(df[h], documents) for h in useful], dtype=np.float64)
    ids, holder = np.unique(rows[:, 1], return_inverse=True)
    scores = np.bincount(holder, weights=weights[np.searchsorted(np.array(useful), rows[:, 0])])
    shared = np.bincount(holder)
    best = np.lexsort((ids, -scores))[:limit]
    return [CandidateScore(int(ids[i]), round(float(scores[i]), 4), int(shared[i])) for i in best]


def _useful_postings(db: Db, hashes: Collection[int], ceiling: int) -> tuple[dict[int, int], np.ndarray]:
    """How many documents hold each of `hashes` (absent ones left out), and the (hash, document) rows of
    those held by at most `ceiling` documents.

    On SQLite one pass per chunk gives both: each hash's count and its documents as one string
    (`group_concat`), read into numpy at once. A long query's ~30,000 postings were ~30,000 Python
    tuples, two thirds of the candidate read's time, and the counts a second pass over the same index.
    Other databases read the counts, then the rows."""
    driver = sqlite_connection(db)
    if driver is None:
        df = document_frequencies(db, hashes)
        useful = [h for h, n in df.items() if n <= ceiling]
        found = rows_by_hash(db, "hash, document_id", useful)
        rows = np.fromiter(chain.from_iterable(found), dtype=np.int64, count=2 * len(found))
        return df, rows.reshape(-1, 2)
    groups: list[tuple[int, int, str]] = []
    df: dict[int, int] = {}
    for table in POSTING_TABLES:
        for chunk in chunks(hashes):
            sql = (
                f"SELECT hash, COUNT(*), group_concat(document_id) FROM {table} "
                f"WHERE hash IN ({marks(chunk)}) GROUP BY hash"
            )
            for h, n, holders in driver.execute(sql, chunk):
                df[h] = df.get(h, 0) + n
                groups.append((h, n, holders))
    kept = [(h, n, holders) for h, n, holders in groups if df[h] <= ceiling]
    if not kept:
        return df, np.zeros((0, 2), dtype=np.int64)
    holders = np.fromstring(",".join(g[2] for g in kept), dtype=np.int64, sep=",")
    times = np.fromiter((g[1] for g in kept), dtype=np.int64, count=len(kept))
    owners = np.repeat(np.fromiter((g[0] for g in kept), dtype=np.int64, count=len(kept)), times)
    return df, np.column_stack((owners, holders))


def index_sizes(db: Db, ids: Collection[int]) -> dict[int, tuple[int, int]]:
    """Fingerprints and normalised characters the index holds for each document."""
    found: dict[int, tuple[int, int]] = {}
    for chunk in chunks(ids):
        rows = fetch(
            db,
            "SELECT document_id, fingerprints, chars FROM shingle_index_state "
            f"WHERE document_id IN ({marks(chunk)})",
            chunk,
        )
        found.update({int(d): (int(n), int(k)) for d, n, k in rows})
    return found


def index_stamp(db: Db, up_to: int | None = None) -> str:
    """What the index holds (of the documents numbered ≤ `up_to`), in a few numbers: any import, removal
    or re-index changes it."""
    sql = "SELECT COUNT(*), MAX(document_id), SUM(fingerprints), SUM(chars) FROM shingle_index_state"
    row = fetch(db, sql) if up_to is None else fetch(db, f"{sql} WHERE document_id <= ?", (up_to,))
    return "-".join(str(v or 0) for v in row[0])


# --- documents ---------------------------------------------------------------------------------------


def document_infos(db: Db, ids: Sequence[int]) -> dict[int, DocumentInfo]:
    """Title, source, date, speaker, genre and length of each document in `ids` that exists."""
    from app.store.similar_rank import DocumentInfo

    found: dict[int, DocumentInfo] = {}
    for chunk in chunks(ids):
        sql = "SELECT id, title, source_path, date, speaker, genre, chars FROM documents WHERE id IN "
        found.update({row[0]: DocumentInfo(*row) for row in fetch(db, f"{sql}({marks(chunk)})", chunk)})
    return found


def texts_of(db: Db, ids: Sequence[int]) -> dict[int, str]:
    """The stored text of each document in `ids` that exists."""
    found: dict[int, str] = {}
    for chunk in chunks(ids):
        rows = fetch(db, f"SELECT id, text FROM documents WHERE id IN ({marks(chunk)})", chunk)
        found.update({i: stored_text(t) or "" for i, t in rows})
    return found


def document_id_by_hash(db: Db, digest: str) -> int | None:
    """The id of the document whose text has this SHA-256, if the library holds it."""
    rows = fetch(db, "SELECT id FROM documents WHERE content_hash = ?", (digest,))
    return int(rows[0][0]) if rows else None


def content_hash_of(db: Db, document_id: int) -> str | None:
    rows = fetch(db, "SELECT content_hash FROM documents WHERE id = ?", (document_id,))
    return rows[0][0] if rows else None


def ids_by_hash(db: Db, digests: Collection[str]) -> dict[str, int]:
    """Content hash → id of the documents among `digests` that the library holds."""
    found: dict[str, int] = {}
    for chunk in chunks(digests):  # type: ignore[arg-type]
        sql = f"SELECT content_hash, id FROM documents WHERE content_hash IN ({marks(chunk)})"
        found.update({h: int(d) for h, d in fetch(db, sql, chunk)})
    return found


# --- the user's lexicon (app.store.lexicon writes it) --------------------------------------------------

LEXICON_SEPARATOR = "|"


def list_user_entries(db: Db) -> list[FormulaEntry]:
    """The entries the user added or edited, by canonical text."""
    from app.core.formulas.lexicon import FormulaEntry

    rows = fetch(
        db,
        "SELECT canonical, variants, outdated, expansion, category, first_year, first_year_source, note "
        "FROM lexicon_entries WHERE removed = ? ORDER BY canonical",
        (False,),
    )
    return [
        FormulaEntry(
            canonical=canonical,
            variants=tuple(v for v in variants.split(LEXICON_SEPARATOR) if v),
            outdated=tuple(v for v in outdated.split(LEXICON_SEPARATOR) if v),
            expansion=expansion,
            category=category,
            first_year=first_year,
            first_year_source=first_year_source,
            note=note,
        )
        for canonical, variants, outdated, expansion, category, first_year, first_year_source, note in rows
    ]


def removed_formulas(db: Db) -> list[str]:
    """Canonical texts of shipped formulas the user removed."""
    sql = "SELECT canonical FROM lexicon_entries WHERE removed = ? ORDER BY canonical"
    return [c for (c,) in fetch(db, sql, (True,))]


def merged_lexicon(db: Db, shipped: Iterable[FormulaEntry]) -> tuple[FormulaEntry, ...]:
    """The lexicon the user works with: shipped entries, overridden, extended and pruned by theirs."""
    from app.core.formulas.lexicon import merge_entries

    return merge_entries(shipped, list_user_entries(db), removed_formulas(db))


def library_formula_oracle(library: Any) -> FormulaOracle:
    """Formula coverage by the library's lexicon: the shipped one (already built, shared) unless the user
    added, edited or removed entries, in which case a matcher over the merged entries is built."""
    from app.core.formulas.detect import FormulaMatcher
    from app.core.formulas.shipped import formula_coverage, general_words, idioms, shipped_lexicon

    with library.reader() as db:
        if not list_user_entries(db) and not removed_formulas(db):
            return formula_coverage
        entries = merged_lexicon(db, shipped_lexicon().entries)
    return FormulaMatcher(entries, idioms=idioms(), common_words=general_words()).coverage
