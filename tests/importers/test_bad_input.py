"""Every bad file is refused with a one-line reason (an ImportFailure), never another exception."""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from app.importers import MAX_FILE_BYTES, ImportFailure, read_document
from app.importers.base import read_limited
from tests.importers.conftest import make_docx, make_pdf

SPEECH = "同志们：\n今天召开全市经济工作会议，主要任务是总结今年工作，部署明年工作。"


def _refusal(path: Path) -> str:
    with pytest.raises(ImportFailure) as info:
        read_document(path)
    reason = str(info.value)
    assert reason and "\n" not in reason and str(path) not in reason
    return reason


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert _refusal(path) == "empty file"


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\u3000\r\n\t", encoding="utf-8")
    assert "no text" in _refusal(path)


def test_binary_file_renamed_txt(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert "binary" in _refusal(path)


def test_zip_renamed_txt_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "archive.txt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", SPEECH * 20)
    assert "binary" in _refusal(path)


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes((i * 131 + 7) % 255 + 1 for i in range(4000)))  # no NUL, no encoding fits
    reason = _refusal(path)
    assert "undecodable" in reason or "binary" in reason


def test_bom_that_lies(tmp_path: Path) -> None:
    path = tmp_path / "lying.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SPEECH.encode("gb18030"))
    assert "undecodable" in _refusal(path)


def test_truncated_docx(tmp_path: Path) -> None:
    whole = make_docx(tmp_path / "whole.docx", SPEECH.split("\n")).read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(whole[: len(whole) // 2])
    assert "docx" in _refusal(path)


def test_text_file_renamed_docx(tmp_path: Path) -> None:
    path = tmp_path / "speech.docx"
    path.write_text(SPEECH, encoding="utf-8")
    assert "docx" in _refusal(path)


def test_docx_without_text(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "blank.docx", ["", "  "])
    assert "no text" in _refusal(path)


def test_image_only_pdf_has_no_text_layer(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "scan.pdf", "", font="", with_image=True)
    assert "no text layer" in _refusal(path)


@pytest.fixture(scope="module")
def speech_pdf(cjk_font: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_pdf(tmp_path_factory.mktemp("pdf") / "plain.pdf", SPEECH, cjk_font)


def test_encrypted_pdf_needs_a_password(speech_pdf: Path, tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(speech_pdf))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
    path = tmp_path / "locked.pdf"
    writer.write(path)
    reason = _refusal(path)
    assert "encrypted" in reason and "no text layer" in reason


def test_pdf_encrypted_with_empty_user_password_is_read(speech_pdf: Path, tmp_path: Path) -> None:
    """Copy/print restrictions only: every reader opens it, so do we."""
    writer = PdfWriter(clone_from=PdfReader(speech_pdf))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    path = tmp_path / "restricted.pdf"
    writer.write(path)
    assert "全市经济工作会议" in read_document(path).text.replace("\n", "")


def test_truncated_pdf(speech_pdf: Path, tmp_path: Path) -> None:
    whole = speech_pdf.read_bytes()
    path = tmp_path / "broken.pdf"
    path.write_bytes(whole[:200])
    _refusal(path)


def test_missing_path(tmp_path: Path) -> None:
    assert _refusal(tmp_path / "nowhere.txt") == "no such file"


def test_folder_named_like_a_file(tmp_path: Path) -> None:
    path = tmp_path / "folder.txt"
    path.mkdir()
    assert "folder" in _refusal(path)


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root (or Windows) can read a mode-000 file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(SPEECH, encoding="utf-8")
    path.chmod(0)
    try:
        assert "cannot read" in _refusal(path)
    finally:
        path.chmod(0o600)


def test_permission_error_while_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(SPEECH, encoding="utf-8")

    def denied(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)
    assert _refusal(path) == "cannot read file: Permission denied"


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "speech.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    assert _refusal(path) == "unsupported format (.xls)"


def test_100_mb_text_is_refused_by_its_size_without_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 100 MB on paper, nothing written
        handle.truncate(100 * 1024 * 1024)
    opened: list[Path] = []
    real_open = Path.open

    def spy(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    reason = _refusal(path)
    assert reason == "file too large (100.0 MiB; the limit is 64.0 MiB)"
    assert opened == []  # decided from stat() alone, so time and memory stay bounded


def test_size_limit_also_caps_a_file_that_grows_after_stat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "growing.txt"
    path.write_bytes(b"a" * 2048)
    small = os.stat_result((stat.S_IFREG | 0o644, 0, 0, 1, 0, 0, 10, 0, 0, 0))
    monkeypatch.setattr(Path, "stat", lambda self, **kwargs: small)  # stat saw it at 10 bytes
    with pytest.raises(ImportFailure, match="too large"):
        read_limited(path, limit=1024)
    assert MAX_FILE_BYTES == 64 * 1024 * 1024
