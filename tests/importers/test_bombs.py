"""Files that unpack (or claim) a gigabyte are refused quickly, in little memory, with one clear reason.

The bombs are read in a fresh interpreter, so its peak RSS measures them and not the test run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.importers import read_document
from app.importers.limits import TOO_LARGE_UNPACKED
from tests.importers.conftest import make_docx
from tests.importers.hostile import MIB, docx_bomb, measure_reads, pdf_bomb, png_bomb, zip_member_bomb
from tests.importers.ofd_files import make_ofd

#: Every bomb must be refused within this (CPU seconds) and this peak RSS of the reading interpreter (MB).
MAX_SECONDS, MAX_RSS_MB = 1.0, 200


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_docx(tmp_path_factory.mktemp("docx") / "template.docx", ["第一段正文内容。", "第二段。"])


@pytest.fixture(scope="module")
def outcomes(template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """name → what reading that bomb gave (outcome, seconds, peak RSS)."""
    folder = tmp_path_factory.mktemp("bombs")
    bombs = {
        "docx": docx_bomb(folder / "bomb.docx", template),
        "docx-liar": docx_bomb(folder / "liar.docx", template, declare=4 * MIB),
        "pdf": pdf_bomb(folder / "bomb.pdf"),
        # a page's content grown to 1.2 GB of whitespace (an .ofd is a zip of XML parts, like a .docx)
        "ofd": zip_member_bomb(
            folder / "bomb.ofd",
            make_ofd(folder / "template.ofd", [["第一页正文。"]]),
            "Doc_0/Pages/Page_3/Content.xml",
            b"</ofd:Content>",
        ),
        # 1.2 GB of pixels (Pillow's own bomb limit) and 108 M pixels (under it, over ours: 324 MB as RGB)
        "png": png_bomb(folder / "bomb.png", 40_000, 30_000),
        "png-under-pillow": png_bomb(folder / "big.png", 12_000, 9_000),
    }
    assert all(path.stat().st_size < 2 * MIB for path in bombs.values())
    for suffix in (".txt", ".md", ".html"):
        huge = folder / f"huge{suffix}"
        with huge.open("wb") as handle:  # sparse: a gigabyte on paper, almost nothing on disk
            handle.truncate(1200 * MIB)
        if os.stat(huge).st_blocks * 512 < 10 * MIB:
            bombs[suffix] = huge
    return dict(zip(bombs, measure_reads(list(bombs.values())), strict=True))


@pytest.mark.parametrize(
    ("bomb", "reason"),
    [
        ("docx", TOO_LARGE_UNPACKED),  # document.xml of 1.2 GB in 1.3 MB
        ("docx-liar", "damaged"),  # the same, declaring 4 MiB: unpacked in chunks, stopped at 4 MiB
        ("pdf", TOO_LARGE_UNPACKED),  # a page whose content stream unpacks to 1.2 GB
        ("ofd", TOO_LARGE_UNPACKED),
        ("png", TOO_LARGE_UNPACKED),
        ("png-under-pillow", TOO_LARGE_UNPACKED),
        (".txt", "file too large"),
        (".md", "file too large"),
        (".html", "file too large"),
    ],
)
def test_a_bomb_is_refused_quickly_in_little_memory(
    outcomes: dict[str, dict], bomb: str, reason: str
) -> None:
    if bomb not in outcomes:
        pytest.skip("this filesystem does not make sparse files")
    outcome = outcomes[bomb]
    assert reason in outcome.get("refused", ""), outcome
    assert outcome["seconds"] < MAX_SECONDS, outcome
    assert outcome["rss_mb"] < MAX_RSS_MB, outcome


def test_a_modest_docx_and_pdf_below_the_limits_still_import(template: Path, tmp_path: Path) -> None:
    spaced = read_document(docx_bomb(tmp_path / "spaces.docx", template, unpacked=3 * MIB, crc=True))
    assert spaced.text.startswith("第一段正文内容。")
    assert read_document(pdf_bomb(tmp_path / "spaces.pdf", unpacked=2 * MIB)).text.strip() == "bomb"
