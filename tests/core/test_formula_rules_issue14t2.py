"""Issue 14t2's reference rules: party regulations named without 《》, sessions cited by term and session
number, the party congress by its full ordinal name, and 《》 titles broken over lines. Every sentence is
quoted from a corpus file (named next to it; `test_quoted_sentences_are_in_the_corpus` checks it is there)."""

from __future__ import annotations

import pytest

from app.core.formulas.references import reference_hits

#: (corpus file, sentence, what the reference rule must find in it)
REFERENCES = [
    (
        "xi-speeches-2020/xi-2020-07-31-1.txt",
        "要认真贯彻执行党组工作条例和党的工作机关条例，",
        ["党组工作条例", "党的工作机关条例"],
    ),
    (
        "xi-speeches-2020/xi-2020-07-31-1.txt",
        "党中央先后制定和修订了新形势下党内政治生活若干准则、党组工作条例、地方",
        ["新形势下党内政治生活若干准则", "党组工作条例"],
    ),
    (
        "cpc-congress-reports/cpc-19-congress-report.txt",
        "要尊崇党章，严格执行新形势下党内政治生活若干准则，增强党内政治生活的",
        ["新形势下党内政治生活若干准则"],
    ),
    (
        "cpc-plenum-communiques/communique-2023-cc20-plenum02.txt",
        "全会强调，开好十四届全国人大一次会议和全国政协十四届一次会议，",
        ["十四届全国人大一次会议", "全国政协十四届一次会议"],
    ),
    (
        "hailar-district-gwr/hailar-district-gwr-2017.txt",
        "按照区委十五届四次全会决策部署,",
        ["区委十五届四次全会"],
    ),
    (
        "cpc-plenum-communiques/communique-2017-cc18-plenum07.txt",
        "为召开党的第十九次全国代表大会作了充分准备",
        ["党的第十九次全国代表大会"],
    ),
    ("gwr-state-council/gwr-2006.txt", "实施新的《\n信访条例\n》，畅通了信访渠道", ["《\n信访条例\n》"]),
]


@pytest.mark.parametrize(("path", "sentence", "expected"), REFERENCES)
def test_regulations_sessions_and_congresses_cited_by_name(path, sentence, expected):
    assert sorted(h.formula for h in reference_hits(sentence)) == sorted(expected)


def test_a_regulation_name_needs_a_boundary_before_it():
    # ordinary prose about rules (提出了一些工作条例) is no cited name; neither is a name inside a word run
    assert reference_hits("，提出了一些工作条例") == []
    assert reference_hits("兵各个方面的工作条例") == []
    assert [h.formula for h in reference_hits("修订了地方党委工作条例")] == ["地方党委工作条例"]


@pytest.mark.corpus
def test_quoted_sentences_are_in_the_corpus(corpus):
    for path, sentence, _expected in REFERENCES:
        assert sentence in (corpus / path).read_text(encoding="utf-8"), (path, sentence)
