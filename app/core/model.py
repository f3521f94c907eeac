"""Plain data shared by every layer: spans and document metadata."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

#: The tag a document whose text was recognised from page images (OCR) carries, so the library can list such
#: documents and the reader can say so.
OCR_TAG = "OCR"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range of code points in a document's stored text."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """What the library knows about a speech besides its text.

    `date` is an ISO date, possibly partial (`2023-04-12`, `2023-04`, `2023`), so that it sorts as text.
    """

    title: str = ""
    speaker: str = ""
    role: str = ""
    organisation: str = ""
    date: str = ""
    occasion: str = ""
    genre: str = ""
    source_path: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)
    notes: str = ""

    def merged(self, other: DocumentMeta) -> DocumentMeta:
        """Fields of `other` that are set win over ours (used to apply user edits over guesses)."""
        changes = {f.name: getattr(other, f.name) for f in fields(other) if getattr(other, f.name)}
        return replace(self, **changes)
