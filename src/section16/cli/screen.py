"""``section16 screen NAME [--filter value ...]``: a screen from section16.explore, on the terminal."""

from __future__ import annotations

import typing
from typing import Any

import typer
from pydantic import ValidationError

from ..errors import Section16Error
from .load import DB_HELP
from .store_output import print_table, write_csv, write_json

# The readable table's columns per kind of screen; --json and --csv give every column.
_SHOWN = {
    "trades": ("accepted_at", "trade_date", "ticker", "insider", "roles", "code", "shares", "price", "value",
               "owned_after", "change_pct", "late", "plan"),
    "filings": ("accepted_at", "document_type", "ticker", "company", "insider", "roles", "codes", "buy_value",
                "sell_value"),
    "clusters": ("last_filed", "ticker", "company", "first_trade", "last_trade", "insiders", "total_value", "names"),
}  # fmt: skip


def _filter_help() -> str:
    from ..explore.screens import SCREENS

    lines = []
    for s in SCREENS.values():
        names = [n.replace("_", "-") for n in s.filters.model_fields]
        lines.append(f"{s.name}: {s.description} Filters: --{', --'.join(names)}.")
    return "\n\n".join(lines)


def parse_options(args: list[str], model: Any) -> dict[str, Any]:
    """``--min-value 1e6 --role ceo --role cfo --late`` -> a dict for the screen's filter model."""
    out: dict[str, Any] = {}
    i = 0
    while i < len(args):
        arg = args[i]
        if not arg.startswith("--"):
            raise typer.BadParameter(f"unexpected argument {arg!r}: filters are --name value")
        key, eq, value = arg[2:].partition("=")
        key = key.replace("-", "_")
        field = model.model_fields.get(key)
        if field is None:
            raise typer.BadParameter(f"unknown filter --{key.replace('_', '-')}; filters: "
                                     + ", ".join("--" + n.replace("_", "-") for n in model.model_fields))  # fmt: skip
        if not eq:
            nxt = args[i + 1] if i + 1 < len(args) else None
            if nxt is None or nxt.startswith("--"):
                value = "true"  # a bare flag: --late
            else:
                value, i = nxt, i + 1
        if typing.get_origin(field.annotation) is list:
            out.setdefault(key, []).append(value)
        else:
            out[key] = value
        i += 1
    return out


def register(app: typer.Typer) -> None:
    @app.command(
        "screen",
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
        epilog=_filter_help(),
    )
    def screen_cmd(
        ctx: typer.Context,
        name: str = typer.Argument(
            ...,
            help="The screen: latest-filings, purchases, sales, top-purchases, top-sales,"
            " officer-purchases, cluster-buys, trades.",
        ),
        db: str = typer.Option(None, "--db", help=DB_HELP),
        as_json: bool = typer.Option(False, "--json", help="JSON lines, every column."),
        as_csv: bool = typer.Option(False, "--csv", help="CSV, every column."),
    ) -> None:
        """Run a screen over the store. Filters follow as --name value (e.g. --min-value 1000000 --role ceo)."""
        from ..explore.screens import SCREENS
        from ..store import open_store

        screen = SCREENS.get(name)
        if screen is None:
            typer.echo(f"error: no screen named {name!r}; screens: {', '.join(SCREENS)}", err=True)
            raise typer.Exit(2)
        try:
            filters = screen.filters.model_validate(parse_options(list(ctx.args), screen.filters))
        except typer.BadParameter as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(2) from None
        except ValidationError as e:
            from ..web.app import validation_messages

            for line in validation_messages(e.errors()):
                key, sep, rest = line.partition(": ")
                shown = f"--{key.replace('_', '-')}: {rest}" if sep and " " not in key else line
                typer.echo(f"error: {shown}", err=True)
            raise typer.Exit(2) from None
        try:
            try:
                store = open_store(db)
            except Section16Error:
                # Another process (a running `section16 serve`) holds the write lock: read what is built.
                store = open_store(db, read_only=True)
            with store:
                table = screen.run(store, filters)
        except Section16Error as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(1) from None
        if as_json:
            write_json(table)
        elif as_csv:
            write_csv(table)
        else:
            columns = [c for c in _SHOWN[screen.kind] if c in table.column_names]
            print_table(table.select(columns), max_rows=0, title=screen.title)
