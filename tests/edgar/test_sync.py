"""The sync engine against the fake EDGAR, into a real DuckDB file: every filing once, faults survived,
incremental runs, missing days, failures recorded, and a rebuild from the archive with no network."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from section16.edgar.archive import Archive
from section16.edgar.indexes import forms_wanted
from section16.edgar.reparse import reparse
from section16.edgar.sync import STATE_FAILED, Syncer, SyncOptions, SyncReport, state_key, sync
from section16.store import open_store
from section16.store.base import Store

from .conftest import make_client, submission_files, table_contents
from .fake_edgar import FakeEdgar, Fault

FORMS = forms_wanted(["3", "4", "5"])
FEB = (date(2020, 2, 1), date(2020, 2, 29))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "s16.duckdb")
    yield s
    s.close()


def run(
    fake: FakeEdgar, store: Store, archive: Archive, since: date | None, until: date | None, **kw: object
) -> SyncReport:
    client = make_client(fake, rate=kw.pop("rate", 50), pause=kw.pop("pause", 1.0))
    options = SyncOptions(FORMS, since, until, **kw)  # type: ignore[arg-type]
    return sync(client, store, archive, options)


def feb_accessions(fake: FakeEdgar) -> set[str]:
    return {f.accession for f in fake.filings if FEB[0] <= f.filed <= FEB[1]}


def test_every_filing_stored_exactly_once_through_faults(store: Store, tmp_path: Path) -> None:
    faults = [
        Fault("error", path="/Archives/edgar/data/", every=7),
        Fault("truncate", path="/Archives/edgar/data/", every=11),
        Fault("throttle", path="daily-index", every=9),
        Fault("slow", path="/Archives/edgar/data/", after=20, times=1, delay=1.0),
    ]
    with FakeEdgar(submission_files(), faults=faults) as fake:
        archive = Archive(tmp_path / "archive")
        report = run(fake, store, archive, *FEB, rate=30)
        expected = feb_accessions(fake)
        assert report.ok and not report.failed
        assert report.stored == len(expected) == report.fetched
        assert store.accessions() == expected
        dupes = store.query("SELECT accession FROM filings GROUP BY accession HAVING COUNT(*) > 1").num_rows
        assert dupes == 0
        # The joint filing (two owners, listed under three CIKs) is one filing with two owner rows.
        owners = store.query("SELECT cik FROM reporting_owners WHERE accession = '0001104659-20-016112'")
        assert owners.num_rows == 2
        assert {e.accession for e in archive.entries()} == expected and len(archive) == len(expected)
        # Fair access, as the server saw it; each weekday's index read once (retries aside), no weekend.
        assert fake.max_in_window(1.0) <= 30
        index_days = {r.path.rsplit(".", 2)[1] for r in fake.requests_for("daily-index") if r.status == 200}
        weekdays = [date(int(d[:4]), int(d[4:6]), int(d[6:])).weekday() for d in index_days]
        assert len(index_days) == 20 and max(weekdays) < 5
        assert all(f.fired > 0 for f in faults)
        # Every filing is from the submission, parsed by this section16 and named by where it came from.
        src = store.query("SELECT DISTINCT source_format FROM filings").column(0).to_pylist()
        assert src == ["submission"]


def test_incremental_runs_continue_where_the_last_stopped(store: Store, tmp_path: Path) -> None:
    with FakeEdgar(submission_files()) as fake:
        archive = Archive(tmp_path / "archive")
        first = run(fake, store, archive, date(2020, 2, 1), date(2020, 2, 14))
        assert first.days_done == 14
        assert json.loads(store.get_state(state_key(FORMS)) or "") == [["2020-02-01", "2020-02-14"]]
        n = len(fake.log)
        second = run(fake, store, archive, None, date(2020, 2, 29))  # no --since: resume
        assert second.units == 15 and second.already == 0
        later = fake.log[n:]
        first_new = "/Archives/edgar/daily-index/2020/QTR1/form.20200215"
        assert not [r for r in later if "daily-index" in r.path and r.path < first_new]
        assert store.accessions() == feb_accessions(fake)
        # A third run over a done range reads nothing at all.
        n = len(fake.log)
        third = run(fake, store, archive, date(2020, 2, 1), date(2020, 2, 29))
        assert third.units == 0 and len(fake.log) == n


def test_a_whole_past_quarter_is_read_from_its_full_index(store: Store, tmp_path: Path) -> None:
    with FakeEdgar(submission_files()) as fake:
        report = run(fake, store, Archive(tmp_path / "a"), date(2019, 10, 1), date(2019, 12, 31))
        assert report.units == 1 and report.days_done == 92
        assert [r.path for r in fake.log if "index" in r.path] == ["/Archives/edgar/full-index/2019/QTR4/form.idx"]
        expected = {f.accession for f in fake.filings if f.filed.year == 2019}
        assert store.accessions() == expected and len(expected) == 3


def test_missing_daily_indexes_are_no_data(store: Store, tmp_path: Path) -> None:
    # Presidents' Day 2020 has no index (403 AccessDenied); nor have the days after the 20th yet.
    with FakeEdgar(submission_files(), holidays=[date(2020, 2, 17)], published_through=date(2020, 2, 20)) as fake:
        archive = Archive(tmp_path / "a")
        report = run(fake, store, archive, date(2020, 2, 10), date(2020, 2, 25), today=date(2020, 2, 25))
        assert report.ok and report.missing_indexes == 4  # the 17th, 21st, 24th, 25th
        spans = json.loads(store.get_state(state_key(FORMS)) or "")
        assert spans == [["2020-02-10", "2020-02-20"]]  # the holiday is done; the unpublished days are not
        denied = [r for r in fake.log if r.status == 403]
        assert len(denied) == 4 and all("daily-index" in r.path for r in denied)
        # Next evening the indexes are out: the next sync picks up exactly the days left.
        fake.published_through = date(2020, 2, 25)
        report = run(fake, store, archive, None, date(2020, 2, 25), today=date(2020, 2, 26))
        assert report.units == 5 and report.missing_indexes == 0
        expected = {f.accession for f in fake.filings if date(2020, 2, 10) <= f.filed <= date(2020, 2, 25)}
        assert store.accessions() == expected


def test_a_filing_that_cannot_be_fetched_leaves_its_day_to_do(store: Store, tmp_path: Path) -> None:
    victim = "0001104659-20-016112"
    folder = victim.replace("-", "")
    with FakeEdgar(submission_files(), faults=[Fault("error", path=folder, times=-1)]) as fake:
        archive = Archive(tmp_path / "a")
        report = run(fake, store, archive, date(2020, 2, 10), date(2020, 2, 12))
        assert [acc for acc, _ in report.errors] == [victim] and not report.ok
        spans = json.loads(store.get_state(state_key(FORMS)) or "")
        assert spans == [["2020-02-10", "2020-02-10"], ["2020-02-12", "2020-02-12"]]
        assert victim not in store.accessions()
        fake.faults.clear()
        report = run(fake, store, archive, None, date(2020, 2, 12))  # resumes at the gap
        assert report.ok and report.units == 1 and report.stored == 1 and report.already > 0
        assert victim in store.accessions()


def test_an_unreadable_filing_is_recorded_not_dropped(store: Store, tmp_path: Path) -> None:
    good = tmp_path / "src"
    good.mkdir()
    files = [f for f in submission_files() if f.name.startswith("0001179110-20-00228")][:2]
    bad = files[0].read_bytes().replace(b"</ownershipDocument>", b"</ownershipDocumen")
    (good / files[0].name).write_bytes(bad)
    (good / files[1].name).write_bytes(files[1].read_bytes())
    with FakeEdgar(sorted(good.glob("*.txt"))) as fake:
        archive = Archive(tmp_path / "a")
        day = fake.filings[0].filed
        report = run(fake, store, archive, day, day)
        acc = fake.filings[0].accession
        assert [a for a, _ in report.failed] == [acc] and report.ok
        record = json.loads(store.get_state(STATE_FAILED + acc) or "")
        assert acc in record["url"] and record["sha256"] == archive.entry(acc).sha256  # type: ignore[union-attr]
        assert "XML" in record["error"] or "xml" in record["error"]
        assert acc in archive and acc not in store.accessions()
        assert json.loads(store.get_state(state_key(FORMS)) or "") == [[day.isoformat(), day.isoformat()]]


def test_reparse_rebuilds_the_store_from_the_archive_offline(store: Store, tmp_path: Path) -> None:
    with FakeEdgar(submission_files()) as fake:
        archive = Archive(tmp_path / "archive")
        run(fake, store, archive, *FEB)
    # The server is gone: reparse reads only the archive.
    rebuilt = open_store(tmp_path / "rebuilt.duckdb")
    try:
        report = reparse(Archive(tmp_path / "archive"), rebuilt)
        assert report.read == report.stored == len(store.accessions()) and not report.failed
        a, b = table_contents(store), table_contents(rebuilt)
        a.pop("sync_state"), b.pop("sync_state")
        assert a == b
        # Reparse over a full store replaces each filing, and still stores each once.
        again = reparse(Archive(tmp_path / "archive"), rebuilt)
        assert again.stored == report.stored
        assert table_contents(rebuilt)["filings"] == b["filings"]
    finally:
        rebuilt.close()


def test_an_index_that_cannot_be_read_leaves_its_day_to_do(store: Store, tmp_path: Path) -> None:
    with FakeEdgar(submission_files(), faults=[Fault("error", path="form.20200211.idx", times=-1)]) as fake:
        archive = Archive(tmp_path / "a")
        report = run(fake, store, archive, date(2020, 2, 10), date(2020, 2, 12))
        assert [unit for unit, _ in report.errors] == ["2020-02-11"]
        spans = json.loads(store.get_state(state_key(FORMS)) or "")
        assert spans == [["2020-02-10", "2020-02-10"], ["2020-02-12", "2020-02-12"]]
        fake.faults.clear()
        report = run(fake, store, archive, None, date(2020, 2, 12))
        assert report.ok and report.units == 1
        assert store.accessions() == {
            f.accession for f in fake.filings if "2020-02-10" <= f.filed.isoformat() <= "2020-02-12"
        }


def test_a_quarter_is_stored_in_batches_as_it_goes(store: Store, tmp_path: Path) -> None:
    with FakeEdgar(submission_files()) as fake:
        report = run(fake, store, Archive(tmp_path / "a"), date(2020, 1, 1), date(2020, 3, 31), batch_size=2)
        expected = {f.accession for f in fake.filings if f.filed.year == 2020 and f.filed.month <= 3}
        assert report.units == 1 and report.stored == len(expected) and store.accessions() == expected
        # Batches of two: the loads went in one by one as the quarter was read, not all at its end.
        loads = store.query("SELECT COUNT(DISTINCT loaded_at) FROM filings").column(0).to_pylist()[0]
        assert loads >= len(expected) // 2


def test_sync_into_postgresql(pg_url: str, tmp_path: Path) -> None:
    faults = [Fault("error", path="/Archives/edgar/data/", every=5)]
    with FakeEdgar(submission_files(), faults=faults) as fake, open_store(pg_url) as pg:
        report = run(fake, pg, Archive(tmp_path / "a"), *FEB)
        assert report.ok and report.stored == len(feb_accessions(fake))
        assert pg.accessions() == feb_accessions(fake)
        dupes = pg.query("SELECT accession FROM filings GROUP BY accession HAVING COUNT(*) > 1").num_rows
        assert dupes == 0
        again = run(fake, pg, Archive(tmp_path / "a"), *FEB)
        assert again.units == 0 and again.stored == 0


def test_one_companys_filings_from_its_submissions_json(store: Store, tmp_path: Path) -> None:
    with FakeEdgar(submission_files(), page_size=1) as fake:  # one filing a page: the older pages are read
        client = make_client(fake)
        syncer = Syncer(client, store, Archive(tmp_path / "a"), SyncOptions(FORMS, date(2020, 2, 1), None))
        report = syncer.run_ciks(["320193"])
        apple = {f.accession for f in fake.filings if f.filers[0][0] == "320193" and f.filed >= date(2020, 2, 1)}
        assert len(apple) == 3 and report.stored == 3 and store.accessions() == apple
        assert not fake.requests_for("index")  # no index read: the submissions JSON lists them
        again = Syncer(client, store, Archive(tmp_path / "a"), SyncOptions(FORMS)).run_ciks(["320193"])
        assert again.already == 3 and again.fetched == 0
        missing = Syncer(client, store, Archive(tmp_path / "a"), SyncOptions(FORMS)).run_ciks(["999999999"])
        assert [e for e, _ in missing.errors] == ["CIK 999999999"]


def test_plan_and_done_ranges_pure() -> None:
    from section16.edgar.sync import Unit, add_span, in_spans, plan, resume_since

    d = date
    spans = add_span([], d(2020, 2, 3), d(2020, 2, 3))
    spans = add_span(spans, d(2020, 2, 5), d(2020, 2, 6))
    assert spans == [(d(2020, 2, 3), d(2020, 2, 3)), (d(2020, 2, 5), d(2020, 2, 6))]
    spans = add_span(spans, d(2020, 2, 4), d(2020, 2, 4))  # fills the gap: one range
    assert spans == [(d(2020, 2, 3), d(2020, 2, 6))]
    assert in_spans(spans, d(2020, 2, 4)) and not in_spans(spans, d(2020, 2, 7))
    assert resume_since(spans) == d(2020, 2, 7) and resume_since([]) is None
    # A whole quarter over for more than a week: its full index; otherwise day by day, skipping done days.
    today = d(2020, 4, 20)
    units = plan(d(2019, 12, 30), d(2020, 4, 2), today, spans)
    assert units[:2] == [Unit(d(2019, 12, 30), d(2019, 12, 30)), Unit(d(2019, 12, 31), d(2019, 12, 31))]
    assert units[2] == Unit(d(2020, 1, 1), d(2020, 1, 1))  # Q1 has done days: not read whole
    assert Unit(d(2020, 2, 4), d(2020, 2, 4)) not in units
    assert units[-1] == Unit(d(2020, 4, 2), d(2020, 4, 2))
    assert plan(d(2020, 1, 1), d(2020, 3, 31), today, []) == [Unit(d(2020, 1, 1), d(2020, 3, 31))]
    assert str(Unit(d(2020, 1, 1), d(2020, 3, 31))) == "2020Q1"
    # Just after the quarter's end its full index may still change: days instead.
    assert len(plan(d(2020, 1, 1), d(2020, 3, 31), d(2020, 4, 3), [])) == 91
