"""The code in docs/writing.md and docs/filer-input.md runs, and the YAML shown there builds clean."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from section16.check import check
from section16.filer import filing_from_text
from section16.write.xml import schema_errors, to_xml
from tests.conftest import ROOT

DOCS = [ROOT / "docs" / "writing.md", ROOT / "docs" / "filer-input.md"]


def _blocks(path: Path, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", path.read_text(), re.DOTALL)


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_python_blocks_run(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the examples name files relative to the repository
    blocks = _blocks(path, "python")
    assert blocks
    scope: dict[str, object] = {}
    for code in blocks:
        exec(compile(code, str(path), "exec"), scope)  # one scope: later blocks use earlier names


def test_yaml_in_filer_docs_builds_and_checks_clean() -> None:
    blocks = _blocks(ROOT / "docs" / "filer-input.md", "yaml")
    assert blocks
    for text in blocks:
        f = filing_from_text(text, "docs/filer-input.md")
        xml = to_xml(f)
        assert schema_errors(xml) == []
        assert [str(x) for x in check(f, xml=xml) if x.severity == "error"] == []


def test_doc_links_to_examples_exist() -> None:
    text = (ROOT / "docs" / "filer-input.md").read_text()
    for link in re.findall(r"\]\((examples/[^)]+)\)", text):
        assert os.path.exists(ROOT / "docs" / link), link
