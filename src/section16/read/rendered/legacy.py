"""Pre-2003 Form 4s: the form typed as fixed-width text inside an EDGAR submission (no XML).

The boxes are read with the shared box reader; the tables are SGML ``<TABLE>`` text with ``|`` between
columns and rows that wrap over several lines (a word may break at the column edge). The envelope
(SGML header) gives what the typed form does not: CIKs, the period of report, the form type. Typed
forms vary: a cell that does not read as its column's type is left empty and reported in ``notes``.
"""

from __future__ import annotations

import re
from datetime import date

from ...errors import ParseError
from ...model import (
    Address,
    DerivativeHolding,
    DerivativeTransaction,
    Filing,
    Footnote,
    Issuer,
    NonDerivativeHolding,
    NonDerivativeTransaction,
    Note,
    Relationship,
    ReportingOwner,
    Signature,
    Source,
    Submission,
)
from . import tables
from .boxes import checkbox, read_relationship, segments, split_city_line
from .values import BadValue, parse_date

T1 = ("title", "date", "code", "v", "amount", "ad", "price", "after", "di", "nature")
T2 = (
    "title",
    "conv",
    "date",
    "code",
    "v",
    "amount",
    "ad",
    "exer",
    "exp",
    "utitle",
    "ushares",
    "price",
    "after",
    "di",
    "nature",
)
_MONTHS = {
    m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)
}
_LEGACY_MISSING = (
    "schema_version",
    "rows[*].timeliness",
    "rows[*].coding.form_type",
    "rows[*].deemed_execution_date",
    "aff10b5one",
    "reporting_owners[*].address.state_description",
)
_TEXT_RE = re.compile(rb"<TEXT>(.*?)</TEXT>", re.DOTALL | re.IGNORECASE)
_SEP_RE = re.compile(r"^[\s\-_|]*$")


def _long_date(text: str) -> date | None:
    m = re.search(r"([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})\s*,\s*(\d{4})", text)
    if m and m.group(1).lower() in _MONTHS:
        try:
            return date(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))
        except ValueError:
            return None
    try:
        return parse_date(text.strip())
    except BadValue:
        return None


def _table_rows(block: list[str]) -> list[list[str]]:
    """Rows of cells from the lines after ``<S>``: rows end at a rule line; wrapped cells are joined."""
    rows: list[list[str]] = []
    cur: list[list[str]] = []
    widths: list[int] = []
    for line in block:
        if _SEP_RE.match(line) or line.lstrip().startswith("<"):
            if cur and any(p.strip() for parts in cur for p in parts):
                rows.append(_join(cur, widths))
            cur = []
            continue
        parts = line.rstrip().rstrip("|").split("|")
        widths = [len(p) for p in parts]
        cur.append(parts)
    if cur and any(p.strip() for parts in cur for p in parts):
        rows.append(_join(cur, widths))
    return rows


def _join(lines: list[list[str]], widths: list[int]) -> list[str]:
    n = max(len(p) for p in lines)
    cells = [""] * n
    full = [False] * n
    for parts in lines:
        for j, p in enumerate(parts):
            piece = p.strip()
            if not piece:
                continue
            # A piece that filled its column to the edge was cut there: the next line continues the word.
            glue = "" if full[j] else " "
            cells[j] = f"{cells[j]}{glue}{piece}" if cells[j] else piece
            full[j] = not p.endswith(" ")
    return cells


def _row(cells: list[str], cols: tuple[str, ...], where: str, notes: list[Note]) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, c in zip(cols, cells, strict=False):
        c = "" if c.strip() in ("-", "--", "N/A", "n/a") else c.strip()
        if not tables.check_cell(k, c):
            notes.append(Note(f"{where}.{k}", "typed value does not read as this column; left empty", c))
            c = ""
        out[k] = c
    out.setdefault("deemed", "")
    if "conv" in out:  # Table II: one amount column with an A/D column beside it
        side = out.get("ad", "")
        out["a"], out["d"] = (out["amount"], "") if side == "A" else ("", out["amount"]) if side == "D" else ("", "")
        if out["amount"] and side not in ("A", "D"):
            notes.append(Note(f"{where}.shares", "amount without a clear (A) or (D); left empty", out["amount"]))
    return out


