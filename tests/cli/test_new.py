"""``section16 new``: YAML in, checked XML out; nothing written when the check finds errors."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

import section16
from section16.cli import app
from section16.write.xml import schema_errors
from tests.conftest import ROOT

EXAMPLE = ROOT / "docs" / "examples" / "sale-10b5-1.yaml"
runner = CliRunner()


def test_new_writes_valid_xml(tmp_path: Path) -> None:
    out = tmp_path / "form4.xml"
    r = runner.invoke(app, ["new", str(EXAMPLE), "-o", str(out)])
    assert r.exit_code == 0, r.output
    xml = out.read_bytes()
    assert schema_errors(xml) == []
    assert section16.parse(xml).issuer.trading_symbol == "EXSW"


def test_new_prints_xml_without_output_option() -> None:
    r = runner.invoke(app, ["new", str(EXAMPLE)])
    assert r.exit_code == 0
    assert r.stdout.startswith('<?xml version="1.0"?>')
    assert "has no ccc" not in r.output  # this example gives its CCC


def test_new_notes_a_missing_ccc() -> None:
    r = runner.invoke(app, ["new", str(ROOT / "docs" / "examples" / "gift.yaml")])
    assert r.exit_code == 0
    assert "owner 1 has no ccc" in r.output


def test_new_refuses_a_filing_with_errors_unless_forced(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    # An officer box without a title: EDGAR suspends it, the YAML itself is well-formed.
    bad.write_text(EXAMPLE.read_text().replace("officer: Chief Financial Officer", "officer: true"))
    out = tmp_path / "bad.xml"
    r = runner.invoke(app, ["new", str(bad), "-o", str(out)])
    assert r.exit_code == 1
    assert "no XML written" in r.output and "error" in r.output
    assert not out.exists()
    r = runner.invoke(app, ["new", str(bad), "-o", str(out), "--force"])
    assert r.exit_code == 1 and out.exists()


def test_new_reports_bad_yaml_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    text = EXAMPLE.read_text()
    line = text[: text.index("shares: 1598")].count("\n") + 1
    bad.write_text(text.replace("shares: 1598", "shares: many"))
    r = runner.invoke(app, ["new", str(bad)])
    assert r.exit_code == 1
    assert f"{bad}:{line} (transactions[1].shares): 'many' is not a number" in r.output
