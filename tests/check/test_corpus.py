"""Real filings EDGAR accepted draw no error under the rules of their own schema version.

Runs on the committed fixtures (tests/fixtures/xml and txt), and on the whole ../shared/corpus when it is
there. Files named by an accession number are EDGAR's copies; the few without one come from other
projects' test folders, and some of those were altered by hand or by a browser (an injected <script>):
the check must catch those.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from section16.check import check_xml
from section16.model import accession_from_name
from tests.conftest import FIXTURE_XML, corpus_dir, fixture_txt_files, fixture_xml_files

_REAL = [p for p in fixture_xml_files() + fixture_txt_files() if accession_from_name(p.name)]


def _errors(path: Path) -> list[str]:
    return [str(f) for f in check_xml(path.read_bytes(), source=str(path)) if f.severity == "error"]


def test_there_are_real_fixtures() -> None:
    assert len(_REAL) > 100


@pytest.mark.parametrize("path", _REAL, ids=[p.name for p in _REAL])
def test_accepted_filing_draws_no_error(path: Path) -> None:
    assert _errors(path) == []


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("xml_deriv_and_nonderiv_b4b66eac.xml", "S16-E004"),  # a browser injected <script>
        ("form4_sample_161c5367.xml", "S16-E001"),  # hand-made: address inside reportingOwnerId
        ("xml_no_footnotes_251e4207.xml", "S16-E032"),  # hand-edited: empty exerciseDate
    ],
)
def test_altered_copies_are_caught(name: str, code: str) -> None:
    path = FIXTURE_XML / name
    if not path.exists():
        pytest.skip(f"{name} is not among the fixtures")
    assert code in {f.code for f in check_xml(path.read_bytes(), source=str(path))}


def test_whole_corpus_accepted_filings_draw_no_error() -> None:
    corpus = corpus_dir()
    if corpus is None:
        pytest.skip("../shared/corpus is not present")
    files = sorted((corpus / "xml").glob("*.xml")) + sorted((corpus / "txt").glob("*.txt"))
    real = [p for p in files if accession_from_name(p.name)]
    assert len(real) > 1000
    errors = {p.name: _errors(p)[:2] for p in real}
    assert {name: e for name, e in errors.items() if e} == {}
