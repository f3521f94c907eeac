"""Texts for boilerplate tests: a notice many library speeches repeat, inside speeches that share nothing else.

Random characters, so no two texts share a run of 8 characters by chance and no lexicon formula applies:
whatever the engine calls a formula here, the library signal made it one.
"""

from __future__ import annotations

import random

from app.core.model import DocumentMeta
from app.store import Library, add_document

_RANDOM = random.Random(20261125)


def prose(chars: int) -> str:
    body = "".join(chr(_RANDOM.randrange(0x4E00, 0x9FA5)) for _ in range(chars))
    return "，".join(body[i : i + 20] for i in range(0, chars, 20)) + "。"


NOTICE = prose(120)
HOST = prose(120) + NOTICE + prose(120)
OTHER = prose(100) + NOTICE + prose(140)


def holders(count: int) -> list[str]:
    """`count` further speeches that repeat the notice."""
    return [prose(90) + NOTICE + prose(80) for _ in range(count)]


def store(library: Library, *texts: str) -> list[int]:
    """Add the texts to the library (indexed on the way); their ids."""
    with library.writer.begin() as session:
        return [
            add_document(session, text, DocumentMeta(title=f"讲话{n}")).id for n, text in enumerate(texts)
        ]
