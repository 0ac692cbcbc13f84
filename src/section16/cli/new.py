"""``section16 new FILE.yaml``: build a filing from a filer's YAML, check it, write EDGAR XML."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..errors import Section16Error
from ..model import Filing


def findings_for(filing: Filing, xml: bytes) -> list[tuple[str, str]]:
    """(severity, line) for each finding: the checker's, and the v5.5 XSD's on the XML to be written.

    The XSD runs here as well, so no XML that EDGAR's schema refuses is written without ``--force``.
    """
    from ..write.xml import schema_errors

    out: list[tuple[str, str]] = []
    try:
        from ..check import check
    except ImportError:  # the checker is optional for this verb
        pass
    else:
        out = [(f.severity, str(f)) for f in check(filing, xml=xml)]
    if not any(line.startswith("S16-E001") for _, line in out):
        out += [("error", f"S16-E001 error xml line {e}") for e in schema_errors(xml)]
    return out


def register(app: typer.Typer) -> None:
    @app.command("new")
    def new_cmd(
        path: Path = typer.Argument(..., help="The filer's YAML (or JSON) file; see docs/filer-input.md."),
        output: Path | None = typer.Option(None, "--output", "-o", help="Write the XML here (default: stdout)."),
        force: bool = typer.Option(False, "--force", help="Write the XML even when the check finds errors."),
    ) -> None:
        """Build a Form 3/4/5 from YAML, check it as EDGAR would, and write the XML to file with EDGAR."""
        from ..filer import load_filing
        from ..write.xml import to_xml

        try:
            filing = load_filing(path)
            xml = to_xml(filing)
        except Section16Error as e:
            print(str(e), file=sys.stderr)
            raise typer.Exit(1) from None
        findings = findings_for(filing, xml)
        for _, line in findings:
            print(line, file=sys.stderr)
        for i, owner in enumerate(filing.reporting_owners, 1):
            if not owner.ccc:  # optional in the schema, required when EDGAR takes the submission
                print(f"{path}: note: owner {i} has no ccc; EDGAR needs it when you submit", file=sys.stderr)
        errors = sum(1 for severity, _ in findings if severity == "error")
        if errors and not force:
            print(f"{path}: {errors} error(s); no XML written (use --force to write it anyway)", file=sys.stderr)
            raise typer.Exit(1)
        if output is None:
            sys.stdout.write(xml.decode("ascii"))
        else:
            output.write_bytes(xml)
            print(f"{path}: wrote {output} ({len(findings)} finding(s), {errors} error(s))", file=sys.stderr)
        if errors:
            raise typer.Exit(1)
