"""``section16 load``, ``sql``, ``trades`` and ``export`` against a real DuckDB file."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from section16.cli import app
from section16.sec_dataset import TABLES
from tests.conftest import FIXTURES

runner = CliRunner()
STORE_FIXTURES = FIXTURES / "store"
N_FILES = len(list(STORE_FIXTURES.iterdir()))
N_ACCESSIONS = len({p.stem for p in STORE_FIXTURES.iterdir()})


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "cli.duckdb")
    result = runner.invoke(app, ["load", "--db", path, "--quiet", "--workers", "1", str(STORE_FIXTURES)])
    assert result.exit_code == 0, result.output
    assert f"{N_ACCESSIONS} inserted, 0 replaced, {N_FILES - N_ACCESSIONS} skipped, 0 failed" in result.stdout
    return path


def test_load_again_skips_everything(db: str) -> None:
    result = runner.invoke(app, ["load", "--db", db, "-q", str(STORE_FIXTURES)])
    assert result.exit_code == 0, result.output
    assert f"0 inserted, 0 replaced, {N_FILES} skipped, 0 failed" in result.stdout


def test_load_zip_of_submissions_with_a_pool(tmp_path: Path) -> None:
    z = tmp_path / "subs.zip"
    with zipfile.ZipFile(z, "w") as out:
        for p in sorted(STORE_FIXTURES.glob("*.txt")):
            out.write(p, f"folder/{p.name}")
    db = str(tmp_path / "z.duckdb")
    result = runner.invoke(app, ["load", "--db", db, "-q", "--workers", "2", str(z)])
    assert result.exit_code == 0, result.output
    n = len(list(STORE_FIXTURES.glob("*.txt")))
    assert f"{n} inserted" in result.stdout


def test_load_reports_missing_and_bad_files(tmp_path: Path) -> None:
    bad = tmp_path / "0000000000-24-000001.xml"
    bad.write_text("<ownershipDocument><issuer>", encoding="utf-8")
    db = str(tmp_path / "b.duckdb")
    result = runner.invoke(app, ["load", "--db", db, "-q", str(bad), str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert "0 inserted" in result.stdout and "2 failed" in result.stdout
    assert str(bad) in result.stderr and "no such file or folder" in result.stderr


def test_sql_json_csv_and_params(db: str) -> None:
    result = runner.invoke(app, ["sql", "--db", db, "--json", "SELECT accession, form FROM filings WHERE form = ?",
                                 "-p", "3"])  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(r["form"] == "3" for r in rows)
    result = runner.invoke(app, ["sql", "--db", db, "--csv", "SELECT COUNT(*) AS n FROM filings"])
    assert list(csv.reader(io.StringIO(result.stdout))) == [["n"], [str(N_ACCESSIONS)]]
    table = runner.invoke(app, ["sql", "--db", db, "SELECT issuer_ticker, COUNT(*) AS n FROM filings GROUP BY 1"])
    assert table.exit_code == 0 and "issuer_ticker" in table.stdout and "rows" in table.stdout


def test_sql_error_is_a_message(db: str) -> None:
    result = runner.invoke(app, ["sql", "--db", db, "SELECT * FROM nowhere"])
    assert result.exit_code == 1
    assert "error:" in result.stderr and "Traceback" not in result.output


def test_trades(db: str) -> None:
    result = runner.invoke(app, ["trades", "--db", db, "--ticker", "ko", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and {r["ticker"] for r in rows} == {"KO"}
    assert all(isinstance(r["shares"], str) for r in rows if r["shares"] is not None)  # exact, not floats
    table = runner.invoke(app, ["trades", "--db", db, "--since", "2020-01-01", "--code", "S,P"], env={"COLUMNS": "160"})
    assert table.exit_code == 0, table.output
    assert "Insider transactions" in table.stdout
    bad = runner.invoke(app, ["trades", "--db", db, "--since", "yesterday"])
    assert bad.exit_code == 2 and "error" in bad.stderr


def test_trades_without_a_database(tmp_path: Path) -> None:
    result = runner.invoke(app, ["trades", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no database here yet" in result.stderr
    assert not (tmp_path / "none.duckdb").exists()


def test_export_sec_tsv_then_load_it(db: str, tmp_path: Path) -> None:
    out = tmp_path / "tsv"
    result = runner.invoke(app, ["export", "--db", db, "--to", "sec-tsv", "--out", str(out), "--zip", "q_form345.zip"])
    assert result.exit_code == 0, result.output
    assert f"SUBMISSION\t{N_ACCESSIONS}" in result.stdout
    assert {p.name for p in out.glob("*.tsv")} == {f"{t}.tsv" for t in TABLES}
    other = str(tmp_path / "other.duckdb")
    loaded = runner.invoke(app, ["load", "--db", other, "-q", str(out / "q_form345.zip")])
    assert loaded.exit_code == 0, loaded.output
    assert f"{N_ACCESSIONS} inserted" in loaded.stdout


def test_export_parquet_and_csv(db: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--db", db, "--to", "parquet", "--out", str(tmp_path / "pq")])
    assert result.exit_code == 0, result.output
    assert pq.read_table(tmp_path / "pq" / "filings.parquet").num_rows == N_ACCESSIONS
    assert pq.read_table(tmp_path / "pq" / "effective_transactions.parquet").num_rows > 0
    result = runner.invoke(app, ["export", "--db", db, "--to", "csv", "--out", str(tmp_path / "csv")])
    assert result.exit_code == 0
    with open(tmp_path / "csv" / "reporting_owners.csv", encoding="utf-8") as fh:
        assert next(csv.reader(fh))[:3] == ["accession", "position", "cik"]
    wrong = runner.invoke(app, ["export", "--db", db, "--to", "xlsx", "--out", str(tmp_path / "x")])
    assert wrong.exit_code == 2


def test_load_with_checks_keeps_findings(tmp_path: Path) -> None:
    from section16 import check, parse

    db = str(tmp_path / "c.duckdb")
    result = runner.invoke(app, ["load", "--db", db, "-q", "--workers", "1", "--check", str(STORE_FIXTURES)])
    assert result.exit_code == 0, result.output
    got = runner.invoke(
        app, ["sql", "--db", db, "--json", "SELECT accession, CAST(findings AS TEXT) AS f FROM filings"]
    )
    stored = {r["accession"]: json.loads(r["f"]) if r["f"] else [] for r in map(json.loads, got.stdout.splitlines())}
    # The submission is the copy stored when an XML twin exists.
    best = {}
    for p in sorted(STORE_FIXTURES.iterdir(), key=lambda p: p.suffix != ".txt"):
        best.setdefault(p.stem, p)
    for acc, p in best.items():
        assert [f["code"] for f in stored[acc]] == [f.code for f in check(parse(p), xsd=False)], acc


def test_load_killed_and_rerun_ends_like_an_uninterrupted_load(tmp_path: Path) -> None:
    import os
    import re
    import signal
    import subprocess
    import sys
    import time

    # Many distinct filings: the fixtures' submissions again and again under fresh accession numbers.
    src = tmp_path / "in"
    src.mkdir()
    subs = sorted(STORE_FIXTURES.glob("*.txt"))
    for i in range(300):
        data = subs[i % len(subs)].read_bytes()
        acc = f"9800000000-26-{i:06d}"
        (src / f"{acc}.txt").write_bytes(re.sub(rb"\d{10}-\d{2}-\d{6}", acc.encode(), data))
    cmd = [sys.executable, "-c", "from section16.cli import main; main()", "load", "-q", "--workers", "2", str(src)]

    def table_counts(db: str) -> list[str]:
        got = runner.invoke(app, ["sql", "--db", db, "--csv", _COUNTS])
        assert got.exit_code == 0, got.output
        return got.stdout.splitlines()

    clean = str(tmp_path / "clean.duckdb")
    assert subprocess.run([*cmd, "--db", clean], capture_output=True, timeout=300).returncode == 0
    killed = str(tmp_path / "killed.duckdb")
    for delay in (0.7, 1.4):
        proc = subprocess.Popen([*cmd, "--db", killed], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)  # fmt: skip
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGKILL)  # the loader and its workers, mid-flight
        proc.wait()
    again = subprocess.run([*cmd, "--db", killed], capture_output=True, timeout=300, text=True)
    assert again.returncode == 0, again.stderr
    assert table_counts(killed) == table_counts(clean)


_COUNTS = (
    "SELECT (SELECT COUNT(*) FROM filings) f, (SELECT COUNT(DISTINCT accession) FROM filings) d,"
    " (SELECT COUNT(*) FROM reporting_owners) o, (SELECT COUNT(*) FROM nonderiv_transactions) n,"
    " (SELECT COUNT(*) FROM deriv_holdings) h, (SELECT COUNT(*) FROM footnotes) fn,"
    " (SELECT COUNT(*) FROM field_footnotes) ff"
)
