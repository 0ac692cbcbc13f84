"""``section16 parse PATH...``: read filings and write them as JSON, JSON lines, a table or SEC TSV.

Files and folders (read recursively) or ``-`` for standard input. A file that cannot be read gets one
line on standard error naming it and the place; the good ones are still written; a summary line ends
the run and the exit code is 1 when any file failed.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

import typer
from rich.console import Console
from rich.table import Table

from ..errors import ParseError, Section16Error
from ..model import EMPTY, Filing
from ..read import parse

#: In folders, the files taken: every format section16 reads (explicitly named files are always read).
FOLDER_SUFFIXES = frozenset((".xml", ".txt", ".nc", ".htm", ".html", ".md", ".markdown", ".pdf"))
#: Show a progress bar from this many files on (and only when standard error is a terminal).
PROGRESS_FROM = 20


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"
    sec_tsv = "sec-tsv"


def collect_paths(paths: list[str]) -> list[str]:
    """Expand folders (recursively, sorted, known suffixes only); keep files and ``-`` as given."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if p != "-" and path.is_dir():
            out.extend(
                str(f)
                for f in sorted(path.rglob("*"))
                if f.suffix.lower() in FOLDER_SUFFIXES and f.is_file() and not f.name.startswith(".")
            )
        else:
            out.append(p)
    return out


def _sample_paths() -> list[str]:
    from .. import samples

    return [str(p) for p in samples.paths()]


def _read_all(paths: list[str], err: Console) -> tuple[Iterator[Filing], list[int]]:
    """Parse each path lazily; failures are reported on ``err`` and counted in the returned list."""
    failed = [0]

    def gen() -> Iterator[Filing]:
        with ExitStack() as stack:
            advance = None
            if len(paths) >= PROGRESS_FROM and err.is_terminal:
                from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

                progress = stack.enter_context(
                    Progress(
                        TextColumn("reading"),
                        BarColumn(),
                        MofNCompleteColumn(),
                        TimeRemainingColumn(),
                        console=err,
                        transient=True,
                    )
                )
                task = progress.add_task("parse", total=len(paths))

                def advance() -> None:
                    progress.advance(task)

            for p in paths:
                try:
                    filing = parse(p)
                except ParseError as e:
                    failed[0] += 1
                    err.print(str(e), markup=False, highlight=False, soft_wrap=True)
                    filing = None
                except Exception as e:  # a bug: report it like a bad file rather than stop the run
                    failed[0] += 1
                    err.print(f"{p}: internal error {type(e).__name__}: {e}", markup=False, soft_wrap=True)
                    filing = None
                if advance is not None:
                    advance()
                if filing is not None:
                    yield filing

    return gen(), failed


def _out_name(filing: Filing, used: set[str]) -> str:
    src = filing.source.path
    stem = Path(src).stem if src and not src.startswith("<") else (filing.accession_number or "stdin")
    name, n = stem, 1
    while name in used:
        n += 1
        name = f"{stem}-{n}"
    used.add(name)
    return name


def _write_json(filings: Iterator[Filing], out: Path | None, lines: bool, stdout: IO[str]) -> int:
    from ..write.json import filing_to_dict

    count = 0
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    if lines:
        with ExitStack() as stack:
            fh = stack.enter_context(open(out / "filings.jsonl", "w", encoding="utf-8")) if out else stdout
            for f in filings:
                fh.write(json.dumps(filing_to_dict(f), ensure_ascii=False) + "\n")
                count += 1
        return count
    if out is not None:
        used: set[str] = set()
        for f in filings:
            text = json.dumps(filing_to_dict(f), indent=2, ensure_ascii=False) + "\n"
            (out / f"{_out_name(f, used)}.json").write_text(text, encoding="utf-8")
            count += 1
        return count
    # To stdout: one filing is an object, several are an array (written as they come).
    first: dict[str, Any] | None = None
    for f in filings:
        d = filing_to_dict(f)
        if count == 0:
            first = d
        else:
            if count == 1:
                stdout.write("[\n" + json.dumps(first, indent=2, ensure_ascii=False))
            stdout.write(",\n" + json.dumps(d, indent=2, ensure_ascii=False))
        count += 1
    if count == 1:
        stdout.write(json.dumps(first, indent=2, ensure_ascii=False) + "\n")
    elif count > 1:
        stdout.write("\n]\n")
    return count


def _write_sec_tsv(filings: Iterator[Filing], out: Path) -> int:
    from ..write.sec_tsv import SecTsvWriter

    count = 0
    with SecTsvWriter(out) as w:
        for f in filings:
            w.write(f)
            count += 1
    return count


