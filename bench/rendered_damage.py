"""Broken renderings: damage cached pages the way real broken renderings are damaged, read them, and
count the wrong values a reading presents as right (issue 3, requirement 7).

    python bench/rendered_damage.py --cache /tmp/pages                      # every 10th filing
    python bench/rendered_damage.py --converters html,pdftotext-layout --sample 10 --offset 3 --variants 3
    python bench/rendered_damage.py --out /tmp/damage.json                  # keep every wrong for diffs

Each damage is seeded by (filing, converter, damage, variant), so a run is repeatable. Damages:

* ``cut``: the page ends at a line (the rest of the page lost: a print cut short);
* ``drop_block``: a block of lines between blank lines is gone (a box, a table's bottom, a footnote);
* ``drop_lines``: one to three lines in a row are gone;
* ``swap``: two neighbouring lines change places;
* ``heading``: a line holding one of the form's headings is gone;
* ``cell_drop``, ``cell_empty``: in a table row a cell is deleted (the cells after it move left a column)
  or an empty one is inserted (they move right): a Markdown row's ``|`` cells, a laid-out row's words
  of one cell (the rest of the line shifted left by its width, or right by a gap);
* ``cell_blank``: a laid-out row's cell's words blanked (the others stay in their columns);
* HTML: ``cut``, ``td_drop``, ``td_empty``, ``tr_drop``, ``table_drop``, ``tr_swap``, ``heading`` (a bold
  heading's text gone).

A reading is compared with the XML reading field by field (what the HTML page itself cannot show left
out), after its rows, owners and signatures are paired with the XML's in order (a row the damage took
away is an omission, not every later row read wrong). Each field is then:

* right; said missing (``Filing.missing`` names it); refused (the page raised ``ParseError``);
* omitted: the reading gives nothing (no value, a flag not set, a row not there) and does not say so;
  a damage that took the field off the page leaves exactly this, so it is not counted wrong;
* damaged: a value read as the damaged page shows it, where the damage broke that value itself: the
  page's own (``page_shows``): a text short of words the damage took off the page, holding words of a
  line it moved (two lines swapped) or its words in a moved line's order; a number, date, code or mark
  standing on a line the damage moved (a swap of two cells written one a line);
* as undamaged: a wrong value the undamaged page's reading gives too (``rendered_accuracy.py`` counts it);
* **wrong**: a value present that is not the XML's (a row or owner paired with none of the XML's counts
  all its values wrong), that the damage drew out. This is the count that must be 0.

A crash (any other exception) is a bug and is listed apart.
"""

from __future__ import annotations

import argparse
import datetime
import difflib
import html
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal, InvalidOperation
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import itertools

from render_pages import CONVERTERS, cached, render_html
from rendered_accuracy import corpus_files, shown

import section16
from section16.errors import ParseError
from section16.read import parse_bytes
from section16.read.rendered.compare import _BOOL_FIELDS, _is_missing, flatten

Damage = Callable[[str, random.Random], str | None]

# ---------------------------------------------------------------------------------------------- text


def _lines(page: str) -> list[str]:
    return page.split("\n")


