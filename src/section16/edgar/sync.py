"""The sync engine: EDGAR's indexes -> the Section 16 filings of each day -> archive -> parse -> store.

A sync walks the days from ``since`` to ``until``. A whole quarter that is over is read from its full
index (one request instead of sixty-odd); other days from their daily index. Weekends cost no request.
For every filing listed (once per accession, though EDGAR lists it under each filer's CIK):

1. already in the store: nothing to do;
2. in the archive (fetched by an earlier run that was stopped before it stored it): read from there;
3. else fetched (``Archives/edgar/data/{cik}/{acc-no-dashes}/{acc}.txt``) by a few threads sharing the
   client's one token bucket, and put in the archive before anything else happens to it;

then parsed and stored in batches. A filing that cannot be parsed is recorded in the store's state
(``edgar.failed.<accession>``, with the reason) and stays in the archive for ``section16 reparse``.

A day counts as done once every filing it lists is stored (or recorded as failed); the done days are
kept in the store's state as date ranges (``edgar.sync.days:<forms>``). So a sync killed at any moment
and run again does each day at most once more, fetches nothing it archived, and stores nothing twice
(loading is idempotent by accession number). A missing daily index (EDGAR's 403 AccessDenied) is a
weekend, a holiday or a day not yet published: it counts as done (no data) once a later day has an index
or the day is more than a week old, and otherwise is tried again by the next sync.
"""

from __future__ import annotations

import json
import logging
import time
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Protocol

from ..errors import ConfigError, EdgarError, ParseError
from ..model import Filing
from ..read import parse_bytes
from .archive import Archive, ArchiveEntry
from .client import EdgarClient
from .indexes import Listing, dedupe, fetch_daily_index, fetch_full_index, quarter_of
from .submissions import fetch_submissions

if TYPE_CHECKING:
    from ..store.base import Store

log = logging.getLogger("section16.edgar")

#: A missing daily index older than this is taken as final (no data that day).
MISSING_FINAL_AFTER = timedelta(days=7)
STATE_DAYS = "edgar.sync.days"
#: Filings are stored (and their days marked done) at least this often, in seconds, and per batch.
FLUSH_SECONDS = 5.0
#: Indexes requested ahead of the one being worked on.
INDEX_LOOKAHEAD = 2
STATE_FAILED = "edgar.failed."

Span = tuple[date, date]


# -- done days as merged ranges (pure) ----------------------------------------------------------------


def add_span(spans: Sequence[Span], start: date, end: date) -> list[Span]:
    """``spans`` with ``[start, end]`` added, merged, sorted."""
    out: list[Span] = []
    for s, e in sorted([*spans, (start, end)]):
        if out and s <= out[-1][1] + timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def in_spans(spans: Sequence[Span], day: date) -> bool:
    return any(s <= day <= e for s, e in spans)


def spans_to_json(spans: Sequence[Span]) -> str:
    return json.dumps([[s.isoformat(), e.isoformat()] for s, e in spans])


def spans_from_json(text: str | None) -> list[Span]:
    if not text:
        return []
    return [(date.fromisoformat(s), date.fromisoformat(e)) for s, e in json.loads(text)]


def state_key(forms: frozenset[str]) -> str:
    return f"{STATE_DAYS}:{','.join(sorted(forms))}"


def quarter_bounds(day: date) -> Span:
    q = quarter_of(day)
    start = date(day.year, 3 * q - 2, 1)
    end = date(day.year + 1, 1, 1) if q == 4 else date(day.year, 3 * q + 1, 1)
    return start, end - timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Unit:
    """One index to read: a whole quarter's full index, or one day's daily index."""

    start: date
    end: date

    @property
    def is_quarter(self) -> bool:
        return self.start != self.end

    def __str__(self) -> str:
        return f"{self.start.year}Q{quarter_of(self.start)}" if self.is_quarter else self.start.isoformat()


