"""``section16 sync`` and ``section16 reparse`` as a user runs them: as a subprocess against the fake
EDGAR, killed with SIGKILL at random moments and restarted, ending with the same database as a run that
was never interrupted; and in process for the refusals, the block pause and the rebuild."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from section16.cli import app
from section16.edgar.archive import Archive
from section16.store import open_store
from tests.conftest import ROOT
from tests.edgar.conftest import UA, submission_files, table_contents
from tests.edgar.fake_edgar import FakeEdgar, Fault

SINCE, UNTIL = "2020-02-01", "2020-03-31"
#: High enough to keep the test short, low enough that the limit is what paces the sync.
RATE = 30


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SECTION16_")}
    env["XDG_CONFIG_HOME"] = str(tmp / "config")  # no user config file leaks in
    env["PYTHONPATH"] = str(ROOT / "src")
    return env


def _sync_cmd(fake: FakeEdgar, db: Path, archive: Path, rate: int) -> list[str]:
    return [
        sys.executable, "-c", "from section16.cli import main; main()", "sync", "--since", SINCE, "--until", UNTIL,
        "--db", str(db), "--archive", str(archive), "--edgar-url", fake.url, "--user-agent", UA, "--rate", str(rate),
        "--block-pause", "1", "--quiet",
    ]  # fmt: skip


def _contents(db: Path) -> dict[str, list[tuple[object, ...]]]:
    store = open_store(db)
    try:
        return table_contents(store)
    finally:
        store.close()


def _manifest(archive: Path) -> set[tuple[str, str]]:
    return {(e.accession, e.sha256) for e in Archive(archive).entries()}


def test_killed_and_restarted_sync_ends_like_an_uninterrupted_one(tmp_path: Path) -> None:
    seed = int(os.environ.get("SECTION16_KILL_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    faults = [Fault("error", path="/Archives/edgar/data/", every=13), Fault("truncate", path="/Archives/", every=17)]
    with FakeEdgar(submission_files(), faults=faults) as fake:
        env = _env(tmp_path)
        ref_db, ref_archive = tmp_path / "ref.duckdb", tmp_path / "ref-archive"
        done = subprocess.run(_sync_cmd(fake, ref_db, ref_archive, RATE), env=env, capture_output=True, timeout=120)
        assert done.returncode == 0, done.stderr.decode()
        n_ref = len(fake.log)

        db, archive = tmp_path / "killed.duckdb", tmp_path / "killed-archive"
        kills, points = 0, []
        for _ in range(12):
            proc = subprocess.Popen(_sync_cmd(fake, db, archive, RATE), env=env, stderr=subprocess.PIPE)
            if kills < 4:
                # Kill after a random number of requests of this run (so every kill lands mid-sync, not in
                # Python's start-up), plus a random few milliseconds (so it may land in a parse, a load,
                # a state write or an archive write rather than just after a request).
                start, target = len(fake.log), rng.randint(1, n_ref // 2)
                while proc.poll() is None and len(fake.log) - start < target:
                    time.sleep(0.005)
                time.sleep(rng.uniform(0, 0.2))
                if proc.poll() is None:
                    proc.send_signal(signal.SIGKILL)
                    proc.wait()
                    kills += 1
                    points.append(len(fake.log) - start)
                    continue
            _, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err.decode()
            break
        else:
            pytest.fail("the sync never finished")
        assert kills >= 2, f"seed {seed}: the sync finished before it could be killed twice"
        assert fake.max_in_window(1.0) <= RATE, f"seed {seed}"

        ref, got = _contents(ref_db), _contents(db)
        expected = [f for f in fake.filings if SINCE <= f.filed.isoformat() <= UNTIL]
        assert len(got["filings"]) == len(ref["filings"]) == len(expected) > 30
        for table in ref:
            assert got[table] == ref[table], f"seed {seed}: table {table} differs after kills at requests {points}"
        assert _manifest(archive) == _manifest(ref_archive)
        # Killed runs may repeat a few requests; never a whole second sync's worth.
        assert len(fake.log) - n_ref < 3 * n_ref


runner = CliRunner()


def test_refuses_to_run_without_a_user_agent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for k in [k for k in os.environ if k.startswith("SECTION16_")]:
        monkeypatch.delenv(k)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    result = runner.invoke(app, ["sync", "--since", "2020-02-03", "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2
    out = result.stdout + result.stderr
    assert "User-Agent" in out and "--user-agent" in out and "SECTION16_USER_AGENT" in out
    assert not (tmp_path / "x.duckdb").exists()  # refused before touching anything


def test_rate_above_ten_is_refused_for_sec_gov(tmp_path: Path) -> None:
    result = runner.invoke(app, ["sync", "--since", "2020-02-03", "--user-agent", UA, "--rate", "20",
                                 "--db", str(tmp_path / "x.duckdb")])  # fmt: skip
    assert result.exit_code == 2 and "fair-access limit" in result.stderr


def test_block_pause_then_resume_and_reparse_offline(tmp_path: Path) -> None:
    db, archive = tmp_path / "s.duckdb", tmp_path / "archive"
    with FakeEdgar(submission_files(), faults=[Fault("block", after=10)], block_seconds=0.5) as fake:
        args = ["sync", "--since", "2020-02-10", "--until", "2020-02-14", "--db", str(db), "--archive", str(archive),
                "--edgar-url", fake.url, "--user-agent", UA, "--rate", "50", "--block-pause", "1.5"]  # fmt: skip
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.stderr
        assert "undeclared automated tool" in result.stderr and "pausing all requests for 1.5 s" in result.stderr
        # Requests in flight when the block began may be refused too; nothing is sent for the pause after it.
        blocked = [r for r in fake.log if r.status == 403]
        assert 1 <= len(blocked) <= 4
        late = [r for r in fake.log if r.t > blocked[0].t + 0.05]
        assert late and min(r.t for r in late) >= blocked[0].t + 1.5 - 0.01
        assert all(r.status == 200 for r in late)
        expected = {f.accession for f in fake.filings if "2020-02-10" <= f.filed.isoformat() <= "2020-02-14"}
        assert "stored" in result.stderr
    with open_store(db) as store:
        assert store.accessions() == expected
    # No server any more: reparse into a new store from the archive.
    rebuilt = tmp_path / "rebuilt.duckdb"
    result = runner.invoke(app, ["reparse", "--db", str(rebuilt), "--archive", str(archive)])
    assert result.exit_code == 0, result.stderr
    a, b = _contents(db), _contents(rebuilt)
    a.pop("sync_state"), b.pop("sync_state")
    assert a == b
    result = runner.invoke(app, ["reparse", "--db", str(rebuilt), "--archive", str(tmp_path / "nothing")])
    assert result.exit_code == 1 and "no archive here" in result.stderr


def test_backfill_datasets_hands_the_quarters_to_the_importer(tmp_path: Path) -> None:
    from tests.edgar.test_datasets import dataset_zip

    q4 = [f for f in submission_files() if "-19-" in f.name]
    db, archive = tmp_path / "s.duckdb", tmp_path / "archive"
    with FakeEdgar(submission_files(), datasets={(2019, 4): dataset_zip(q4, tmp_path)}) as fake:
        args = ["sync", "--since", "2019-10-01", "--until", "2019-12-31", "--db", str(db), "--archive", str(archive),
                "--edgar-url", fake.url, "--user-agent", UA, "--rate", "50", "--backfill-datasets"]  # fmt: skip
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.stderr
        assert "1 quarters imported (3 filings stored)" in result.stderr
        assert not fake.requests_for("/Archives/edgar/data/")  # the data set had them all
        assert (archive / "datasets" / "2019q4_form345.zip").is_file()
    with open_store(db) as store:
        assert store.accessions() == {f.stem for f in q4}
