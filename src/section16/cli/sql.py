"""``section16 sql "SELECT ..."``: run SQL on the store; a table, JSON lines or CSV."""

from __future__ import annotations

import sys

import typer

from ..errors import Section16Error
from .load import DB_HELP
from .store_output import print_table, write_csv, write_json


def register(app: typer.Typer) -> None:
    @app.command("sql")
    def sql_cmd(
        query: str = typer.Argument(..., help="SQL to run ('-' reads it from stdin); ? marks a parameter."),
        params: list[str] = typer.Option([], "--param", "-p", help="A value for the next ? (repeatable)."),
        db: str = typer.Option(None, "--db", help=DB_HELP),
        as_json: bool = typer.Option(False, "--json", help="JSON lines, one object per row."),
        as_csv: bool = typer.Option(False, "--csv", help="CSV with a header line."),
        limit: int = typer.Option(200, "--max-rows", help="Rows shown in the table view (0: all)."),
    ) -> None:
        """Run SQL against the store (tables: filings, reporting_owners, nonderiv_transactions, ...)."""
        from ..store import open_store

        text = sys.stdin.read() if query == "-" else query
        try:
            with open_store(db, read_only=True) as store:
                table = store.query(text, params)
        except Section16Error as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(1) from None
        if as_json:
            write_json(table)
        elif as_csv:
            write_csv(table)
        else:
            print_table(table, max_rows=limit)