def _fmt(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, Decimal):
        return f"{v:,}"
    return str(v)


def _owner_label(f: Filing) -> str:
    names = [o.name or o.cik or "?" for o in f.reporting_owners]
    if not names:
        return ""
    return names[0] + (f" (+{len(names) - 1})" if len(names) > 1 else "")


def filings_table(filings: list[Filing]) -> Table:
    """One row per table row of each filing (a filing without rows gets one line of its own)."""
    t = Table(show_lines=False, header_style="bold", pad_edge=False)
    for name, justify in (
        ("Accession", "left"), ("Form", "left"), ("Ticker", "left"), ("Owner", "left"), ("Tbl", "left"),
        ("Security", "left"), ("Date", "left"), ("Code", "left"), ("Shares", "right"), ("Price", "right"),
        ("A/D", "center"), ("Owned after", "right"), ("D/I", "center"),
    ):  # fmt: skip
        t.add_column(name, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for f in filings:
        head = (f.accession_number or Path(f.source.path or "").stem, f.document_type, f.issuer.trading_symbol or "")
        owner = _owner_label(f)
        rows: list[tuple[str, Any]] = [
            *(("I", r) for r in f.non_derivative_transactions),
            *(("I hold", r) for r in f.non_derivative_holdings),
            *(("II", r) for r in f.derivative_transactions),
            *(("II hold", r) for r in f.derivative_holdings),
        ]
        if not rows:
            t.add_row(*head, owner, "", "(no rows)", "", "", "", "", "", "", "")
        for label, r in rows:
            t.add_row(
                *head,
                owner,
                label,
                _fmt(r.security_title.value),
                _fmt(getattr(r, "transaction_date", EMPTY).value),
                _fmt(r.coding.code if r.coding else None),
                _fmt(getattr(r, "shares", EMPTY).value),
                _fmt(getattr(r, "price_per_share", EMPTY).value),
                _fmt(getattr(r, "acquired_disposed", EMPTY).value),
                _fmt(r.shares_owned_after.value if r.shares_owned_after.present else r.value_owned_after.value),
                _fmt(r.direct_indirect.value),
            )
    return t


def _write_table(filings: Iterator[Filing], console: Console) -> int:
    collected = list(filings)
    if collected:
        console.print(filings_table(collected))
    return len(collected)


def register(app: typer.Typer) -> None:
    @app.command("parse")
    def parse_cmd(
        paths: list[str] = typer.Argument(None, help="Files or folders (read recursively); '-' reads stdin."),
        to: OutputFormat = typer.Option(OutputFormat.json, "--to", help="Output format."),
        out: Path | None = typer.Option(
            None, "--out", help="Output folder (required for sec-tsv; json: one file per filing)."
        ),
        samples: bool = typer.Option(False, "--samples", help="Also read the sample filings bundled in the package."),
    ) -> None:
        """Read Form 3/4/5 documents (XML, submissions, rendered pages) and write them out."""
        err = Console(stderr=True, highlight=False, soft_wrap=True)
        args = collect_paths(list(paths or []))
        if samples:
            args.extend(_sample_paths())
        if not args:
            err.print("nothing to read: give files, folders, '-' for stdin, or --samples", markup=False)
            raise typer.Exit(2)
        if to is OutputFormat.sec_tsv and out is None:
            err.print("--to sec-tsv needs --out DIR (the folder for the eight .tsv files)", markup=False)
            raise typer.Exit(2)
        if to is OutputFormat.table and out is not None:
            err.print("--to table prints to the terminal; drop --out or choose json, jsonl or sec-tsv", markup=False)
            raise typer.Exit(2)

        filings, failed = _read_all(args, err)
        try:
            if to is OutputFormat.sec_tsv:
                assert out is not None
                written = _write_sec_tsv(filings, out)
            elif to is OutputFormat.table:
                width = None if sys.stdout.isatty() else 200
                written = _write_table(filings, Console(width=width, highlight=False))
            else:
                written = _write_json(filings, out, to is OutputFormat.jsonl, sys.stdout)
        except (OSError, Section16Error) as e:
            err.print(f"cannot write output: {e}", markup=False)
            raise typer.Exit(1) from None
        where = f" to {out}" if out is not None else ""
        err.print(f"{written} read and written{where}, {failed[0]} failed", markup=False, highlight=False)
        if failed[0]:
            raise typer.Exit(1)
