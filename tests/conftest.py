"""Shared test helpers: where the committed fixtures live, and the optional full corpus.

Other test modules import from here (``from tests.conftest import FIXTURES, corpus_dir``) or use the
fixtures below. Keep it small.
"""

from __future__ import annotations

from pathlib import Path

import pytest

#: The repository root (the folder holding pyproject.toml).
ROOT = Path(__file__).resolve().parents[1]
#: Real filings copied from the corpus and committed with the tests.
FIXTURES = ROOT / "tests" / "fixtures"
#: Bare ``ownershipDocument`` XML files, named by accession number.
FIXTURE_XML = FIXTURES / "xml"
#: Full EDGAR submissions (``.txt``); each has a bare-XML twin of the same accession in FIXTURE_XML.
FIXTURE_TXT = FIXTURES / "txt"


def shared_dir() -> Path | None:
    """``../shared`` beside the repository (present on development machines and CI), else None."""
    p = (ROOT / ".." / "shared").resolve()
    return p if p.is_dir() else None


def corpus_dir() -> Path | None:
    """``../shared/corpus`` when it exists, else None (a fresh clone has no corpus)."""
    s = shared_dir()
    if s is None:
        return None
    p = s / "corpus"
    return p if p.is_dir() else None


def fixture_xml_files() -> list[Path]:
    return sorted(FIXTURE_XML.glob("*.xml"))


def fixture_txt_files() -> list[Path]:
    return sorted(FIXTURE_TXT.glob("*.txt"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The full corpus folder; skips the test cleanly when it is absent."""
    c = corpus_dir()
    if c is None:
        pytest.skip("../shared/corpus is not present")
    return c
