"""Lines recognised by OCR are stored with their document, read back in order, and go when it goes."""

from __future__ import annotations

from app.core.model import DocumentMeta, Span
from app.store.repository import add_document, ocr_lines, remove_document


def test_ocr_lines_are_stored_with_their_document(library) -> None:
    text = "第一页有文字层。\n识别的第一行\n识别的第二行"
    spans = [Span(16, 22), Span(9, 15)]
    with library.writer() as session, session.begin():
        scanned = add_document(session, text, DocumentMeta(title="扫描件"), format="pdf", ocr_lines=spans,
                               ocr_confidences=[0.81, 0.97])  # fmt: skip
        typed = add_document(session, "另一篇讲话。", DocumentMeta(title="文字件"), format="txt")
    with library.reader() as session:
        assert ocr_lines(session, scanned.id) == [(Span(9, 15), 0.97), (Span(16, 22), 0.81)]
        assert ocr_lines(session, typed.id) == []
    with library.writer() as session, session.begin():
        assert remove_document(session, scanned.id)
    with library.reader() as session:
        assert ocr_lines(session, scanned.id) == []
