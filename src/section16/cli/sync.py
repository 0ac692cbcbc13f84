"""``section16 sync``: bring the store up to date with EDGAR, fairly, resumably, with a progress bar."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from ..errors import ConfigError, EdgarError, StoreError

ENV_ARCHIVE = "SECTION16_ARCHIVE"

_err = Console(stderr=True)


def default_archive(db: str) -> Path:
    """The archive beside the database: ``$SECTION16_ARCHIVE``, else ``<db folder>/archive``."""
    env = os.environ.get(ENV_ARCHIVE)
    if env:
        return Path(env).expanduser()
    from ..store import default_db_path, is_postgres_url

    if is_postgres_url(db) or db == ":memory:":
        return default_db_path().parent / "archive"
    return Path(db).expanduser().resolve().parent / "archive"


def parse_day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a date (YYYY-MM-DD)", param_hint=option) from None


def fail(message: str, code: int = 1) -> typer.Exit:
    _err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


class ProgressEvents:
    """Draws the sync as two bars: indexes read, and filings stored with counts and rates."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.client: Any = None
        self.counts = {"stored": 0, "already": 0, "failed": 0, "error": 0}
        self.started = datetime.now()
        self.indexes: TaskID = progress.add_task("indexes", total=None, info="")
        self.filings: TaskID = progress.add_task("filings", total=0, info="")

    def planned(self, units: Sequence[Any]) -> None:
        self.progress.update(self.indexes, total=len(units))

    def index_read(self, unit: Any, listings: int | None) -> None:
        info = f"{unit}: " + ("no index" if listings is None else f"{listings} filings")
        self.progress.update(self.indexes, advance=1, info=info)
        if listings:
            total = self.progress.tasks[self.filings].total or 0
            self.progress.update(self.filings, total=total + listings)

    def filing_done(self, outcome: str) -> None:
        self.counts[outcome] = self.counts.get(outcome, 0) + 1
        secs = max((datetime.now() - self.started).total_seconds(), 1e-6)
        c = self.counts
        info = (
            f"{c['stored']} stored · {c['already']} had · {c['failed']} failed · {c['error']} errors · "
            f"{c['stored'] / secs:.1f} filings/s"
        )
        if self.client is not None:
            info += f" · {self.client.stats.requests / secs:.1f} req/s"
        self.progress.update(self.filings, advance=1, info=info)

    def message(self, text: str) -> None:
        self.progress.console.print(f"[yellow]{text}[/]", highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    @app.command("sync")
    def sync_cmd(
        since: str = typer.Option(
            None, "--since", help="First filing day (YYYY-MM-DD); default: where the last sync stopped."
        ),
        until: str = typer.Option(None, "--until", help="Last filing day (default: today)."),
        forms: str = typer.Option("3,4,5", "--forms", help="Forms to collect (amendments included): 3, 4, 5."),
        db: str = typer.Option(
            None, "--db", help="DuckDB file or postgresql:// URL (default: $SECTION16_DB or the data dir)."
        ),
        archive: Path = typer.Option(
            None, "--archive", help=f"Raw archive folder (default: ${ENV_ARCHIVE} or beside the db)."
        ),
        user_agent: str = typer.Option(None, "--user-agent", help="Declared User-Agent: your name and e-mail."),
        edgar_url: str = typer.Option(
            None, "--edgar-url", help="Base URL for www.sec.gov paths (and data.sec.gov ones)."
        ),
        edgar_data_url: str = typer.Option(None, "--edgar-data-url", help="Base URL for data.sec.gov paths."),
        rate: float = typer.Option(
            None, "--rate", help="Requests per second (at most 10 against sec.gov; default 10)."
        ),
        block_pause: float = typer.Option(
            None, "--block-pause", help="Seconds to stop after a 403 block (default 600)."
        ),
        workers: int = typer.Option(4, "--workers", min=1, max=16, help="Concurrent downloads (sharing the one rate)."),
        backfill_datasets: bool = typer.Option(
            False, "--backfill-datasets", help="First import the SEC's quarterly insider data sets for the range."
        ),
        cik: list[str] = typer.Option(
            None, "--cik", help="Only this issuer's or owner's filings, from its submissions JSON (repeatable)."
        ),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    ) -> None:
        """Collect Form 3/4/5 filings from EDGAR into the store; run it again to continue where it stopped."""
        from ..edgar import Archive, EdgarClient, SyncOptions, forms_wanted, load_config
        from ..edgar.sync import Syncer
        from ..store import open_store, resolve_db

        first, last = parse_day(since, "--since"), parse_day(until, "--until")
        try:
            wanted = forms_wanted(f for f in forms.split(",") if f.strip())
        except ValueError as e:
            raise typer.BadParameter(str(e), param_hint="--forms") from None
        try:
            config = load_config(
                user_agent=user_agent,
                edgar_url=edgar_url,
                edgar_data_url=edgar_data_url,
                rate=rate,
                block_pause=block_pause,
            )
        except ConfigError as e:
            raise fail(str(e), 2) from None
        target = resolve_db(db)
        try:
            store = open_store(target)
        except StoreError as e:
            raise fail(str(e)) from None
        try:
            arch = Archive(archive or default_archive(target))
            progress = Progress(
                SpinnerColumn(),
                TextColumn("[bold]{task.description:<8}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.fields[info]}"),
                console=_err,
                disable=quiet,
            )
            events = ProgressEvents(progress)
            with EdgarClient(config, listener=events.message) as client:
                events.client = client
                if backfill_datasets:
                    _backfill(client, store, arch.root, first, last, events)
                syncer = Syncer(client, store, arch, SyncOptions(wanted, first, last, workers=workers), events)
                with progress:
                    report = syncer.run_ciks([c.strip() for c in cik]) if cik else syncer.run()
                requests = client.stats.requests
        except KeyboardInterrupt:
            _err.print("interrupted: run the same command again to continue where it stopped")
            raise typer.Exit(130) from None
        except (ConfigError, EdgarError, StoreError) as e:
            raise fail(str(e)) from None
        finally:
            store.close()
        summary = (
            f"{report.listed} filings listed in {report.units} indexes: {report.stored} stored "
            f"({report.fetched} fetched, {report.from_archive} from the archive), {report.already} already stored, "
            f"{len(report.failed)} failed, {len(report.errors)} not fetched; {requests} requests"
        )
        if not quiet:
            _err.print(summary, highlight=False)
        for acc, reason in report.failed:
            _err.print(f"[yellow]failed[/] {acc}: {reason}", highlight=False, soft_wrap=True)
        if report.failed:
            _err.print(
                "failed filings stay in the archive and in the store's sync_state (key 'edgar.failed.<accession>');"
                " `section16 reparse` reads them again with a newer parser",
                highlight=False,
            )
        if report.errors:
            raise fail(f"{len(report.errors)} filings could not be fetched; run the same command again to retry them")


def _backfill(client: Any, store: Any, folder: Path, since: date | None, until: date | None, events: Any) -> None:
    """Hand the quarters of the range to the SEC data-set importer, then let the sync fill the gaps."""
    from ..edgar.datasets import backfill

    if since is None:
        raise ConfigError("--backfill-datasets needs --since DATE")
    report = backfill(client, store, folder / "datasets", since, until or date.today(), events=events)
    events.message(
        f"data sets: {len(report.imported)} quarters imported ({report.stored} filings stored), "
        f"{len(report.skipped)} imported before, {len(report.unpublished)} not published yet"
    )
    for where, reason in report.failed:
        events.message(f"data set row failed: {where}: {reason}")
