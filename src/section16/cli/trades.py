"""``section16 trades``: effective insider transactions from the store, newest first."""

from __future__ import annotations

import typer

from ..errors import Section16Error
from .load import DB_HELP
from .store_output import print_table, write_csv, write_json

# The columns of the readable table, with short headings; --json and --csv give every column.
_SHOWN = {
    "transaction_date": "date", "ticker": "ticker", "owner": "owner", "relationship": "role", "code": "code",
    "acquired_disposed": "A/D", "shares": "shares", "price": "price", "value": "value",
    "shares_owned_after": "owned after", "direct_indirect": "D/I", "security_title": "security",
    "accession": "accession",
}  # fmt: skip
# On a narrow terminal these go first, keeping who traded what, when and for how much.
_DROP = ("accession", "security_title", "direct_indirect", "shares_owned_after", "relationship", "value", "ticker")


def register(app: typer.Typer) -> None:
    @app.command("trades")
    def trades_cmd(
        ticker: str = typer.Option(None, "--ticker", "-t", help="Issuer ticker as filed (any case)."),
        owner: str = typer.Option(None, "--owner", help="Reporting owner CIK (leading zeros optional)."),
        issuer: str = typer.Option(None, "--issuer", help="Issuer CIK."),
        since: str = typer.Option(None, "--since", help="First transaction date (YYYY-MM-DD)."),
        until: str = typer.Option(None, "--until", help="Last transaction date (YYYY-MM-DD)."),
        code: list[str] = typer.Option([], "--code", "-c", help="Transaction code(s): P, S, A, M, F, G ..."),
        derivative: bool = typer.Option(None, "--derivative/--non-derivative", help="Table II or Table I only."),
        limit: int = typer.Option(100, "--limit", "-n", help="Rows (0: all)."),
        db: str = typer.Option(None, "--db", help=DB_HELP),
        as_json: bool = typer.Option(False, "--json", help="JSON lines, every column."),
        as_csv: bool = typer.Option(False, "--csv", help="CSV, every column."),
    ) -> None:
        """Insider transactions (amendments applied), newest first: who bought or sold what, when."""
        from ..store import open_store

        codes = [c for part in code for c in part.split(",") if c.strip()]
        try:
            with open_store(db, read_only=True) as store:
                table = store.trades(
                    ticker=ticker, owner=owner, issuer=issuer, since=since, until=until, codes=codes or None,
                    derivative=derivative, limit=limit or None,
                )  # fmt: skip
        except ValueError as e:  # a date that is not YYYY-MM-DD
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(2) from None
        except Section16Error as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(1) from None
        if as_json:
            write_json(table)
        elif as_csv:
            write_csv(table)
        else:
            title = "Insider transactions" + (f" · {ticker.upper()}" if ticker else "")
            print_table(table.select(list(_SHOWN)), max_rows=0, title=title, headers=_SHOWN, drop_order=_DROP)
