"""Filing -> GitHub-flavoured Markdown of the printed form.

The boxes as labelled paragraphs, each table as a pipe table with the form's numbered columns (the
column groups on the header row, their parts on the first body row, as EDGAR's page has them), footnote
marks as ``<sup>(n)</sup>``, the Explanation of Responses as ``(n) text`` paragraphs, remarks,
signatures, and a Reporting Owners table for joint filings.

Filing text is escaped for Markdown: characters that would start markup (``* _ [ ] < > | ` ~ $ & #``
and the backslash) get a backslash, so a footnote holding ``<script>`` or ``|`` shows as written and
never breaks a table or becomes HTML. Line breaks inside a cell become ``<br>``.
"""

from __future__ import annotations

import re

from ..model import Filing
from .present import (
    OMB_NUMBERS,
    TABLE2_SUBTITLE,
    TITLES,
    Cell,
    Column,
    address_lines,
    base_form,
    fmt_date,
    footnote_number,
    form5_boxes,
    period_label,
    table1_columns,
    table1_rows,
    table1_title,
    table2_columns,
    table2_rows,
    table2_title,
)

_SPECIAL_RE = re.compile(r"([\\`*_\[\]<>|~$&#])")


def md_escape(text: str, *, one_line: bool = False) -> str:
    """Backslash every character that could start Markdown or HTML; line breaks become ``<br>``.

    ``one_line`` joins the lines with a space instead: a name or a table value is one line on the form.
    """
    lines = [_SPECIAL_RE.sub(r"\\\1", ln.strip()) for ln in text.replace("\r", "").split("\n")]
    return (" " if one_line else "<br>").join(ln for ln in lines if ln)


def _marks(ids: tuple[str, ...]) -> str:
    return "".join(f"<sup>({md_escape(footnote_number(i))})</sup>" for i in ids)


def _cell(c: Cell) -> str:
    text = md_escape(c.text, one_line=True)
    marks = _marks(c.footnotes)
    return f"{text} {marks}".strip() if marks else text


def _box(checked: bool) -> str:
    return "[X]" if checked else "[ ]"