def plan(since: date, until: date, today: date, done: Sequence[Span]) -> list[Unit]:
    """The indexes to read for the days of ``[since, until]`` not yet done."""
    units = []
    d = since
    while d <= until:
        if in_spans(done, d):
            d += timedelta(days=1)
            continue
        qs, qe = quarter_bounds(d)
        # A quarter's full index is used once the quarter is well over (a week: late corrections settle).
        whole = d == qs and qe <= until and today - qe > MISSING_FINAL_AFTER
        if whole and not any(s <= qe and e >= qs for s, e in done):
            units.append(Unit(qs, qe))
            d = qe + timedelta(days=1)
        else:
            units.append(Unit(d, d))
            d += timedelta(days=1)
    return units


def resume_since(done: Sequence[Span]) -> date | None:
    """Where a sync without ``--since`` starts: the first day not done after the first done range, so
    days left to do (a filing that could not be fetched) are tried again before the sync moves on."""
    return done[0][1] + timedelta(days=1) if done else None


# -- the run -------------------------------------------------------------------------------------------


class Events(Protocol):
    """What a sync reports as it goes (the CLI draws a progress bar from it)."""

    def planned(self, units: Sequence[object]) -> None: ...

    def index_read(self, unit: object, listings: int | None) -> None: ...

    def filing_done(self, outcome: str) -> None: ...

    def message(self, text: str) -> None: ...


class QuietEvents:
    def planned(self, units: Sequence[object]) -> None:
        pass

    def index_read(self, unit: object, listings: int | None) -> None:
        pass

    def filing_done(self, outcome: str) -> None:
        pass

    def message(self, text: str) -> None:
        log.info("%s", text)


@dataclass
class SyncReport:
    units: int = 0
    days_done: int = 0
    missing_indexes: int = 0
    listed: int = 0
    stored: int = 0
    already: int = 0
    from_archive: int = 0
    fetched: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    #: Filings that could not be fetched (their day stays to do).
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _complete_submission(data: bytes) -> bool:
    # A full submission ends with </SEC-DOCUMENT> (or, before 2001, the end of its PEM wrapper); without
    # it the body was cut short and the filing would lose its documents.
    tail = data[-200:].rstrip()
    return tail.endswith(b"</SEC-DOCUMENT>") or tail.endswith(b"-----END PRIVACY-ENHANCED MESSAGE-----")


@dataclass
class SyncOptions:
    forms: frozenset[str]
    since: date | None = None
    until: date | None = None
    today: date | None = None
    workers: int = 4
    batch_size: int = 100


