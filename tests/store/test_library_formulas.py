"""The library signal read from a real SQLite library: speakers, the asking document, small libraries."""

from __future__ import annotations

from app.core.formulas.detect import FormulaMatcher
from app.core.model import DocumentMeta
from app.store import add_document
from app.store.library_formulas import document_group, library_signal
from tests.store.boilerplate_texts import prose

#: From the 20th Congress report (cpc-congress-reports/cpc-20-congress-report.txt).
SENTENCE = "弘扬伟大建党精神，自信自强、守正创新，踔厉奋发、勇毅前行，为全面建设社会主义现代化国家"
SLOGAN = "自信自强、守正创新，踔厉奋发、勇毅前行"


def _store(library, speakers: list[str]) -> list[int]:
    with library.writer.begin() as session:
        return [
            add_document(
                session, prose(60) + SENTENCE + "。" + prose(400), DocumentMeta(title="讲话", speaker=s)
            ).id
            for s in speakers
        ]


def test_a_slogan_other_speakers_share_is_a_formula(library):
    ids = _store(library, ["张三", "李四", "王五", "赵六", ""])
    with library.reader() as session:
        signal = library_signal(session)
        group = document_group(session, ids[0])
        assert document_group(session, ids[-1]) == f"#{ids[-1]}"  # no speaker: the speech is its own voice
    assert signal is not None and group == "张三"
    hits = FormulaMatcher(()).find(
        "我们要" + SENTENCE, library=signal, group=group
    )  # no lexicon: the signal alone
    assert any(SLOGAN in h.text for h in hits if h.rule == "library")


def test_one_speaker_repeating_a_wording_is_not_a_library_formula(library):
    _store(library, ["张三"] * 6)
    with library.reader() as session:
        signal = library_signal(session)
    assert signal is not None
    assert signal.hits("我们要" + SENTENCE, own_group="张三") == []


def test_a_small_library_gives_no_signal(library):
    _store(library, ["张三", "李四", "王五", "赵六"])
    with library.reader() as session:
        assert library_signal(session) is None