def _table(title: str, columns: list[Column], rows: list[list[Cell]]) -> list[str]:
    head: list[str] = []
    subs: list[str] = []
    for label, sub in columns:
        head.append(md_escape(label))
        head.extend([""] * (len(sub) - 1) if sub else [])
        subs.extend(sub if sub else [""])
    out = [f"**{md_escape(title)}**", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    if any(subs):
        out.append("| " + " | ".join(md_escape(s) for s in subs) + " |")
    out.extend("| " + " | ".join(_cell(c) for c in r) + " |" for r in rows)
    return [*out, ""]


def _owner_block(f: Filing) -> list[str]:
    out = ["**1. Name and Address of Reporting Person\\***", ""]
    if f.reporting_owners:
        streets, (city, region, zip_code) = address_lines(f, 0)
        # The captions under each line are the form's own, as on EDGAR's page.
        parts = [
            md_escape(f.reporting_owners[0].name or "", one_line=True),
            "(Last) (First) (Middle)",
            *(md_escape(s, one_line=True) for s in streets),
            "(Street)",
            # City, state and zip each on a line of their own: a city or a foreign region may hold spaces.
            *(md_escape(x, one_line=True) for x in (city, region, zip_code)),
            "(City) (State) (Zip)",
        ]
        out.append("<br>".join(p for p in parts if p))
        out.append("")
    return out


def _relationship(f: Filing, number: int) -> list[str]:
    r = f.reporting_owners[0].relationship if f.reporting_owners else None
    flags = (False,) * 4 if r is None else (r.is_director, r.is_ten_percent_owner, r.is_officer, r.is_other)
    labels = ("Director", "10% Owner", "Officer (give title below)", "Other (specify below)")
    out = [f"**{number}. Relationship of Reporting Person(s) to Issuer** (Check all applicable)", ""]
    out.append(" ".join(f"{_box(b)} {label}" for b, label in zip(flags, labels, strict=True)))
    titles = [] if r is None else [x for x in (r.officer_title, r.other_text) if x]
    if titles:
        out[-1] += "<br>" + "<br>".join(md_escape(t) for t in titles)
    return [*out, ""]


def _para(label: str, value: str, *, escaped: bool = False) -> list[str]:
    text = value if escaped else md_escape(value)
    return [f"**{md_escape(label)}**", "", *([text, ""] if text else [])]


def to_markdown(filing: Filing) -> str:
    """The form as a Markdown document."""
    f = filing
    form = base_form(f)
    lines: list[str] = [
        f"# FORM {md_escape(f.document_type)}: {TITLES[form]}",
        "",
        "UNITED STATES SECURITIES AND EXCHANGE COMMISSION, Washington, D.C. 20549. Filed pursuant to Section 16(a) "
        "of the Securities Exchange Act of 1934 or Section 30(h) of the Investment Company Act of 1940. "
        f"OMB Number: {OMB_NUMBERS[form]}.",
        "",
    ]
    if form != "3":
        lines += [
            f"{_box(bool(f.not_subject_to_section16))} Check this box if no longer subject to Section 16. "
            "Form 4 or Form 5 obligations may continue. See Instruction 1(b).",
            "",
        ]
    if form != "3" and f.aff10b5one is not None:  # the box came in 2023 (X0407); older filings had none
        lines += [
            f"{_box(f.aff10b5one)} Check this box to indicate that a transaction was made pursuant to a "
            "contract, instruction or written plan that is intended to satisfy the affirmative defense conditions "
            "of Rule 10b5-1(c). See Instruction 10.",
            "",
        ]
    if form == "5":
        lines += [
            f"{_box(form5_boxes(f)[0])} Form 3 Holdings Reported.<br>",
            f"{_box(form5_boxes(f)[1])} Form 4 Transactions Reported.",
            "",
        ]
    issuer = f"{md_escape(f.issuer.name or '')} [ {md_escape(f.issuer.trading_symbol or '')} ]".strip()
    amendment = fmt_date(f.date_of_original_submission)
    joint = len(f.reporting_owners) > 1
    one, more = _box(not joint), _box(joint)
    joint_line = f"{one} Form filed by One Reporting Person {more} Form filed by More than One Reporting Person"
    lines += _owner_block(f)
    if form == "3":
        lines += _para(f"2. {period_label(form)}", fmt_date(f.period_of_report))
        lines += _para("3. Issuer Name and Ticker or Trading Symbol", issuer, escaped=True)
        lines += _relationship(f, 4)
        lines += _para("5. If Amendment, Date of Original Filed (Month/Day/Year)", amendment)
    else:
        lines += _para("2. Issuer Name and Ticker or Trading Symbol", issuer, escaped=True)
        lines += _para(f"3. {period_label(form)}", fmt_date(f.period_of_report))
        lines += _para("4. If Amendment, Date of Original Filed (Month/Day/Year)", amendment)
        lines += _relationship(f, 5)
    if f.issuer.foreign_trading_symbol:
        lines += _para("Foreign Trading Symbol", f.issuer.foreign_trading_symbol)
    lines += ["**6. Individual or Joint/Group Filing** (Check Applicable Line)", "", joint_line, ""]
    lines += _table(table1_title(form), table1_columns(form), table1_rows(f, form))
    lines += _table(f"{table2_title(form)} {TABLE2_SUBTITLE}", table2_columns(form), table2_rows(f, form))
    lines += ["**Explanation of Responses:**", ""]
    if f.no_securities_owned and form == "3":
        lines += ["**No securities are beneficially owned**", ""]
    for fn in f.footnotes:
        lines += [f"({md_escape(footnote_number(fn.id))}) {md_escape(fn.text)}", ""]
    lines += ["**Remarks:**", ""]
    if f.remarks:
        lines += [md_escape(f.remarks), ""]
    if joint:
        lines += _owners_table(f)
    # Signatures come above their caption, as on the form: "name date", then "** Signature ... Date".
    for sig in f.signatures:
        lines += [f"{md_escape(sig.name or '', one_line=True)} {fmt_date(sig.date)}".strip(), ""]
    lines += ["\\*\\* Signature of Reporting Person Date", ""]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


def _owners_table(f: Filing) -> list[str]:
    out = [
        "**Reporting Owners**",
        "",
        "| Reporting Owner Name / Address | Director | 10% Owner | Officer | Other |",
        "|---|---|---|---|---|",
    ]
    for i, o in enumerate(f.reporting_owners):
        streets, (city, region, zip_code) = address_lines(f, i)
        who = "<br>".join(md_escape(x, one_line=True) for x in (o.name or "", *streets, city, region, zip_code) if x)
        r = o.relationship
        officer = " ".join(x for x in ("X" if r.is_officer else "", md_escape(r.officer_title or "")) if x)
        other = " ".join(x for x in ("X" if r.is_other else "", md_escape(r.other_text or "")) if x)
        cells = [who, "X" if r.is_director else "", "X" if r.is_ten_percent_owner else "", officer, other]
        out.append("| " + " | ".join(cells) + " |")
    return [*out, ""]


__all__ = ["md_escape", "to_markdown"]