def parse_legacy(data: bytes, source: str | None, sub: Submission) -> Filing:
    src = source or "<bytes>"
    m = _TEXT_RE.search(data)
    if m is None:
        raise ParseError("submission holds neither ownership XML nor a text form", source=src)
    text = m.group(1).decode("latin-1").replace("\r", "")
    lines = text.split("\n")
    notes: list[Note] = []
    head_end = next((i for i, ln in enumerate(lines) if ln.strip().upper().startswith("<TABLE")), len(lines))
    head = "\n".join(ln.strip() for ln in lines[:head_end] if ln.strip())
    seg = segments(head)
    owner = _owner(seg.get("name", ""), seg.get("rel", ""), notes)
    issuer_lines = [ln for ln in seg.get("issuer", "").split("\n") if ln.strip()]
    ticker = (
        issuer_lines[1].strip()
        if len(issuer_lines) > 1 and re.fullmatch(r"[A-Z.]{1,6}", issuer_lines[1].strip())
        else None
    )
    issuer_filer = sub.issuer_filer
    owners_filers = sub.reporting_owner_filers
    if owners_filers and owners_filers[0].cik:
        owner = ReportingOwner(
            cik=owners_filers[0].cik, name=owner.name, address=owner.address, relationship=owner.relationship
        )
    rows1: list[NonDerivativeTransaction | NonDerivativeHolding] = []
    rows2: list[DerivativeTransaction | DerivativeHolding] = []
    body = "\n".join(lines[head_end:])
    for k, block in enumerate(re.split(r"<CAPTION>", body, flags=re.IGNORECASE)[1:]):
        blines = block.split("\n")
        is_t2 = bool(re.search(r"Table\s+II", block[:400], re.IGNORECASE))
        s_i = next((i for i, ln in enumerate(blines) if ln.strip().upper().startswith("<S>")), None)
        if s_i is None:
            continue
        end = next(
            (i for i in range(s_i + 1, len(blines)) if blines[i].strip().upper().startswith("</TABLE")), len(blines)
        )
        cols = T2 if is_t2 else T1
        for r, cells in enumerate(_table_rows(blines[s_i + 1 : end])):
            if not cells[0].strip():
                continue
            where = f"{'derivative' if is_t2 else 'non_derivative'}_table[{r}]"
            c = _row(cells, cols, where, notes)
            if is_t2:
                rows2.append(tables.derivative(c, "4"))
            else:
                rows1.append(tables.non_derivative(c, "4"))
        del k
    expl = re.search(r"Explanation of Responses:(.*?)(?:SIGNATURE|$)", text, re.DOTALL | re.IGNORECASE)
    footnotes = []
    if expl:
        for fm in re.finditer(r"\((\d{1,3})\)\s*(.+?)(?=\(\d{1,3}\)|$)", expl.group(1), re.DOTALL):
            footnotes.append(Footnote(f"F{fm.group(1)}", " ".join(fm.group(2).split())))
    sigs = []
    sm = re.search(r"SIGNATURE OF REPORTING PERSON\s*\n\s*(.+?)\s*\n\s*DATE\s*\n\s*(.+)", text, re.IGNORECASE)
    if sm:
        sigs.append(Signature(" ".join(sm.group(1).split()), _long_date(sm.group(2))))
    period = sub.period_of_report or _long_date(seg.get("period", ""))
    doc_type = sub.submission_type or "4"
    return Filing(
        document_type=doc_type,
        period_of_report=period,
        issuer=Issuer(
            cik=issuer_filer.cik if issuer_filer and issuer_filer.cik else "",
            name=issuer_lines[0].strip() if issuer_lines else None,
            trading_symbol=ticker,
        ),
        reporting_owners=(owner,),
        not_subject_to_section16=checkbox(head, r"Check\s+this\s+box\s+if\s+no\s+longer"),
        non_derivative_transactions=tuple(r for r in rows1 if isinstance(r, NonDerivativeTransaction)),
        non_derivative_holdings=tuple(r for r in rows1 if isinstance(r, NonDerivativeHolding)),
        derivative_transactions=tuple(r for r in rows2 if isinstance(r, DerivativeTransaction)),
        derivative_holdings=tuple(r for r in rows2 if isinstance(r, DerivativeHolding)),
        footnotes=tuple(footnotes),
        signatures=tuple(sigs),
        submission=sub,
        notes=tuple(notes),
        missing=(
            "schema_version",
            *(() if owner.cik else ("reporting_owners[*].cik",)),
            "rows[*].timeliness",
            "rows[*].coding.form_type",
            "rows[*].deemed_execution_date",
            "aff10b5one",
            "reporting_owners[*].address.state_description",
        ),
        source=Source(source, "legacy-text"),
    )


def _owner(name_seg: str, rel_seg: str, notes: list[Note]) -> ReportingOwner:
    lines = [ln.strip() for ln in name_seg.split("\n") if ln.strip()]
    name = lines[0] if lines else None
    rest = lines[1:]
    if rest and not any(ch.isdigit() for ch in rest[-1]):
        rest = rest[:-1]  # the country line
    address = None
    if rest:
        city, state, zip_code, _unsure = split_city_line([rest[-1]])
        if state is None:
            notes.append(Note("reporting_owners[0].address", "city, state and zip not told apart", rest[-1]))
        address = Address(
            street1=rest[0] if len(rest) > 1 else None,
            street2=" ".join(rest[1:-1]) or None,
            city=city,
            state=state,
            zip_code=zip_code,
        )
    flags, title = read_relationship(rel_seg)
    rel = Relationship()
    if flags:
        rel = Relationship(
            is_director=flags["director"],
            is_officer=flags["officer"],
            is_ten_percent_owner=flags["ten"],
            is_other=flags["other"],
            officer_title=title if flags["officer"] else None,
            other_text=title if flags["other"] and not flags["officer"] else None,
        )
    return ReportingOwner(cik=None, name=name, address=address, relationship=rel)
