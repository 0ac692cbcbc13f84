"""``section16 render PATH --to xml|html|md|json``: write a filing in another form."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..errors import Section16Error
from ..model import Filing


def read_any(path: str) -> Filing:
    """A filing from any file section16 reads, or from a filer's YAML/JSON input."""
    if path.lower().endswith((".yaml", ".yml")):
        from ..filer import load_filing

        return load_filing(path)
    from ..read import parse

    return parse(path)


def register(app: typer.Typer) -> None:
    @app.command("render")
    def render_cmd(
        path: str = typer.Argument(..., help="A filing (XML, submission, rendered page) or filer YAML; '-' is stdin."),
        to: str = typer.Option("html", "--to", "-t", help="xml, html, md or json."),
        schema_version: str = typer.Option(
            "current",
            "--schema-version",
            help="XML only: 'current' (what a filer sends today, X0609) or 'own' (the filing's own version).",
        ),
        output: Path | None = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
    ) -> None:
        """Write a filing as EDGAR XML, an SEC-style HTML page, Markdown or JSON."""
        from ..write.render import render

        if schema_version not in ("current", "own"):
            print(f"--schema-version must be 'current' or 'own', not {schema_version!r}", file=sys.stderr)
            raise typer.Exit(2)
        try:
            text = render(read_any(path), to, schema_version=schema_version)  # type: ignore[arg-type]
        except Section16Error as e:
            print(str(e), file=sys.stderr)
            raise typer.Exit(1) from None
        if output is None:
            sys.stdout.write(text)
        else:
            output.write_text(text, encoding="utf-8")