def _cut(page: str, rng: random.Random) -> str | None:
    lines = _lines(page)
    if len(lines) < 10:
        return None
    k = rng.randrange(len(lines) // 10, len(lines) * 9 // 10)
    return "\n".join(lines[:k])


def _blocks(lines: list[str]) -> list[tuple[int, int]]:
    """Runs of non-blank lines, as (first, end)."""
    out, start = [], None
    for i, ln in enumerate([*lines, ""]):
        if ln.strip() and start is None:
            start = i
        elif not ln.strip() and start is not None:
            out.append((start, i))
            start = None
    return out


def _drop_block(page: str, rng: random.Random) -> str | None:
    lines = _lines(page)
    blocks = [b for b in _blocks(lines) if b[1] - b[0] <= 12]  # a box or a footnote, not half the page
    if not blocks:
        return None
    a, b = rng.choice(blocks)
    return "\n".join(lines[:a] + lines[b:])


def _drop_lines(page: str, rng: random.Random) -> str | None:
    lines = _lines(page)
    full = [i for i, ln in enumerate(lines) if ln.strip()]
    if not full:
        return None
    i = rng.choice(full)
    n = rng.randint(1, 3)
    return "\n".join(lines[:i] + lines[i + n :])


def _swap(page: str, rng: random.Random) -> str | None:
    lines = _lines(page)
    full = [i for i, ln in enumerate(lines) if ln.strip()]
    pairs = [(a, b) for a, b in itertools.pairwise(full) if lines[a].strip() != lines[b].strip()]
    if not pairs:
        return None
    a, b = rng.choice(pairs)
    lines[a], lines[b] = lines[b], lines[a]
    return "\n".join(lines)


_HEADINGS = re.compile(
    r"Table I\b|Table II\b|Explanation of Responses|Reporting Owners|Remarks|Signature of Reporting|"
    r"Name and Address|Issuer Name|Relationship of Reporting|Title of Security|Title of Derivative|"
    r"Date of Earliest|Individual or Joint|Date Exercisable|Ownership Form|Amendment, Date|Statement for|"
    r"Date of Event|Reporting Owner Name|\(Street\)|\(City\)|\(Last\)|Code\s+V\b",
    re.IGNORECASE,
)


def _heading(page: str, rng: random.Random) -> str | None:
    lines = _lines(page)
    heads = [i for i, ln in enumerate(lines) if _HEADINGS.search(ln)]
    if not heads:
        return None
    i = rng.choice(heads)
    return "\n".join(lines[:i] + lines[i + 1 :])


# Markdown pipe rows: a data row (not the |---| rule under a heading) of at least 4 cells.
def _pipe_rows(lines: list[str]) -> list[int]:
    return [i for i, ln in enumerate(lines) if ln.count("|") >= 3 and not re.fullmatch(r"[\s|:\-]+", ln)]


def _pipe_cell(page: str, rng: random.Random, empty: bool) -> str | None:
    lines = _lines(page)
    rows = _pipe_rows(lines)
    if not rows:
        return None
    i = rng.choice(rows)
    line = lines[i]
    cells = line.split("|")  # ['', c1, ..., cn, ''] (html2text: no outer pipes; an escaped \| is rare)
    first = 1 if line.lstrip().startswith("|") else 0
    end = len(cells) - 1 if line.rstrip().endswith("|") else len(cells)
    k = rng.randrange(first, end)
    if empty:
        cells.insert(k, " ")
    else:
        del cells[k]
    lines[i] = "|".join(cells)
    return "\n".join(lines)


# Laid-out rows: words parted by two spaces or more; a row of at least 4 such cells.
_CELL = re.compile(r"\S+(?: \S+)*")


def _laid_cells(line: str) -> list[re.Match[str]]:
    return list(_CELL.finditer(line))


_TABLES_FROM = re.compile(r"Table I\b")
_TABLES_TO = re.compile(r"Explanation of Responses", re.IGNORECASE)


def _laid_rows(lines: list[str]) -> list[int]:
    """Lines of at least 4 cells from Table I's title to the footnotes: the tables' rows (a line of
    running text, a remark, may hold two spaces too; dropping a word of it is no table's damage)."""
    start = next((i for i, ln in enumerate(lines) if _TABLES_FROM.search(ln)), len(lines))
    end = next((i for i in range(start, len(lines)) if _TABLES_TO.search(lines[i])), len(lines))
    return [i for i in range(start, end) if len(_laid_cells(lines[i])) >= 4 and "|" not in lines[i]]


def _laid_cell(page: str, rng: random.Random, how: str) -> str | None:
    lines = _lines(page)
    rows = _laid_rows(lines)
    if not rows:
        return None
    i = rng.choice(rows)
    line = lines[i]
    cells = _laid_cells(line)
    m = rng.choice(cells[1:]) if how != "empty" else rng.choice(cells)
    a, b = m.span()
    if how == "blank":  # the words gone, the other cells where they were
        lines[i] = line[:a] + " " * (b - a) + line[b:]
    elif how == "drop":  # the words and the gap after them gone: later cells one column left
        nxt = next((c.start() for c in cells if c.start() > a), len(line))
        lines[i] = line[:a] + line[nxt:]
    else:  # an empty cell inserted: this cell and the later ones pushed right by a column's gap
        lines[i] = line[:a] + " " * rng.randint(8, 16) + line[a:]
    return "\n".join(lines)


def _markdown_cell(how: str) -> Damage:
    """A Markdown page's table row: a pipe row's cell, or (pandoc writes a table it cannot pipe as HTML)
    an HTML row's cell; picked among both by their numbers."""

    def damage(page: str, rng: random.Random) -> str | None:
        pipes, tds = len(_pipe_rows(_lines(page))), len(_rows_of_cells(page, 3))
        if not pipes + tds:
            return None
        if rng.randrange(pipes + tds) < pipes:
            return _pipe_cell(page, rng, empty=how == "empty")
        return _td(page, rng, empty=how == "empty")

    return damage


# ---------------------------------------------------------------------------------------------- HTML

_LEAF_TD = re.compile(r"<td\b[^>]*>(?:(?!<td\b|<table\b|<tr\b).)*?</td>", re.S | re.I)
_LEAF_TR = re.compile(r"<tr\b[^>]*>(?:(?!<tr\b|<table\b).)*?</tr>", re.S | re.I)
_LEAF_TABLE = re.compile(r"<table\b[^>]*>(?:(?!<table\b).)*?</table>", re.S | re.I)
_BOLD = re.compile(r"<b>((?:(?!</?b>).)+?)</b>", re.S | re.I)


def _rows_of_cells(page: str, least: int) -> list[re.Match[str]]:
    return [m for m in _LEAF_TR.finditer(page) if len(_LEAF_TD.findall(m.group())) >= least]


def _td(page: str, rng: random.Random, empty: bool) -> str | None:
    rows = _rows_of_cells(page, 3)
    if not rows:
        return None
    row = rng.choice(rows)
    tds = list(_LEAF_TD.finditer(page, row.start(), row.end()))
    td = rng.choice(tds)
    if empty:
        return page[: td.start()] + "<td></td>" + page[td.start() :]
    return page[: td.start()] + page[td.end() :]


def _html_cut(page: str, rng: random.Random) -> str | None:
    """The page ends at a line (as a print cut short ends: not inside a value's digits)."""
    k = page.rfind("\n", 0, rng.randrange(len(page) // 10, len(page) * 9 // 10))
    return page[:k] if k > 0 else None


def _html_drop(pattern: re.Pattern[str], least: int = 0) -> Damage:
    def damage(page: str, rng: random.Random) -> str | None:
        found = [m for m in pattern.finditer(page) if len(_LEAF_TD.findall(m.group())) >= least]
        if not found:
            return None
        m = rng.choice(found)
        return page[: m.start()] + page[m.end() :]

    return damage


def _tr_swap(page: str, rng: random.Random) -> str | None:
    rows = _rows_of_cells(page, 1)
    pairs = [(a, b) for a, b in itertools.pairwise(rows) if page[a.end() : b.start()].strip() == ""]
    pairs = [(a, b) for a, b in pairs if a.group() != b.group()]
    if not pairs:
        return None
    a, b = rng.choice(pairs)
    return page[: a.start()] + b.group() + page[a.end() : b.start()] + a.group() + page[b.end() :]


def _bold_gone(page: str, rng: random.Random) -> str | None:
    found = list(_BOLD.finditer(page))
    if not found:
        return None
    m = rng.choice(found)
    return page[: m.start()] + page[m.end() :]


HTML_DAMAGES: dict[str, Damage] = {
    "cut": _html_cut,
    "td_drop": lambda p, r: _td(p, r, empty=False),
    "td_empty": lambda p, r: _td(p, r, empty=True),
    "tr_drop": _html_drop(_LEAF_TR, least=1),
    "table_drop": _html_drop(_LEAF_TABLE),
    "tr_swap": _tr_swap,
    "heading": _bold_gone,
}

LINE_DAMAGES: dict[str, Damage] = {
    "cut": _cut,
    "drop_block": _drop_block,
    "drop_lines": _drop_lines,
    "swap": _swap,
    "heading": _heading,
}
MARKDOWN_DAMAGES: dict[str, Damage] = {
    **LINE_DAMAGES,
    "cell_drop": _markdown_cell("drop"),
    "cell_empty": _markdown_cell("empty"),
}
LAID_DAMAGES: dict[str, Damage] = {
    **LINE_DAMAGES,
    "cell_drop": lambda p, r: _laid_cell(p, r, "drop"),
    "cell_empty": lambda p, r: _laid_cell(p, r, "empty"),
    "cell_blank": lambda p, r: _laid_cell(p, r, "blank"),
}


def damages(fmt: str) -> dict[str, Damage]:
    return {"html": HTML_DAMAGES, "markdown": MARKDOWN_DAMAGES}.get(fmt, LAID_DAMAGES)


# ----------------------------------------------------------------------------------------- comparing

_LISTED = re.compile(r"^([a-z_]+)\[(\d+)\](.*)$")


def _group(flat: dict[str, object]) -> dict[str, dict[int, dict[str, object]]]:
    """``{'derivative_holdings': {0: {'.shares': ...}}}`` for every listed item (rows, owners, signatures)."""
    out: dict[str, dict[int, dict[str, object]]] = defaultdict(lambda: defaultdict(dict))
    for path, v in flat.items():
        m = _LISTED.match(path)
        if m:
            out[m.group(1)][int(m.group(2))][m.group(3)] = v
    return out


def _pair(exp: dict[int, dict[str, object]], got: dict[int, dict[str, object]]) -> dict[int, int]:
    """Got's items paired with the XML's, most equal fields first (order aside: two rows that changed
    places on the page are the page's rows all the same): got index -> XML index. An item equal to none
    in any field stays unpaired."""

    def score(a: int, b: int) -> int:
        return sum(1 for k, v in exp[a].items() if v not in (None, False) and got[b].get(k) == v)

    ranked = sorted(((score(a, b), -abs(a - b), a, b) for a in exp for b in got), reverse=True)
    out: dict[int, int] = {}
    taken: set[int] = set()
    for s, _d, a, b in ranked:
        if s and a not in taken and b not in out:
            out[b] = a
            taken.add(a)
    return out


def _is_flag(path: str) -> bool:
    name = path.rsplit(".", 1)[-1]
    return name in _BOOL_FIELDS or name.startswith("is_") or name == "equity_swap"


_TAG_RE = re.compile(r"<[^>]+>")


def plain(page: str) -> str:
    """A page's words, for finding a text in it: tags, escapes and emphasis left out, white space one."""
    return " ".join(html.unescape(_TAG_RE.sub(" ", page)).replace("\\", "").replace("*", "").split())


def classify(
    ref: section16.Filing,
    got: section16.Filing,
    page_missing: tuple[str, ...],
    damaged: Callable[[object, object], bool] = lambda value, read: False,
) -> tuple[Counter[str], list[tuple[str, object, object]]]:
    """Counts of right / missing / omitted / wrong / damaged fields, and the wrong ones as (path,
    expected, got). ``damaged(value, read)``: the damage broke this value on the page itself, and
    the value read is what the damaged page shows there: the page's own, not wrong (``page_shows``)."""
    e, g = flatten(ref), flatten(got)
    eg, gg = _group(e), _group(g)
    renamed: dict[str, object] = {}  # got's values under the XML's paths
    said: set[str] = set()  # XML paths the reading says missing
    extra: list[tuple[str, object]] = []  # values of items paired with none of the XML's
    pairs = {name: _pair(eg.get(name, {}), items) for name, items in gg.items()}
    for path, v in g.items():
        m = _LISTED.match(path)
        if not m:
            renamed[path] = v
            if _is_missing(path, got.missing):
                said.add(path)
            continue
        name, idx, rest = m.group(1), int(m.group(2)), m.group(3)
        to = pairs[name]
        if idx in to:
            new = f"{name}[{to[idx]}]{rest}"
            renamed[new] = v
            if _is_missing(path, got.missing):
                said.add(new)
        elif v not in (None, False) and not _is_missing(path, got.missing) and not _is_missing(path, page_missing):
            extra.append((path, v))
    counts: Counter[str] = Counter()
    wrong: list[tuple[str, object, object]] = []
    for path in sorted(set(e) | set(renamed)):
        if _is_missing(path, page_missing):
            continue
        ev, gv = e.get(path), renamed.get(path)
        if _is_flag(path):
            ev, gv = bool(ev), bool(gv)
            if not ev and not gv:
                continue
        if ev is None and gv is None:
            continue
        if path in said or _is_missing(path, got.missing):
            counts["missing"] += 1
        elif ev == gv:
            counts["right"] += 1
        elif gv in (None, False):
            counts["omitted"] += 1
        elif damaged(ev, gv):
            counts["damaged"] += 1
        else:
            counts["wrong"] += 1
            wrong.append((path, ev, gv))
    for path, v in extra:
        counts["wrong"] += 1
        wrong.append((path + " (no such item)", None, v))
    return counts, wrong


# The damaged page's own texts. A damage that takes words off the page (a line, a block, a cell's
# words, the page's end) or moves lines (two lines swapped, a heading line gone so the lines close up)
# leaves a text as the damaged page shows it: shorter by the words taken, or with a moved line's
# words in it or out of its order. Reading a text so is reading the page; it is counted apart
# ("damaged"), not wrong. A word the damage neither took nor moved, in the text read and not in the
# XML's (a column's value read into a title where an empty cell pushed it), is the reader's: wrong.

#: Damages that move whole lines (and only them): their lines' words may land in another text.
MOVES_LINES = frozenset({"swap", "heading", "drop_lines", "drop_block", "cut"})

_EDGE = ",.;:"


def _words(text: str) -> list[str]:
    return [w.strip(_EDGE) for w in plain(text).split() if w.strip(_EDGE)]


def _within(part: Counter[str], whole: Counter[str]) -> bool:
    return all(whole[w] >= n for w, n in part.items())


def _shown(value: object) -> set[str]:
    """The words a page may print a value as: a number's digits, a date as the form prints it, a
    footnote mark's number, a code."""
    if isinstance(value, datetime.date):
        return {f"{value:%m/%d/%Y}"}
    if isinstance(value, Decimal):
        return {f"{value:,f}", f"{value:f}"}
    if isinstance(value, tuple):
        return {f"({str(f)[1:]})" for f in value}
    return {str(value)}


def _number(word: str) -> str:
    """A word as the number it prints ("$71.10" -> "71.1"), or the word."""
    w = word.strip("$()")
    try:
        return f"{Decimal(w.replace(',', '')).normalize():f}"
    except InvalidOperation:
        return word


def page_shows(page: str, broken: str, moves_lines: bool) -> Callable[[object, object], bool]:
    """``damaged(text, read)`` for one damaged page: ``text`` (the XML's) was broken by the damage and
    ``read`` is what the damaged page shows of it. The XML's words missing from the text read were
    taken off the page (or, on a damage moving lines, are on a line taken or moved); the words read
    and not the XML's are on a line the damage moved to a new place; where the same words are read
    in another order, the damage moved a line holding one of them. Lines taken away add no word to a
    text: the lines that close up over them are the page's lines still, whose cells the reader must
    tell apart."""
    before_lines, after_lines = page.split("\n"), broken.split("\n")
    before, after = Counter(_words(page)), Counter(_words(broken))
    taken = before - after
    gone: Counter[str] = Counter()  # words of the lines taken or moved away from their place
    came: Counter[str] = Counter()  # words of the lines standing at a new place (a swap's)
    if moves_lines and len(before_lines) == len(after_lines):  # lines swapped: both moved
        changed = [i for i, (a, b) in enumerate(zip(before_lines, after_lines, strict=True)) if a != b]
        gone.update(_words("\n".join(before_lines[i] for i in changed)))
        came.update(_words("\n".join(after_lines[i] for i in changed)))
    elif moves_lines:  # lines taken away (the lines matched in order stay where they were)
        ops = difflib.SequenceMatcher(None, before_lines, after_lines, autojunk=False).get_opcodes()
        for op, a, b, c, d in ops:
            if op != "equal":
                gone.update(_words("\n".join(before_lines[a:b])))
                came.update(_words("\n".join(after_lines[c:d])))
    whole_before, whole_after = plain(page), plain(broken)

    came_numbers = {_number(w) for w in came} | set(came)

    def damaged(text: object, read: object) -> bool:
        if not isinstance(read, str) or not isinstance(text, str | None) or len(read) <= 2:
            # A value (a number, a date, a code, a cell's marks) the damage moved: it stands on a
            # line moved to a new place (a swap of two cells' lines, written one cell a line).
            return bool(came) and read is not None and all(_number(w) in came_numbers for w in _shown(read))
        if text is None:
            return False
        t = plain(text)
        if len(t) >= 8 and t in whole_before and t not in whole_after:  # the text itself broken
            return True
        want, got = _words(text), _words(read)
        lack, more = Counter(want) - Counter(got), Counter(got) - Counter(want)
        if not lack and not more:  # the same words in another order: a moved line's
            return got != want and any(came[w] for w in want)
        return _within(lack, taken + gone) and _within(more, came)

    return damaged


# ------------------------------------------------------------------------------------------- running

Result = tuple[str, str, str, int, str, dict[str, int], list[tuple[str, object, object]]]


def one(args: tuple[Path, list[str], Path | None, int, list[str] | None]) -> list[Result]:
    """Every converter's page of one filing, damaged each way: (conv, kind, filing, variant, outcome,
    counts, wrong)."""
    path, convs, cache, variants, kinds = args
    data = path.read_bytes()
    ref = section16.parse(data)
    page_html = render_html(data, ref.document_type, ref.schema_version)
    ref = shown(ref)
    page_missing = parse_bytes(page_html.encode(), path.name).missing
    out: list[Result] = []
    for conv in convs:
        fmt = CONVERTERS[conv][0]
        try:
            page = cached(conv, page_html, cache)
        except Exception:
            continue
        if isinstance(page, bytes):
            continue  # a PDF: its damages are its text's (pdftotext-layout)
        try:  # the undamaged page's own wrong values: rendered_accuracy's, not the damage's
            known = {(p, repr(g)) for p, _e, g in classify(ref, parse_bytes(page.encode(), path.name), page_missing)[1]}
        except Exception:
            known = set()
        for kind, damage in damages(fmt).items():
            if kinds and kind not in kinds:
                continue
            seen = set()
            for v in range(variants):
                broken = damage(page, random.Random(f"{path.name}:{conv}:{kind}:{v}"))
                if broken is None or broken == page or broken in seen:
                    continue
                seen.add(broken)
                try:
                    got = parse_bytes(broken.encode(), path.name)
                except ParseError:
                    out.append((conv, kind, path.name, v, "refused", {}, []))
                    continue
                except Exception as exc:  # a crash is a bug
                    out.append((conv, kind, path.name, v, f"CRASH {type(exc).__name__}: {exc}"[:200], {}, []))
                    continue
                counts, wrong = classify(ref, got, page_missing, page_shows(page, broken, kind in MOVES_LINES))
                undamaged = [w for w in wrong if (w[0], repr(w[2])) in known]
                if undamaged:
                    counts["wrong"] -= len(undamaged)
                    counts["as undamaged"] += len(undamaged)
                    wrong = [w for w in wrong if (w[0], repr(w[2])) not in known]
                out.append((conv, kind, path.name, v, "read", dict(counts), wrong))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--converters", default="html,markdownify,html2text,pandoc-gfm,pandoc-plain,pdftotext-layout,w3m-dump"
    )
    ap.add_argument("--sample", type=int, default=10, help="every n-th corpus filing")
    ap.add_argument("--offset", type=int, default=0, help="starting at this one")
    ap.add_argument("--variants", type=int, default=2, help="seeded damages of each kind per page")
    ap.add_argument("--kinds", default="", help="only these damages (comma-separated)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--worst", type=int, default=40, help="wrong values listed")
    ap.add_argument("--out", type=Path, default=None, help="write every damaged reading's outcome as JSON")
    a = ap.parse_args()
    files = corpus_files()[a.offset :: a.sample]
    convs = a.converters.split(",")
    kinds = a.kinds.split(",") if a.kinds else None
    t0 = time.time()
    results: list[Result] = []
    with ProcessPoolExecutor(a.jobs) as pool:
        for rows in pool.map(one, [(f, convs, a.cache, a.variants, kinds) for f in files], chunksize=2):
            results.extend(rows)
    tally: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for conv, kind, _f, _v, outcome, counts, _wrong in results:
        t = tally[(conv, kind)]
        t["pages"] += 1
        if outcome == "refused":
            t["refused"] += 1
        elif outcome.startswith("CRASH"):
            t["crash"] += 1
        else:
            t.update(counts)
    print(f"{len(files)} filings, {len(results)} damaged pages read in {time.time() - t0:.0f} s\n")
    cols = ("pages", "refused", "crash", "right", "missing", "omitted", "damaged", "as undamaged", "wrong")
    print(f"{'converter':18s} {'damage':11s} " + " ".join(f"{c:>12s}" for c in cols))
    for conv in convs:
        total: Counter[str] = Counter()
        for kind in [k for c, k in tally if c == conv]:
            t = tally[(conv, kind)]
            total.update(t)
            print(f"{conv:18s} {kind:11s} " + " ".join(f"{t[c]:12d}" for c in cols))
        print(f"{conv:18s} {'ALL':11s} " + " ".join(f"{total[c]:12d}" for c in cols) + "\n")
    worst = [(conv, kind, f, v, w) for conv, kind, f, v, _o, _c, ws in results for w in ws]
    print(f"wrong values ({len(worst)}), first {a.worst}:")
    for conv, kind, f, v, (p, e, g) in worst[: a.worst]:
        print(f"  {conv:16s} {kind:10s} {f} #{v} {p}: expected {e!r}, got {g!r}"[:300])
    crashes = [(conv, kind, f, v, o) for conv, kind, f, v, o, _c, _w in results if o.startswith("CRASH")]
    for conv, kind, f, v, o in crashes[: a.worst]:
        print(f"  {conv:16s} {kind:10s} {f} #{v} {o}")
    if a.out:
        a.out.write_text(json.dumps([[*list(r[:5]), r[5], [list(map(repr, w)) for w in r[6]]] for r in results]))


if __name__ == "__main__":
    main()
