"""Regenerate docs/findings-report.md: how many real filings draw each finding.

    python bench/findings_report.py            # writes docs/findings-report.md from ../shared/corpus
    python bench/findings_report.py --stdout   # print instead

Files named by an accession number are EDGAR's own copies (accepted filings); the others come from the
test folders of other projects and may have been altered, so they are counted apart.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from section16.check import RULES, Finding, check_xml
from section16.check.schema import schema_label
from section16.cli.check import summary_markdown
from section16.model import accession_from_name
from section16.read import parse_bytes

ROOT = Path(__file__).resolve().parents[1]
CORPUS = (ROOT / ".." / "shared" / "corpus").resolve()


def _run(files: list[Path]) -> list[tuple[str, list[Finding]]]:
    return [(p.name, check_xml(p.read_bytes(), source=str(p))) for p in files]


def _eras(files: list[Path]) -> Counter[str]:
    eras: Counter[str] = Counter()
    for p in files:
        try:
            f = parse_bytes(p.read_bytes(), str(p))
        except Exception:
            continue
        if f.document_type in ("3", "3/A", "4", "4/A", "5", "5/A"):
            eras[
                f"Form {f.document_type} {f.schema_version or '-'}: {schema_label(f.document_type, f.schema_version)}"
            ] += 1
    return eras


def _verdict(accepted: list[tuple[str, list[Finding]]]) -> str:
    failing = [name for name, fs in accepted if any(f.severity == "error" for f in fs)]
    if not failing:
        return (
            f"**None of the {len(accepted)} accepted filings draws an error.** Errors fall only on files from\n"
            "other projects' test folders that were altered after EDGAR disseminated them (listed below)."
        )
    return f"**{len(failing)} of {len(accepted)} accepted filings draw an error**: {', '.join(failing[:20])}."


def build() -> str:
    xml = sorted((CORPUS / "xml").glob("*.xml"))
    txt = sorted((CORPUS / "txt").glob("*.txt"))
    accepted_xml = [p for p in xml if accession_from_name(p.name)]
    others = [p for p in xml if not accession_from_name(p.name)]
    r_xml, r_txt, r_oth = _run(accepted_xml), _run(txt), _run(others)
    out = [
        "# Findings over the real corpus",
        "",
        "What `section16 check` finds in the 1,334 real filings of `../shared/corpus` (the XSD of each",
        "filing's own form and era, then every business rule; see [checks.md](checks.md)). Regenerate with",
        "`python bench/findings_report.py` (or `section16 check --summary FOLDER` for one folder).",
        "",
        _verdict(r_xml + r_txt),
        "",
        "## Accepted filings, XML (`corpus/xml`, named by accession number)",
        "",
        summary_markdown(r_xml),
        "## Accepted filings, full submissions (`corpus/txt`)",
        "",
        "These carry the filing date in their header, so the deadline rules (S16-W060, S16-I060) run on them.",
        "The same filings stand in `xml/` without a header, where no deadline can be tested.",
        "",
        summary_markdown(r_txt),
        "## Files without an accession number (`corpus/xml`, from other projects' test folders)",
        "",
        summary_markdown(r_oth),
    ]
    bad = [(name, fs) for name, fs in r_oth if any(f.severity == "error" for f in fs)]
    if bad:
        out += ["Errors found in them:", ""]
        for name, fs in bad:
            first = next(f for f in fs if f.severity == "error")
            out.append(f"* `{name}`: {first.code} {first.where}: {first.message}")
        out.append("")
    out += ["## Schema each filing was held to", "", "| form, schemaVersion: schema | files |", "|---|---:|"]
    for k, n in sorted(_eras(xml).items()):
        out.append(f"| {k} | {n} |")
    out += [
        "",
        "## How the rules were calibrated",
        "",
        "A rule that fired on filings EDGAR accepted was wrong, or too strict for an error:",
        "",
        "* XSD: v5.5 lists only US states in `rptOwnerState` (X0609 moved countries to `rptOwnerCountry`);",
        "  9 accepted filings of X0206-X0508 use country codes there. Filings before X0609 get the old list.",
        "* XSD: 77 X0306-era Form 5s have no `aff10b5One` (it came with X0407): optional before X0407.",
        "* S16-E040 counted transactions only; 15 accepted Forms 4/5 report holdings alone. Tech spec",
        "  §4.3 says EDGAR suspends a 4 or 5 with no transactions *or holdings*: the rule now counts both.",
        "* S16-E038: 18 accepted Form 5s give holdings an empty `transactionFormType`; the Form 5 schema",
        "  allows `[3]{0,1}`, so empty is accepted.",
        "* S16-E033: a Form 3 derivative holding has no amount-owned column (55 accepted filings); the",
        "  shares-or-value pair is not asked of it.",
        "* S16-W050 (roll-forward) fired on 48 XML filings when Table II rows were keyed by title and price",
        "  alone: separate grants of one award (RSUs, options) each state their own balance. Keying on the",
        '  dates and on the footnotes of title and nature ("See footnote" natures) leaves the cases above.',
        "* S16-W013: an amendment filed the same day as its original is possible; only a later original warns.",
        "",
    ]
    silent = sorted(set(RULES) - {f.code for _, fs in r_xml + r_txt + r_oth for f in fs})
    out += ["", "## Rules no real filing triggers", "", ", ".join(silent), ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Regenerate docs/findings-report.md")
    ap.add_argument("--stdout", action="store_true")
    args = ap.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 1
    text = build()
    if args.stdout:
        print(text)
    else:
        (ROOT / "docs" / "findings-report.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
