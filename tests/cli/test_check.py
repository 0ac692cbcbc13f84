"""``section16 check``: table and JSON output, exit codes, folders, --no-xsd, --summary."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from section16.cli import app
from tests.conftest import FIXTURE_XML, FIXTURES

runner = CliRunner()
GOOD = FIXTURE_XML / "0001140361-26-020871.xml"
BAD = FIXTURES / "check" / "bad-form4.xml"


def test_good_file_exits_0() -> None:
    result = runner.invoke(app, ["check", str(GOOD)])
    assert result.exit_code == 0, result.output
    assert "no findings" in result.output


def test_bad_file_exits_1_and_names_the_codes() -> None:
    result = runner.invoke(app, ["check", str(BAD)])
    assert result.exit_code == 1
    for code in ("S16-E003", "S16-E016", "S16-E022", "S16-E034"):
        assert code in result.output


def test_json_output() -> None:
    result = runner.invoke(app, ["check", "--format", "json", "--filing-date", "2026-05-13", str(BAD), str(GOOD)])
    assert result.exit_code == 1
    doc = json.loads(result.output)
    assert [d["path"] for d in doc] == [str(BAD), str(GOOD)]
    codes = [f["code"] for f in doc[0]["findings"]]
    assert codes[0].startswith("S16-E") and "S16-W060" in codes
    assert set(doc[0]["findings"][0]) == {"code", "severity", "where", "message"}
    # The good filing is held to the same filing date: its sale was due 2026-05-12.
    assert [f["code"] for f in doc[1]["findings"]] == ["S16-W060"]


def test_no_xsd_skips_the_schema() -> None:
    result = runner.invoke(app, ["check", "--format", "json", "--no-xsd", str(BAD)])
    codes = {f["code"] for f in json.loads(result.output)[0]["findings"]}
    assert "S16-E003" not in codes and "S16-E016" in codes


def test_folder_and_summary() -> None:
    result = runner.invoke(app, ["check", "--summary", str(FIXTURES / "check")])
    assert result.exit_code == 1
    assert "| S16-E022 | error | 1 | 1 |" in result.output


def test_unreadable_path_is_a_finding() -> None:
    result = runner.invoke(app, ["check", "--format", "json", "/nonexistent/file.xml"])
    assert result.exit_code == 1
    assert json.loads(result.output)[0]["findings"][0]["code"] == "S16-E002"


def test_bad_format_option() -> None:
    result = runner.invoke(app, ["check", "--format", "yaml", str(GOOD)])
    assert result.exit_code == 2
