"""``section16 export --to sec-tsv|parquet|csv --out DIR``: the store as files."""

from __future__ import annotations

import typer

from ..errors import Section16Error
from .load import DB_HELP


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export_cmd(
        to: str = typer.Option(..., "--to", help="sec-tsv (the SEC data-set files), parquet or csv (every table)."),
        out: str = typer.Option(..., "--out", help="Folder to write (created when missing)."),
        db: str = typer.Option(None, "--db", help=DB_HELP),
        zip_name: str = typer.Option(None, "--zip", help="sec-tsv: also pack the files into this zip in --out."),
    ) -> None:
        """Export the store: the SEC insider data-set TSVs, or each table as Parquet or CSV."""
        from ..datasets import export_sec_tsv
        from ..store import open_store
        from ..store.export import export_tables

        kind = to.lower()
        if kind not in ("sec-tsv", "parquet", "csv"):
            raise typer.BadParameter(f"{to!r}: use sec-tsv, parquet or csv", param_hint="--to")
        try:
            with open_store(db, read_only=True) as store:
                if kind == "sec-tsv":
                    counts = export_sec_tsv(store, out, zip_name=zip_name)
                else:
                    counts = export_tables(store, out, kind)
        except Section16Error as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(1) from None
        for name, n in counts.items():
            typer.echo(f"{name}\t{n}")
