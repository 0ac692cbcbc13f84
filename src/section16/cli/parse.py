"""``section16 parse PATH...``: read filings and write them as JSON, JSON lines, a table or SEC TSV."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..errors import ParseError
from ..read import parse


def register(app: typer.Typer) -> None:
    @app.command("parse")
    def parse_cmd(
        paths: list[str] = typer.Argument(..., help="Files or folders (read recursively); '-' reads stdin."),
    ) -> None:
        """Read Form 3/4/5 documents (XML, submissions, rendered pages) into the section16 model."""
        failed = 0
        for p in paths:
            try:
                f = parse(p)
                typer.echo(f"{p}: {f.document_type} {f.issuer.trading_symbol}")
            except ParseError as e:
                failed += 1
                print(str(e), file=sys.stderr)
        if failed:
            raise typer.Exit(1)

    _ = Path
