"""Whatever bytes a file holds, importing it ends in a document or an ImportFailure, nothing else."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.importers import SUPPORTED_SUFFIXES, ImportFailure, read_document

_HEADERS = [b"", b"PK\x03\x04", b"%PDF-1.7\n", b"<html><body><p>", b"\xef\xbb\xbf", b"\xff\xfe", b"# "]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    suffix=st.sampled_from(sorted(SUPPORTED_SUFFIXES)),
    header=st.sampled_from(_HEADERS),
    body=st.binary(max_size=3000),
)
def test_any_bytes_give_a_document_or_a_one_line_failure(suffix: str, header: bytes, body: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(header + body)
        try:
            doc = read_document(path)
        except ImportFailure as exc:
            assert str(exc) and "\n" not in str(exc)
            return
        assert doc.text.strip()
        assert "\r" not in doc.text and not doc.text.startswith("\ufeff")
