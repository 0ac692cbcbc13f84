"""``section16 load PATH...``: files, folders, zips of submissions and SEC data-set zips into the store."""

from __future__ import annotations

import time

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from ..errors import Section16Error

_err = Console(stderr=True)

DB_HELP = "DuckDB file or postgresql:// URL (default: $SECTION16_DB, else section16.duckdb in the data dir)."


def register(app: typer.Typer) -> None:
    @app.command("load")
    def load_cmd(
        paths: list[str] = typer.Argument(..., help="Filing files, folders, zips of them, or SEC data-set zips."),
        db: str = typer.Option(None, "--db", help=DB_HELP),
        workers: int = typer.Option(0, "--workers", min=0, help="Parsing processes (default: one per CPU)."),
        replace: bool = typer.Option(False, "--replace", help="Replace filings already stored (re-read them)."),
        run_checks: bool = typer.Option(
            False, "--check", help="Run the business-rule checks and keep each filing's findings (slower)."
        ),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
        show_failed: int = typer.Option(20, "--show-failed", help="Failures to list (all are counted)."),
    ) -> None:
        """Load filings into the store (idempotent: a filing already stored is skipped)."""
        from ..datasets import import_dataset
        from ..store import LoadResult, open_store
        from ..store.ingest import load_items, plan

        try:
            p = plan(paths)
            store = open_store(db)
        except Section16Error as e:
            _err.print(f"[bold red]error:[/] {e}", highlight=False)
            raise typer.Exit(2) from None
        result = LoadResult()
        for m in p.missing:
            where, _, why = m.partition(": ")
            result.failed.append((where, why))
        start = time.perf_counter()
        try:
            with Progress(
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[info]}"),
                TimeElapsedColumn(),
                console=_err,
                disable=quiet,
                transient=False,
            ) as bar:
                task = bar.add_task("filings", total=len(p.items), info="", visible=bool(p.items))

                def show(done: int, r: LoadResult, base: int = 0, t: TaskID = task) -> None:
                    secs = max(time.perf_counter() - start, 1e-6)
                    info = (
                        f"{r.inserted} new · {r.replaced} replaced · {r.skipped} had · {len(r.failed)} failed · "
                        f"{(base + done) / secs:,.0f}/s"
                    )
                    bar.update(t, completed=done, info=info)

                result += load_items(
                    store, p.items, workers=workers or None, replace=replace, progress=show, run_checks=run_checks
                )
                for z in p.datasets:
                    dtask = bar.add_task(z.name, total=None, info="")

                    def show_ds(done: int, r: LoadResult, t: TaskID = dtask) -> None:
                        bar.update(
                            t, completed=done, info=f"{r.inserted} new · {r.skipped} had · {len(r.failed)} failed"
                        )

                    try:
                        result += import_dataset(store, z, replace=replace, progress=show_ds, workers=workers or None)
                    except Section16Error as e:
                        result.failed.append((str(z), str(e)))
        finally:
            store.close()
        secs = time.perf_counter() - start
        total = len(p.items) + sum(1 for _ in p.datasets)
        for where, why in result.failed[:show_failed]:
            _err.print(f"[red]failed[/] {where}: {why}", highlight=False, soft_wrap=True)
        if len(result.failed) > show_failed:
            _err.print(f"... and {len(result.failed) - show_failed} more failures", highlight=False)
        typer.echo(f"{result} in {secs:.1f}s ({total} inputs) -> {store.location}")
        if result.failed:
            raise typer.Exit(1)
