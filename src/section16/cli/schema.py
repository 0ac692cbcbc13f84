"""``section16 schema``: print the JSON Schema that ``section16 parse --to json`` output follows."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    @app.command("schema")
    def schema_cmd() -> None:
        """Print the JSON Schema (draft 2020-12) of the JSON that section16 writes for a filing."""
        from ..write.json import shipped_schema_text

        typer.echo(shipped_schema_text(), nl=False)
