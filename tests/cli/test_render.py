"""``section16 render``: any readable filing (or filer YAML) to xml, html, md or json."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import section16
from section16.cli import app
from section16.write.json import filing_from_json
from section16.write.xml import schema_errors
from tests.conftest import FIXTURES, ROOT

XML = FIXTURES / "write" / "0000011544-20-000013.xml"  # a Form 5 as disseminated (X0306)
runner = CliRunner()


def test_render_xml_in_both_schema_modes() -> None:
    cur = runner.invoke(app, ["render", str(XML), "--to", "xml"])
    assert cur.exit_code == 0
    assert "<schemaVersion>" not in cur.stdout and schema_errors(cur.stdout.encode()) == []
    own = runner.invoke(app, ["render", str(XML), "--to", "xml", "--schema-version", "own"])
    assert own.exit_code == 0
    assert "<schemaVersion>X0306</schemaVersion>" in own.stdout


@pytest.mark.parametrize(("fmt", "marker"), [("html", "<!DOCTYPE html>"), ("md", "# FORM 5")])
def test_render_pages(fmt: str, marker: str, tmp_path: Path) -> None:
    out = tmp_path / f"page.{fmt}"
    r = runner.invoke(app, ["render", str(XML), "--to", fmt, "-o", str(out)])
    assert r.exit_code == 0
    assert out.read_text().startswith(marker)


def test_render_json_is_the_exact_filing() -> None:
    r = runner.invoke(app, ["render", str(XML), "--to", "json"])
    assert r.exit_code == 0
    assert filing_from_json(r.stdout) == section16.parse(XML)


def test_render_reads_filer_yaml() -> None:
    r = runner.invoke(app, ["render", str(ROOT / "docs" / "examples" / "gift.yaml"), "--to", "md"])
    assert r.exit_code == 0 and "| Common Stock" in r.stdout


def test_render_errors_are_one_line() -> None:
    r = runner.invoke(app, ["render", str(XML), "--to", "pdf"])
    assert r.exit_code == 1 and "cannot render as 'pdf'" in r.output
    r = runner.invoke(app, ["render", str(XML), "--to", "xml", "--schema-version", "X0101"])
    assert r.exit_code == 2
