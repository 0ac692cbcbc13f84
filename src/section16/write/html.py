"""Filing -> a self-contained HTML page laid out like the one EDGAR shows for a Form 3, 4 or 5.

The page follows EDGAR's rendering box for box (1 to 6, the Section 16 and 10b5-1 boxes, Table I and
Table II with their numbered columns, footnote marks as superscript ``(n)``, Explanation of Responses,
Remarks, signatures) and adds a Reporting Owners table listing every owner of a joint filing. It has no
script, no external resource (the style sheet is inline), and every piece of filing text is escaped:
markup in a footnote shows as text, it never becomes markup.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

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


class Safe(str):
    """HTML built here from escaped parts; anything else passed to :func:`_h` is escaped."""

    __slots__ = ()


def esc(text: object) -> Safe:
    if isinstance(text, Safe):
        return text
    return Safe(html.escape("" if text is None else str(text), quote=True))


def _h(tag: str, *children: object, **attrs: str | None) -> Safe:
    """An element; children that are not :class:`Safe` are escaped, attribute values always are."""
    attr = "".join(
        f' {k.rstrip("_").replace("_", "-")}="{html.escape(v, quote=True)}"' for k, v in attrs.items() if v is not None
    )
    inner = "".join(esc(c) for c in children)
    return Safe(f"<{tag}{attr}>{inner}</{tag}>")


def _join(parts: Iterable[object]) -> Safe:
    return Safe("".join(esc(p) for p in parts))


def _lines(lines: Iterable[str]) -> Safe:
    return Safe("<br>".join(esc(x) for x in lines if x))


_CSS = """
body{font-family:Times,serif;margin:1.5em;background:#fff;color:#000}
table{border-collapse:collapse;width:100%}
td,th{border:1px solid #000;padding:4px;vertical-align:top}
table.plain td,table.plain th{border:none;padding:2px}
th{font:normal x-small arial,helvetica,sans-serif;text-align:left}
.FormName{font:bold x-large arial,helvetica,sans-serif;text-align:center}
.FormTitle{font:bold medium arial,helvetica,sans-serif}
.FormText,.SmallFormText,.MedSmallFormText{font-family:arial,helvetica,sans-serif}
.SmallFormText{font-size:xx-small}.MedSmallFormText{font-size:x-small}.FormText{font-size:small}
.FormData{color:blue;font-size:small}
.FootnoteData{color:green;font-size:x-small}
sup.fn a{color:green;text-decoration:none}
.box{display:inline-block;width:1.1em;text-align:center;border:1px solid #000;color:blue;margin-right:.4em}
.TableTitle{text-align:center;font:bold small arial,helvetica,sans-serif}
table.form-table td{text-align:center}table.form-table td:first-child{text-align:left}
""".strip()


def _marks(ids: Iterable[str]) -> Safe:
    return _join(_h("sup", _h("a", f"({footnote_number(i)})", href=f"#{i}"), class_="fn") for i in ids)


def _data(c: Cell) -> Safe:
    text = _h("span", c.text, class_="FormData") if c.text else Safe("")
    return _join((text, _marks(c.footnotes)))


def _box(checked: bool) -> Safe:
    return _h("span", "X" if checked else "\u00a0", class_="box")


# -- the parts of the page -----------------------------------------------------------------------------------


def _heading(f: Filing, form: str) -> Safe:
    checks: list[Safe] = []
    if form != "3":
        checks.append(
            _h(
                "div",
                _box(bool(f.not_subject_to_section16)),
                "Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue. ",
                _h("i", "See"),
                " Instruction 1(b).",
                class_="SmallFormText",
            )
        )
    if form != "3" and f.aff10b5one is not None:  # the box came in 2023 (X0407); older filings had none
        checks.append(
            _h(
                "div",
                _box(f.aff10b5one),
                "Check this box to indicate that a transaction was made pursuant to a contract, instruction or "
                "written plan for the purchase or sale of equity securities of the issuer that is intended to "
                "satisfy the affirmative defense conditions of Rule 10b5-1(c). See Instruction 10.",
                class_="SmallFormText",
            )
        )
    if form == "5":
        checks.append(_h("div", _box(form5_boxes(f)[0]), "Form 3 Holdings Reported.", class_="SmallFormText"))
        checks.append(
            _h(
                "div",
                _box(form5_boxes(f)[1]),
                "Form 4 Transactions Reported.",
                class_="SmallFormText",
            )
        )
    title = _h(
        "td",
        _h("span", "UNITED STATES SECURITIES AND EXCHANGE COMMISSION", class_="FormTitle"),
        Safe("<br>"),
        _h("span", "Washington, D.C. 20549", class_="MedSmallFormText"),
        Safe("<br><br>"),
        _h("span", TITLES[form], class_="FormTitle"),
        Safe("<br><br>"),
        _h(
            "span",
            "Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934 or Section 30(h) of the "
            "Investment Company Act of 1940",
            class_="MedSmallFormText",
        ),
        style="text-align:center;width:60%",
    )
    omb = _h(
        "td",
        _h("div", "OMB APPROVAL", class_="FormText"),
        _h("div", f"OMB Number: {OMB_NUMBERS[form]}", class_="SmallFormText"),
        _h("div", "Estimated average burden hours per response: 0.5", class_="SmallFormText"),
        style="width:20%",
    )
    name = _h("td", _h("div", f"FORM {form}", class_="FormName"), _join(checks), style="width:20%")
    return _h("table", _h("tr", name, title, omb), class_="plain")


def _owner_box(f: Filing) -> Safe:
    if not f.reporting_owners:
        return _h("td", _h("span", "1. Name and Address of Reporting Person*", class_="MedSmallFormText"))
    o = f.reporting_owners[0]
    streets, (city, region, zip_code) = address_lines(f, 0)
    return _h(
        "td",
        _h("span", "1. Name and Address of Reporting Person", _h("sup", "*"), class_="MedSmallFormText"),
        _h("div", o.name or "", class_="FormData"),
        _h("div", "(Last) (First) (Middle)", class_="SmallFormText"),
        _h("div", _lines(streets), class_="FormData"),
        _h("div", "(Street)", class_="SmallFormText"),
        _h(
            "table",
            _h("tr", *(_h("td", x, class_="FormData") for x in (city, region, zip_code))),
            _h("tr", *(_h("td", x, class_="SmallFormText") for x in ("(City)", "(State)", "(Zip)"))),
            class_="plain",
        ),
        rowspan="3",
        style="width:35%",
    )


def _relationship_box(f: Filing, number: int) -> Safe:
    r = f.reporting_owners[0].relationship if f.reporting_owners else None
    flags = (
        (False, False, False, False) if r is None else (r.is_director, r.is_ten_percent_owner, r.is_officer, r.is_other)
    )
    # The officer's title under "Officer", the other text under "Other", as on EDGAR's page.
    officer, other = ("", "") if r is None else (r.officer_title or "", r.other_text or "")
    rows = _h(
        "table",
        _h(
            "tr",
            _h("td", _box(flags[0]), "Director", class_="MedSmallFormText"),
            _h("td", _box(flags[1]), "10% Owner", class_="MedSmallFormText"),
        ),
        _h(
            "tr",
            _h("td", _box(flags[2]), "Officer (give title below)", class_="MedSmallFormText"),
            _h("td", _box(flags[3]), "Other (specify below)", class_="MedSmallFormText"),
        ),
        _h("tr", _h("td", officer, class_="FormData"), _h("td", other, class_="FormData")),
        class_="plain",
    )
    return _h(
        "td",
        _h("span", f"{number}. Relationship of Reporting Person(s) to Issuer", class_="MedSmallFormText"),
        _h("div", "(Check all applicable)", class_="MedSmallFormText"),
        rows,
        rowspan="2",
    )


def _joint_box(f: Filing, number: int) -> Safe:
    joint = len(f.reporting_owners) > 1
    return _h(
        "td",
        _h("span", f"{number}. Individual or Joint/Group Filing (Check Applicable Line)", class_="MedSmallFormText"),
        _h("div", _box(not joint), "Form filed by One Reporting Person", class_="MedSmallFormText"),
        _h("div", _box(joint), "Form filed by More than One Reporting Person", class_="MedSmallFormText"),
    )


def _simple_box(label: str, value: str, **attrs: str | None) -> Safe:
    return _h(
        "td", _h("span", label, class_="MedSmallFormText"), Safe("<br>"), _h("span", value, class_="FormData"), **attrs
    )


def _issuer_box(f: Filing, number: int, **attrs: str | None) -> Safe:
    i = f.issuer
    return _h(
        "td",
        _h("span", f"{number}. Issuer Name ", _h("b", "and"), " Ticker or Trading Symbol", class_="MedSmallFormText"),
        Safe("<br>"),
        _h("span", i.name or "", class_="FormData"),
        " [ ",
        _h("span", i.trading_symbol or "", class_="FormData"),
        " ]",
        (_h("div", f"Foreign Trading Symbol: {i.foreign_trading_symbol}", class_="SmallFormText"))
        if i.foreign_trading_symbol
        else "",
        **attrs,
    )


_AMENDMENT = "If Amendment, Date of Original Filed (Month/Day/Year)"


def _boxes(f: Filing, form: str) -> Safe:
    amendment = fmt_date(f.date_of_original_submission)
    if form == "3":
        rows = [
            _h(
                "tr",
                _owner_box(f),
                _simple_box(f"2. {period_label(form)}", fmt_date(f.period_of_report), rowspan="3"),
                _issuer_box(f, 3, colspan="2"),
            ),
            _h("tr", _relationship_box(f, 4), _simple_box(f"5. {_AMENDMENT}", amendment)),
            _h("tr", _joint_box(f, 6)),
        ]
    else:
        rows = [
            _h("tr", _owner_box(f), _issuer_box(f, 2), _relationship_box(f, 5)),
            _h("tr", _simple_box(f"3. {period_label(form)}", fmt_date(f.period_of_report))),
            _h("tr", _simple_box(f"4. {_AMENDMENT}", amendment), _joint_box(f, 6)),
        ]
    return _h("table", *rows, class_="boxes")


def _table(title: Safe, columns: list[Column], rows: list[list[Cell]]) -> Safe:
    width = sum(max(1, len(sub)) for _, sub in columns)
    head1 = [_h("th", title, colspan=str(width), class_="TableTitle")]
    top: list[Safe] = []
    subs: list[Safe] = []
    two_rows = any(sub for _, sub in columns)
    for label, sub in columns:
        if sub:
            top.append(_h("th", label, colspan=str(len(sub))))
            subs.extend(_h("th", s, style="text-align:center") for s in sub)
        else:
            top.append(_h("th", label, rowspan="2" if two_rows else None))
    thead = _h("thead", _h("tr", *head1), _h("tr", *top), _h("tr", *subs) if two_rows else "")
    body = [_h("tr", *(_h("td", _data(c)) for c in r)) for r in rows]
    return _h("table", thead, _h("tbody", *body), class_="form-table")


def _footnotes_and_remarks(f: Filing) -> Safe:
    rows = [_h("tr", _h("td", _h("b", "Explanation of Responses:"), class_="MedSmallFormText"))]
    if f.no_securities_owned and base_form(f) == "3":
        rows.append(_h("tr", _h("td", _h("b", "No securities are beneficially owned"), class_="FormText")))
    for fn in f.footnotes:
        rows.append(_h("tr", _h("td", f"{footnote_number(fn.id)}. {fn.text}", class_="FootnoteData", id=fn.id or None)))
    rows.append(_h("tr", _h("td", _h("b", "Remarks:"), class_="FormText")))
    remarks = (f.remarks or "").split("\n")
    rows.append(_h("tr", _h("td", _lines(remarks), class_="FootnoteData")))
    return _h("table", *rows, class_="plain")


def _reporting_owners(f: Filing) -> Safe:
    head = _h(
        "thead",
        _h("tr", _h("th", "Reporting Owner Name / Address", rowspan="2"), _h("th", "Relationships", colspan="4")),
        _h("tr", *(_h("th", x) for x in ("Director", "10% Owner", "Officer", "Other"))),
    )
    body = []
    for i, o in enumerate(f.reporting_owners):
        streets, (city, region, zip_code) = address_lines(f, i)
        who = _lines([o.name or "", *streets, city, region, zip_code])
        r = o.relationship
        officer = " ".join(x for x in ("X" if r.is_officer else "", r.officer_title or "") if x)
        other = " ".join(x for x in ("X" if r.is_other else "", r.other_text or "") if x)
        cells = [who, "X" if r.is_director else "", "X" if r.is_ten_percent_owner else "", officer, other]
        body.append(_h("tr", *(_h("td", c, class_="FormData") for c in cells)))
    return _join(
        (_h("h2", "Reporting Owners", class_="FormTitle"), _h("table", head, _h("tbody", *body), class_="owners"))
    )


def _signatures(f: Filing) -> Safe:
    rows = [
        _h(
            "tr",
            _h("td", ""),
            _h("td", _h("u", s.name or "", class_="FormData")),
            _h("td", _h("u", fmt_date(s.date), class_="FormData")),
        )
        for s in f.signatures
    ]
    rows.append(
        _h(
            "tr",
            _h("td", ""),
            _h("td", "** Signature of Reporting Person", class_="MedSmallFormText"),
            _h("td", "Date", class_="MedSmallFormText"),
        )
    )
    notes = (
        "Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.",
        "* If the form is filed by more than one reporting person, see Instruction 4 (b)(v).",
        "** Intentional misstatements or omissions of facts constitute Federal Criminal Violations See 18 U.S.C. "
        "1001 and 15 U.S.C. 78ff(a).",
        "Note: File three copies of this Form, one of which must be manually signed. If space is insufficient, "
        "see Instruction 6 for procedure.",
        "Persons who respond to the collection of information contained in this form are not required to respond "
        "unless the form displays a currently valid OMB Number.",
    )
    rows.extend(_h("tr", _h("td", n, colspan="3", class_="MedSmallFormText")) for n in notes)
    return _h("table", *rows, class_="plain signatures")


def to_html(filing: Filing) -> str:
    """The whole page, ``<!DOCTYPE html>`` to ``</html>``."""
    form = base_form(filing)
    label = f"Form {filing.document_type}"
    t1 = _table(esc(table1_title(form)), table1_columns(form), table1_rows(filing, form))
    t2 = _table(
        _join((table2_title(form), Safe("<br>"), TABLE2_SUBTITLE)), table2_columns(form), table2_rows(filing, form)
    )
    parts = [
        _heading(filing, form),
        _h("p", "(Print or Type Responses)", class_="SmallFormText"),
        _boxes(filing, form),
        t1,
        t2,
        _footnotes_and_remarks(filing),
        _reporting_owners(filing) if len(filing.reporting_owners) > 1 else "",
        _signatures(filing),
    ]
    head = _join(
        (
            Safe('<meta charset="utf-8">'),
            Safe('<meta name="viewport" content="width=device-width, initial-scale=1">'),
            _h("title", f"SEC {label}: {filing.issuer.name or filing.issuer.trading_symbol or ''}".strip(": ")),
            Safe(f"<style>{_CSS}</style>"),
        )
    )
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head>{head}</head>\n<body>\n'
        + "\n".join(map(str, parts))
        + "\n</body>\n</html>\n"
    )


__all__ = ["to_html"]
