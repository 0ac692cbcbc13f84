"""``section16 screen``: screens on the terminal, as JSON lines and CSV, with validated filters."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from section16.cli import app
from section16.store import open_store
from tests.explore.conftest import ABBV_CLUSTER, filings

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("screen") / "s.duckdb"
    with open_store(path) as s:
        assert s.load(filings(*ABBV_CLUSTER)).stored == 6
    return str(path)


def test_screen_json_lines(db: str) -> None:
    r = runner.invoke(app, ["screen", "purchases", "--db", db, "--json", "--min-value", "1900000", "--sort",
                            "value"])  # fmt: skip
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    assert [(x["insider"], x["trade_date"]) for x in rows] == [
        ("Gosebruch Henry O", "2019-07-29"), ("AUSTIN ROXANNE S", "2019-07-31")
    ]  # fmt: skip


def test_screen_csv_and_repeated_role(db: str) -> None:
    r = runner.invoke(app, ["screen", "purchases", "--db", db, "--csv", "--role", "director", "--role", "ceo"])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert {x["insider"] for x in rows} == {"AUSTIN ROXANNE S"} and len(rows) == 3


def test_screen_table_and_cluster(db: str) -> None:
    r = runner.invoke(
        app, ["screen", "cluster-buys", "--db", db, "--min-insiders=3", "--window-days", "30"], env={"COLUMNS": "220"}
    )
    assert r.exit_code == 0, r.output
    assert "ABBV" in r.stdout and "Cluster buys" in r.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["screen", "nope"], "no screen named 'nope'"),
        (["screen", "purchases", "--min-value", "abc"], "--min-value: Input should be a valid number"),
        (["screen", "purchases", "--bogus", "1"], "unknown filter --bogus"),
        (
            ["screen", "cluster-buys", "--min-insiders", "1"],
            "--min-insiders: Input should be greater than or equal to 2",
        ),
    ],
)
def test_screen_bad_input(db: str, args: list[str], message: str, tmp_path: Path) -> None:
    r = runner.invoke(app, [*args, "--db", db])
    assert r.exit_code == 2
    assert message in r.stderr
