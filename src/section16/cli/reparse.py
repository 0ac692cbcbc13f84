"""``section16 reparse``: rebuild the store from the raw archive with the current parser, offline."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..errors import EdgarError, StoreError
from .sync import _err, default_archive, fail


def register(app: typer.Typer) -> None:
    @app.command("reparse")
    def reparse_cmd(
        db: str = typer.Option(
            None, "--db", help="DuckDB file or postgresql:// URL (default: $SECTION16_DB or the data dir)."
        ),
        archive: Path = typer.Option(None, "--archive", help="Raw archive folder (default: beside the db)."),
        batch_size: int = typer.Option(500, "--batch", min=1, help="Filings per database transaction."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    ) -> None:
        """Read every archived submission again with this version's parser and store it (no network).

        Each filing replaces its stored copy (same accession); filings that now fail are recorded in the
        store's sync_state as 'edgar.failed.<accession>', and ones that failed before and read now are cleared.
        """
        from ..edgar.archive import Archive
        from ..edgar.reparse import reparse
        from ..store import open_store, resolve_db

        target = resolve_db(db)
        folder = archive or default_archive(target)
        if not (folder / "manifest.jsonl").exists():
            raise fail(f"{folder}: no archive here (no manifest.jsonl); give --archive DIR")
        try:
            arch = Archive(folder)
            store = open_store(target)
        except (EdgarError, StoreError) as e:
            raise fail(str(e)) from None
        progress = Progress(
            TextColumn("[bold]reparse"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[info]}"),
            console=_err,
            disable=quiet,
        )
        task = progress.add_task("reparse", total=len(arch), info="")
        try:
            with progress:
                report = reparse(
                    arch,
                    store,
                    batch_size=batch_size,
                    on_progress=lambda done, stored, failed: progress.update(
                        task, completed=done, info=f"{stored} stored · {failed} failed"
                    ),
                )
        except (EdgarError, StoreError) as e:
            raise fail(str(e)) from None
        finally:
            store.close()
        if not quiet:
            _err.print(f"{report.read} archived filings read: {report.stored} stored, {len(report.failed)} failed")
        for acc, reason in report.failed:
            _err.print(f"[yellow]failed[/] {acc}: {reason}", highlight=False, soft_wrap=True)
