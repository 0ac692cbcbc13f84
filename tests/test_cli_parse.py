"""``section16 parse``: formats, folders, stdin, bad files, the bundled samples."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

import section16
from section16 import samples
from section16.cli import app
from section16.sec_dataset import TABLES
from section16.write.json import filing_from_dict
from tests.conftest import FIXTURE_TXT, FIXTURE_XML

APPLE = FIXTURE_XML / "0000320193-20-000011.xml"
runner = CliRunner()


# The console script's own entry point, in a real process with a real stdin.
_MAIN = "import sys; from section16.cli import main; sys.argv[0] = 'section16'; main()"


def _run(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-c", _MAIN, *args], input=input, capture_output=True, timeout=120)


def test_one_file_as_json() -> None:
    result = runner.invoke(app, ["parse", str(APPLE)])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["document_type"] == "4" and doc["issuer"]["trading_symbol"] == "AAPL"
    assert filing_from_dict(doc) == section16.parse(APPLE)
    assert "1 read and written, 0 failed" in result.stderr


def test_several_files_as_a_json_array_and_as_lines() -> None:
    files = [str(APPLE), str(FIXTURE_TXT / "0001179110-20-004036.txt")]
    array = json.loads(runner.invoke(app, ["parse", *files, "--to", "json"]).stdout)
    assert [d["accession_number"] for d in array] == ["0000320193-20-000011", "0001179110-20-004036"]
    lines = runner.invoke(app, ["parse", *files, "--to", "jsonl"]).stdout.splitlines()
    assert [json.loads(line)["accession_number"] for line in lines] == ["0000320193-20-000011", "0001179110-20-004036"]


def test_folder_recursive_with_a_bad_file(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "deep" / "deeper").mkdir(parents=True)
    shutil.copy(APPLE, src / "a.xml")
    shutil.copy(FIXTURE_TXT / "0001179110-20-004036.txt", src / "deep" / "deeper" / "b.txt")
    (src / "deep" / "broken.xml").write_bytes(APPLE.read_bytes()[:700])
    (src / "notes.csv").write_text("not read: not a filing suffix")
    out = tmp_path / "out"
    result = runner.invoke(app, ["parse", str(src), "--to", "json", "--out", str(out)])
    assert result.exit_code == 1
    err = result.stderr.splitlines()
    assert len(err) == 2
    assert err[0].startswith(str(src / "deep" / "broken.xml") + ":")
    assert err[1] == f"2 read and written to {out}, 1 failed"
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json"]
    assert json.loads((out / "b.json").read_text())["document_type"] == "4/A"


def test_sec_tsv_output(tmp_path: Path) -> None:
    result = runner.invoke(app, ["parse", str(FIXTURE_TXT), "--to", "sec-tsv", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.stem for p in tmp_path.iterdir()) == sorted(TABLES)
    sub = (tmp_path / "SUBMISSION.tsv").read_text(encoding="utf-8").splitlines()
    assert len(sub) == 1 + len(list(FIXTURE_TXT.glob("*.txt")))


def test_sec_tsv_needs_out() -> None:
    result = runner.invoke(app, ["parse", str(APPLE), "--to", "sec-tsv"])
    assert result.exit_code == 2 and "--out" in result.stderr


def test_table() -> None:
    result = runner.invoke(app, ["parse", str(APPLE), "--to", "table"])
    assert result.exit_code == 0
    assert "GORE ALBERT JR" in result.stdout and "28.8571" in result.stdout and "32,889" in result.stdout


def test_missing_file_and_nothing_to_read() -> None:
    result = runner.invoke(app, ["parse", "does/not/exist.xml", str(APPLE), "--to", "jsonl"])
    assert result.exit_code == 1
    assert result.stderr.startswith("does/not/exist.xml: cannot read file")
    assert len(result.stdout.splitlines()) == 1
    assert runner.invoke(app, ["parse"]).exit_code == 2


def test_stdin_through_the_console_entry_point() -> None:
    proc = _run("parse", "-", "--to", "jsonl", input=APPLE.read_bytes())
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["source"]["path"] == "<stdin>" and doc["issuer"]["cik"] == "0000320193"
    bad = _run("parse", "-", input=b"<ownershipDocument><documentType>4</documentTyp>")
    assert bad.returncode == 1
    assert bad.stderr.decode().startswith("<stdin>:1: not well-formed XML")


def test_samples_bundled_in_the_package() -> None:
    paths = samples.paths()
    assert 20 <= len(paths) <= 40
    assert {p.suffix for p in paths} == {".xml", ".txt"}
    assert sum(p.stat().st_size for p in paths) < 600_000
    result = runner.invoke(app, ["parse", "--samples", "--to", "jsonl"])
    assert result.exit_code == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(docs) == len(paths)
    assert {d["document_type"] for d in docs} >= {"3", "4", "4/A", "5"}
    table = runner.invoke(app, ["parse", "--samples", "--to", "table"])
    assert table.exit_code == 0 and "AAPL" in table.stdout
