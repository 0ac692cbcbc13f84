"""``section16 check PATH...``: what EDGAR would refuse, and what is likely wrong, in Form 3/4/5 filings."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import typer

from ..check import RULES, Finding, check_xml

_SUFFIXES = frozenset((".xml", ".txt", ".nc"))
_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def iter_paths(paths: list[str]) -> Iterator[Path]:
    """Files as given, folders walked recursively for .xml, .txt and .nc files (sorted)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in _SUFFIXES)
        else:
            yield path


def check_path(path: Path, *, xsd: bool, filing_date: date | None) -> list[Finding]:
    try:
        data = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
    except OSError as e:
        return [Finding("S16-E002", "error", "ownershipDocument", f"cannot read file: {e.strerror or e}")]
    return check_xml(data, source=str(path), xsd=xsd, filing_date=filing_date)


def summary_markdown(results: list[tuple[str, list[Finding]]]) -> str:
    """How many files draw each finding, as a Markdown table (the body of docs/findings-report.md)."""
    files: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for _, findings in results:
        for f in findings:
            total[f.code] += 1
        for code in {f.code for f in findings}:
            files[code] += 1
    clean = sum(1 for _, fs in results if not any(f.severity == "error" for f in fs))
    lines = [
        f"{len(results)} files checked; {clean} draw no error.",
        "",
        "| code | severity | files | findings | rule |",
        "|---|---|---:|---:|---|",
    ]
    for code in sorted(total):
        rule = RULES.get(code)
        sev = rule.severity if rule else "?"
        title = rule.title if rule else ""
        lines.append(f"| {code} | {sev} | {files[code]} | {total[code]} | {title} |")
    return "\n".join(lines) + "\n"


def _print_table(results: list[tuple[str, list[Finding]]]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    for name, findings in results:
        counts = Counter(f.severity for f in findings)
        head = ", ".join(
            f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}" for s in ("error", "warning", "info")
        )
        console.print(f"[bold]{name}[/bold]: {head if findings else 'no findings'}")
        if not findings:
            continue
        table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
        for col in ("code", "severity", "where", "message"):
            table.add_column(col, overflow="fold")
        for f in findings:
            table.add_row(f.code, f"[{_STYLE[f.severity]}]{f.severity}[/]", f.where, f.message)
        console.print(table)


def register(app: typer.Typer) -> None:
    @app.command("check")
    def check_cmd(
        paths: list[str] = typer.Argument(
            ..., help="Files or folders (.xml, .txt, .nc; read recursively); '-' is stdin."
        ),
        format: str = typer.Option("table", "--format", "-f", help="table or json."),
        no_xsd: bool = typer.Option(False, "--no-xsd", help="Skip the XSD; business rules only."),
        filing_date: str | None = typer.Option(
            None, "--filing-date", help="Filing date (YYYY-MM-DD) for the deadline rules, if the file has none."
        ),
        summary: bool = typer.Option(False, "--summary", help="Print how many files draw each finding (Markdown)."),
    ) -> None:
        """Check Form 3/4/5 filings against the XSD and EDGAR's rules. Exit code 1 when any error is found."""
        if format not in ("table", "json"):
            raise typer.BadParameter("--format must be table or json")
        filed: date | None = None
        if filing_date:
            try:
                filed = date.fromisoformat(filing_date)
            except ValueError:
                raise typer.BadParameter(f"--filing-date '{filing_date}' is not YYYY-MM-DD") from None
        results = [(str(p), check_path(p, xsd=not no_xsd, filing_date=filed)) for p in iter_paths(paths)]
        if summary:
            typer.echo(summary_markdown(results), nl=False)
        elif format == "json":
            doc = [{"path": name, "findings": [f.to_dict() for f in fs]} for name, fs in results]
            typer.echo(json.dumps(doc, indent=2))
        else:
            _print_table(results)
        if any(f.severity == "error" for _, fs in results for f in fs):
            raise typer.Exit(1)