class Syncer:
    """One sync run over a client, a store and an archive."""

    def __init__(
        self,
        client: EdgarClient,
        store: Store,
        archive: Archive,
        options: SyncOptions,
        events: Events | None = None,
    ) -> None:
        self.client = client
        self.store = store
        self.archive = archive
        self.options = options
        self.events: Events = events or QuietEvents()
        self.report = SyncReport()
        self._key = state_key(options.forms)
        self._batch: list[Filing] = []
        self._finished: list[Span] = []
        self._flushed_at = 0.0

    # -- state -------------------------------------------------------------------------------------------

    def done_spans(self) -> list[Span]:
        return spans_from_json(self.store.get_state(self._key))

    def _flush(self) -> None:
        """Store the filings read so far, then mark done the days they completed (in that order, so a
        kill between the two only means the days are looked at again)."""
        if self._batch:
            self._load(self._batch)
            self._batch = []
        if self._finished:
            spans = self.done_spans()
            for start, end in self._finished:
                spans = add_span(spans, start, end)
                self.report.days_done += (end - start).days + 1
            self.store.set_state(self._key, spans_to_json(spans))
            self._finished = []
        self._flushed_at = time.monotonic()

    # -- run ---------------------------------------------------------------------------------------------

    def run(self) -> SyncReport:
        o = self.options
        today = o.today or date.today()
        done = self.done_spans()
        since = o.since or resume_since(done)
        if since is None:
            raise ConfigError("nothing was synced into this store yet: give --since DATE for the first sync")
        until = min(o.until or today, today)
        units = plan(since, until, today, done)
        self.report.units = len(units)
        self.events.planned(units)
        self._flushed_at = time.monotonic()
        pending: list[date] = []  # missing or weekend days waiting for a later day to prove them final
        pool = ThreadPoolExecutor(max_workers=max(1, o.workers), thread_name_prefix="edgar-fetch")
        try:
            for unit, listings in self._indexes(units, pool):
                if isinstance(listings, EdgarError):
                    self.report.errors.append((str(unit), str(listings)))
                    self.events.message(str(listings))
                    self.events.index_read(unit, None)
                    continue
                if listings is None:
                    self.report.missing_indexes += unit.start.weekday() < 5
                    self.events.index_read(unit, None)
                    if today - unit.start > MISSING_FINAL_AFTER:
                        self._finished.append((unit.start, unit.end))
                    else:
                        pending.append(unit.start)
                    continue
                # A later day is published: the missing days before it had no data.
                self._finished.extend((p, p) for p in pending)
                pending = []
                self.events.index_read(unit, len(listings))
                if self._process(listings, pool):
                    self._finished.append((unit.start, unit.end))
                if len(self._batch) >= o.batch_size or time.monotonic() - self._flushed_at > FLUSH_SECONDS:
                    self._flush()
            self._flush()
        finally:
            # On an interrupt, drop the fetches not yet started instead of waiting for them all.
            pool.shutdown(wait=True, cancel_futures=True)
        return self.report

    def run_ciks(self, ciks: Sequence[str]) -> SyncReport:
        """Store the filings of the wanted forms that these CIKs (issuers or owners) filed, from their
        submissions JSON (older pages included), within ``since``/``until`` when given. Not day-based:
        nothing is marked done, and a run again skips what is stored."""
        o = self.options
        self.report.units = len(ciks)
        self.events.planned(list(ciks))
        self._flushed_at = time.monotonic()
        pool = ThreadPoolExecutor(max_workers=max(1, o.workers), thread_name_prefix="edgar-fetch")
        try:
            for cik in ciks:
                try:
                    subs = fetch_submissions(self.client, cik, forms=o.forms)
                except (EdgarError, ParseError) as e:
                    self.report.errors.append((f"CIK {cik}", str(e)))
                    self.events.message(str(e))
                    self.events.index_read(f"CIK {cik}", None)
                    continue
                listings = [
                    Listing(r.accession, r.form, r.filing_date, (subs.cik,), (subs.name or "",))
                    for r in subs.filings
                    if r.filing_date is not None
                    and (o.since is None or r.filing_date >= o.since)
                    and (o.until is None or r.filing_date <= o.until)
                ]
                self.events.index_read(f"CIK {cik} ({subs.name})", len(listings))
                self._process(listings, pool)
            self._flush()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        return self.report

    def _indexes(
        self, units: Sequence[Unit], pool: ThreadPoolExecutor
    ) -> Iterator[tuple[Unit, list[Listing] | EdgarError | None]]:
        """Each unit's filings of the wanted forms, one per accession (None: no index that day), read a
        few units ahead of their use."""

        def read(unit: Unit) -> list[Listing] | EdgarError | None:
            try:
                if unit.is_quarter:
                    entries = fetch_full_index(self.client, unit.start.year, quarter_of(unit.start))
                elif unit.start.weekday() >= 5:
                    return None  # EDGAR publishes nothing on weekends: no request
                else:
                    got = fetch_daily_index(self.client, unit.start)
                    if got is None:
                        return None
                    entries = got
            except (EdgarError, ParseError) as e:
                return EdgarError(str(e))
            # Keep only what is needed: a quarter's full index lists hundreds of thousands of filings.
            return dedupe(entries, self.options.forms)

        ahead: deque[tuple[Unit, Future[list[Listing] | EdgarError | None]]] = deque()
        rest = iter(units)
        for unit in rest:
            ahead.append((unit, pool.submit(read, unit)))
            if len(ahead) > INDEX_LOOKAHEAD:
                break
        while ahead:
            unit, fut = ahead.popleft()
            nxt = next(rest, None)
            if nxt is not None:
                ahead.append((nxt, pool.submit(read, nxt)))
            yield unit, fut.result()

    def _process(self, listings: Sequence[Listing], pool: ThreadPoolExecutor) -> bool:
        """Read every listed filing into the batch; True when none is left to do (read, already
        stored, or failed and recorded)."""
        self.report.listed += len(listings)
        todo = []
        for listing in listings:
            if self.store.has(listing.accession):
                self.report.already += 1
                self.events.filing_done("already")
            else:
                todo.append(listing)
        complete = True
        for listing, got in self._obtain(todo, pool):
            if isinstance(got, EdgarError):
                complete = False
                self.report.errors.append((listing.accession, str(got)))
                self.events.message(str(got))
                self.events.filing_done("error")
                continue
            filing = self._parse(listing, got)
            if filing is not None:
                self._batch.append(filing)
                if len(self._batch) >= self.options.batch_size:
                    self._flush()  # a quarter holds tens of thousands of filings: store them as they come
        return complete

    def _obtain(
        self, todo: Sequence[Listing], pool: ThreadPoolExecutor
    ) -> Iterator[tuple[Listing, ArchiveEntry | EdgarError]]:
        """Each filing's archive entry, from the archive or fetched (in order, fetched concurrently)."""
        fetch = [x for x in todo if x.accession not in self.archive]
        fetching = {x.accession for x in fetch}

        def one(listing: Listing) -> ArchiveEntry | EdgarError:
            url = self.client.www(listing.path)
            try:
                data = self.client.get(url, validate=_complete_submission)
            except EdgarError as e:
                return e
            assert data is not None
            return self.archive.put(data, accession=listing.accession, url=url)

        fetched = pool.map(one, fetch)
        for listing in todo:
            entry = self.archive.entry(listing.accession)
            if entry is not None and listing.accession not in fetching:
                self.report.from_archive += 1
                yield listing, entry
            else:
                got = next(fetched)
                if not isinstance(got, EdgarError):
                    self.report.fetched += 1
                yield listing, got

    def _parse(self, listing: Listing, entry: ArchiveEntry) -> Filing | None:
        try:
            filing = parse_bytes(self.archive.read(entry.sha256), entry.url)
            if filing.accession_number != listing.accession:
                raise ParseError(
                    f"the submission holds accession {filing.accession_number}, the index lists {listing.accession}",
                    source=entry.url,
                )
        except (ParseError, EdgarError) as e:
            self._record_failure(listing.accession, str(e), entry)
            return None
        return filing

    def _load(self, batch: list[Filing]) -> None:
        result = self.store.load(batch)
        failed = dict(result.failed)
        for f in batch:
            acc = f.accession_number or ""
            reason = failed.get(acc) or failed.get(f.source.path or "")
            if reason is not None:
                self._record_failure(acc, reason, self.archive.entry(acc))
            else:
                if self.store.get_state(STATE_FAILED + acc) is not None:  # failed before, stored now
                    self.store.set_state(STATE_FAILED + acc, None)
                self.report.stored += 1
                self.events.filing_done("stored")

    def _record_failure(self, accession: str, reason: str, entry: ArchiveEntry | None) -> None:
        self.report.failed.append((accession, reason))
        value = {"error": reason, "url": entry.url if entry else None, "sha256": entry.sha256 if entry else None}
        self.store.set_state(STATE_FAILED + accession, json.dumps(value))
        self.events.message(f"{accession}: {reason}")
        self.events.filing_done("failed")


def sync(
    client: EdgarClient,
    store: Store,
    archive: Archive,
    options: SyncOptions,
    events: Events | None = None,
) -> SyncReport:
    """Bring ``store`` up to date with EDGAR for ``options`` (see the module's doc)."""
    return Syncer(client, store, archive, options, events).run()
