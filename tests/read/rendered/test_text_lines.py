"""The laid-out page's scans that look for a pattern from its literal, or once a line (text_lines.py,
and the same kind of search in the text front end's other modules): each must give exactly what the
plain pattern gives, on every committed text and Markdown page and on spellings made to trip them
(case folds, lines breaking inside a match, the characters whose case differs in length)."""

from __future__ import annotations

import importlib
import re

import pytest

from section16.read.rendered import (
    _BARE_MARK_MD_RE,
    _BARE_MARK_TEXT_RE,
    _TABLES_END_RE,
    _notes_start,
    layout_heading,
    pandoc_grid,
    text_lines,
)
from section16.read.rendered.boxes import _LABEL_RE
from tests.read.rendered.conftest import PAGES

sniff_module = importlib.import_module("section16.read.sniff")  # (the package's ``sniff`` is the function)

#: Every committed page that is text (laid out, flowing, Markdown), as text.
TEXTS = [
    p.read_text(encoding="utf-8", errors="replace") for p in sorted(PAGES.glob("*")) if p.suffix in (".txt", ".md")
]

#: Spellings made to trip the scans.
TRICKY = [
    "Table I - Non-Derivative\nTABLE II - Derivative\ntable ii\nTaBlE\nI - x\nTable\tII",
    "SIGNATURE OF REPORTING PERSON  ſignature of reporting person  Sıgnature of Reporting Person\n"
    "Signature\nof Reporting\n Person  xSignature of Reporting Person",
    "İ Signature of Reporting Person İ",  # "İ" lower-cases to two characters
    "  ** Signature of Reporting Person",
    "Table I - a\n\n   ...  \n  -- Explanation of Responses:\n(1) x",
    "Table I - a  Table I - b\nx\n\nEXPLANATION  OF\nRESPONSES",
    "Table I - (1) a(2) (3)  \n(4)\n  ⁽⁵⁾(6) Explanation of Responses\n (7) ",
    "x\n| -- | -- |\n| | -------- |\n| -------- |\n+-----+",
    "| +-----+\n   +---+ +\n  |  | +--------+---+",
    "1. Name and Address of Reporting Person *   2. Issuer Name and Ticker or Trading Symbol\n"
    "3. Date of Earliest Transaction (Month/Day/Year)  5. Relationship of Reporting Person(s) to Issuer",
    "   -----   ---\n--- -- \n ---x",
]


def _texts() -> list[str]:
    return [*TEXTS, *TRICKY]


def test_the_committed_pages_are_there() -> None:
    assert len(TEXTS) > 40


def test_chunks_are_the_runs_the_pattern_finds() -> None:
    dashes = re.compile(r"^[-=_]{3,}(?:\s+[-=_]+)*$")
    for text in _texts():
        for number, line in enumerate(text.split("\n")):
            want = [
                (number, m.start(), m.group(0))
                for m in text_lines._CHUNK_RE.finditer(line)
                if not dashes.match(m.group(0))
            ]
            assert [(c.line, c.x, c.text) for c in text_lines.chunks(line, number)] == want


def test_table_titles_as_the_patterns_find_them() -> None:
    for text in _texts():
        for line in text.split("\n"):
            one = text_lines._T1_RE.search(line)
            got = text_lines.table_one_title(line)
            assert (got.span() if got else None) == (one.span() if one else None)
            assert text_lines.table_two_title(line) == (text_lines._T2_RE.search(line) is not None)


def test_box_labels_as_the_label_pattern_finds_them() -> None:
    number = re.compile(r"\d{1,2}\s*\.\s*$")
    for text in _texts():
        for line in text.split("\n"):
            want = []
            for m in _LABEL_RE.finditer(line):
                if m.lastgroup in text_lines._BOX_LABELS:
                    pre = number.search(line[: m.start()])
                    want.append((pre.start() if pre else m.start(), m.lastgroup))
            assert list(text_lines.box_labels(line)) == want


@pytest.mark.parametrize("fold", ["", "İ", "ı", "ſ"])
def test_signature_captions_counted_as_findall_counts_them(fold: str) -> None:
    for text in _texts():
        page = text + fold
        assert text_lines.count_captions(page) == len(text_lines._SIG_CAPTION_RE.findall(page))
    assert text_lines.count_captions(TRICKY[1]) == 5  # ſ and ı match s and i ignoring case; lines broken


def test_notes_start_where_the_anchored_pattern_matches() -> None:
    for text in _texts():
        for pos in (0, len(text) // 3, len(text) // 2):
            m = _TABLES_END_RE.search(text, pos)
            assert _notes_start(text, pos) == (m.start() if m else len(text))


def test_bare_marks_opened_by_their_parenthesis_match_as_the_look_behind_first_patterns() -> None:
    md_old = re.compile(r"(?<![\[\w(])\((\d{1,3})\)(?!\]\()")
    text_old = re.compile(r"(?<![\w(⁽])\((\d{1,3})\)(?: (?= )|$)", re.MULTILINE)
    for text in _texts():
        for old, new in ((md_old, _BARE_MARK_MD_RE), (text_old, _BARE_MARK_TEXT_RE)):
            assert [m.span(1) for m in new.finditer(text)] == [m.span(1) for m in old.finditer(text)]
            assert [m.span() for m in new.finditer(text[1:])] == [m.span() for m in old.finditer(text[1:])]


def test_grid_and_cut_rule_tests_as_the_patterns_say() -> None:
    for text in _texts():
        head = text.encode()[:8192]
        assert sniff_module._grid_line(head) == (sniff_module._GRID_RE.search(head) is not None)
        assert pandoc_grid.has_cut_table(text) == ("| -" in text and pandoc_grid._CUT_PIECE_RE.search(text) is not None)


def test_heading_labels_and_sub_headings_as_the_plain_patterns_find_them() -> None:
    label_old = re.compile(r"(?<![\w.])(\d{1,2}A?)\s*\.(?!\d)")
    for text in _texts():
        for line in text.split("\n"):
            got = [(m.span(), m.group(1)) for m in layout_heading._LABEL_NUM_RE.finditer(line)]
            assert got == [(m.span(), m.group(1)) for m in label_old.finditer(line)]
        head = text.split("\n")[:40]
        for kind, rx in layout_heading._SUB_RE.items():
            want = next((m.span() for ln in reversed(head) for m in rx.finditer(ln) if 0 <= m.start() < 10**6), None)
            assert layout_heading._sub_span(head, kind, 0, 10**6) == want
