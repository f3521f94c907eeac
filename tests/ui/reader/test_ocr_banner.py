"""A speech whose text came from OCR says so above its text; others do not."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from app.core.model import OCR_TAG, DocumentMeta
from app.ui.common.tasks import TaskRunner
from app.ui.reader.widget import ReaderWidget

TEXT = "在全县经济工作会议上的讲话\n同志们：\n今天召开会议。"
NOTE = "Text recognised by OCR: 3 lines, mean confidence 0.97, lowest 0.91."


def _reader(qtbot, meta: DocumentMeta) -> ReaderWidget:
    reader = ReaderWidget(TEXT, meta, lambda text: [], runner=TaskRunner(inline=True))
    qtbot.addWidget(reader)
    reader.resize(700, 400)
    reader.show()
    qtbot.waitExposed(reader)
    return reader


def test_banner_shows_for_ocr_text_only(qtbot, tmp_path: Path) -> None:
    scanned = _reader(qtbot, DocumentMeta(title="扫描件", tags=("县委", OCR_TAG), notes=NOTE))
    assert scanned.ocr_banner.isVisible()
    assert "OCR" in scanned.ocr_banner.text() and scanned.ocr_banner.toolTip() == NOTE
    assert scanned.ocr_banner.geometry().bottom() <= scanned.pane.geometry().top()  # above the text
    scanned.grab().save(str(tmp_path / "ocr-banner.png"))

    typed = _reader(qtbot, DocumentMeta(title="文字件", tags=("县委",)))
    assert not typed.ocr_banner.isVisible()
    typed.set_meta(replace(typed.meta, tags=(OCR_TAG,), notes=NOTE))  # a user may tag a document by hand
    assert typed.ocr_banner.isVisible()
