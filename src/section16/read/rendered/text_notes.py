"""Footnotes in laid-out text: each note's number "(1)" stands beside its text (on the note's first
line, or alone, centred beside its lines), so a note is the run of lines centred on its number; where
two numbers' runs cannot be told apart, or a note may go on past what the page shows, the notes are
not settled and are said missing. Used by :mod:`.text`."""

from __future__ import annotations

import bisect
import re

from .browser_notes import grid_notes
from .cells import CLIPPED, UNSETTLED, Doc
from .text_lines import _is_rule, chunks
from .value_guards import dangles

_FN_ANCHOR_RE = re.compile(r"^\(?(\d{1,3})\)?[.:]?$|^\((\d{1,3})\)\s+\S")
_ENDS_SENTENCE_RE = re.compile(r"[.)\]\"'”;:!?]\s*$")
#: The letters a line that ends a sentence ends with (before blanks): what ``_ENDS_SENTENCE_RE`` finds.
_SENTENCE_STOPS = frozenset(".)]\"'”;:!?")
_TRAILING_DATE_RE = re.compile(r"^(.*\S)\s(\d{1,2}/\d{1,2}/\d{4})$")


def _footnote_rows(lines: list[str], begin: int, end: int, grid: bool = False) -> Doc:
    """Footnotes: "(1)" may stand on a line of its own, centred beside the lines of its text. ``grid``:
    a text browser laid them on its grid of characters (:mod:`.browser_notes`)."""
    anchors: list[tuple[int, str]] = []
    texts: dict[int, list[str]] = {}
    xs: dict[int, int] = {}
    left = min((len(ln) - len(ln.lstrip()) for ln in lines[begin:end] if ln.strip()), default=0)
    for i in range(begin, end):
        if _is_rule(lines[i]):
            continue
        cs = chunks(lines[i], i)
        if not cs or not lines[i].strip():  # (a line of no-break spaces is blank too)
            continue
        xs[i] = cs[0].x
        m = _FN_ANCHOR_RE.match(cs[0].text)
        if m and cs[0].x <= left + 3:
            anchors.append((i, m.group(1) or m.group(2)))
            rest = cs[0].text[m.end() - 1 :].strip() if m.group(2) else ""
            texts[i] = ([rest] if rest else []) + [c.text for c in cs[1:]]
        else:
            texts[i] = [c.text for c in cs]
    anchors = _drop_drawn_captions(anchors, texts, lines)
    if not anchors:
        return _unnumbered(texts)
    anchors, drawn_unsettled, drawn = _after_lead_notes(anchors, texts)
    if not anchors:
        return _unnumbered(texts)
    rows: list[list[str]] = [[f"({fid})"] for _i, fid in anchors]
    lead: list[list[str]] = []
    idx = [a for a, _f in anchors]
    body: list[int] = []
    captions = _caption_lines(texts, idx[0])
    for i, t in sorted(texts.items()):
        if i < idx[0] and _LEAD_NOTE_RE.match(" ".join(t)):
            lead.append([" ".join(t)])
            continue
        if i < idx[0] and lead and _lead_goes_on(lead, " ".join(t)):
            continue
        if i in captions:
            continue
        if t:
            body.append(i)
    # A footnote's text fills its lines but the last: a short line ending a sentence ends it.
    # (Each line stripped once, its last letter looked at: the pattern searched over a wide page's
    # padded lines is tried at each of their positions.)
    bare = {i: lines[i].rstrip() for i in body}
    width = max((len(b) for b in bare.values()), default=0)
    ends = {i for i, b in bare.items() if len(b) < 0.8 * width and b[-1:] in _SENTENCE_STOPS}
    order = sorted(texts)  # (the line after each number: the next line holding text, found by bisection)
    after = {a: order[k] if (k := bisect.bisect_right(order, a)) < len(order) else None for a in idx}
    unsettled: set[int] = set()
    laid = grid_notes(lines, body, idx) if grid else None
    if laid is not None:
        of_line, unsettled = laid
    elif all(texts[a] or (after[a] is not None and after[a] not in idx) for a in idx) and all(
        i >= idx[0] and (i in idx or xs[i] <= xs[idx[0]]) for i in body
    ):
        # Flowing text (a text browser's dump, a PDF library's plain text): each number starts its
        # note's first line or stands on the line above it, and the note's further lines stand flush
        # with the number, not beside it: a note runs to the next.
        of_line = {i: bisect.bisect_right(idx, i) - 1 for i in body}  # (the last number at or above it)
        # (Every number alone on its line, over its note's lines: no number stands beside a middle line.)
        # (Text in the order it was drawn, ``drawn``, sets a number alone where the PDF drew it: it may be
        # centred beside its note's middle line, as pdftotext's "(2)" under "... Mr. Botha is an indirect".)
        unsettled = _unsettled_notes(lines, body, idx) if drawn or any(texts[a] for a in idx) else set()
        # A short line ending a sentence ends a paragraph: inside a note's run, with more of the run
        # below it, it may end the note, whose next note's number stands beside its middle line
        # ("(1) The Elon Musk Revocable Trust ... trustee." / "Effective April 8, 2013, ..." /
        # "(2)" / "The option award ..."): the note and the next are not settled.
        wrapped = sorted(len(b) for b in bare.values() if b[-1:] not in _SENTENCE_STOPS)
        full = wrapped[len(wrapped) // 2] if wrapped else width  # (a wrapped line's usual length)
        for i in (i for i in ends if len(bare[i]) < 0.6 * full):  # (well short of the lines: no wrap)
            if i in of_line and any(of_line.get(j) == of_line[i] for j in body if j > i):
                unsettled.update(n for n in (of_line[i], of_line[i] + 1) if n < len(idx))
    elif any(not texts[a] and (after[a] is None or after[a] in idx) for a in idx) and all(
        xs[i] <= xs[idx[0]] for i in body
    ):
        of_line, unsettled = _notes_apart(body, idx, texts)
    else:
        open_ends = {i for i, b in bare.items() if b[-1:] not in _SENTENCE_STOPS}
        stops = {i for i, b in bare.items() if _STOP_RE.search(b)}  # (a line cut at the edge ends in CLIPPED)
        # Full lines stopping mid-sentence: no note ends on one, but where the next note says it goes
        # on ("(continued from footnote 2) ...").
        firsts = {i for i in body if _CONTINUED_RE.match(" ".join(texts[i]))}
        run_on = {
            i for i, b in bare.items()
            if len(b) >= 0.8 * width and i not in stops
            and (k := bisect.bisect_right(order, i)) < len(order) and order[k] not in firsts
        }  # fmt: skip
        goes_on = {
            k for k, a in enumerate(idx)
            if _CONTINUED_RE.match(" ".join(texts[a] or texts.get(after[a] or -1, [])))
        }  # fmt: skip
        of_line = _footnote_of_lines(
            body, idx, {i for i in idx if not texts[i]}, ends, open_ends, unsettled=unsettled, stops=stops,
            run_on=(run_on, goes_on), firsts=firsts,
        )  # fmt: skip
        unsettled |= _after_dangling(of_line, texts, len(rows))
    unsettled |= drawn_unsettled
    if _before_form_note(lines, begin, end, texts):
        unsettled = set(range(len(rows)))
    # A line of a table's cells alone ("$0", "5,000", "D": pdftotext without -layout draws Table II's
    # last cells after the notes) is no note's: the note it ran into is not settled.
    unsettled |= {k for i, k in of_line.items() if texts[i] and _CELLS_LINE_RE.match(" ".join(texts[i]))}
    for i, k in of_line.items():
        rows[k].append(" ".join(texts[i]))
    return lead + [[f"{r[0]} {_join_lines(r[1:])}{UNSETTLED if k in unsettled else ''}"] for k, r in enumerate(rows)]


def _after_dangling(of_line: dict[int, int], texts: dict[int, list[str]], count: int) -> set[int]:
    """The notes after a note whose last line ends in a word that ends no text ("... Messrs. Royan
    and"): its numbers centred beside their notes' middle lines, the parting took its further lines
    for the next note's first ("(3) Thiel are ..."), which is not settled either."""
    last: dict[int, int] = {}
    for i, k in of_line.items():
        last[k] = max(last.get(k, i), i)
    return {k + 1 for k, i in last.items() if k + 1 < count and dangles(" ".join(texts[i]))}


def _before_form_note(lines: list[str], begin: int, end: int, texts: dict[int, list[str]]) -> bool:
    """Do the section's lines hold the form's own "*" note but not its "**" note, which the page prints
    further on? The filer's notes follow the form's "**" note: what a text in drawn order sets between
    the two (pdftotext without -layout: a row's cells "Class A" / "Common 2,731.00" / "Stock" / "(1)")
    is no note the page settles."""
    if not any(_LEAD_NOTE_RE.match(" ".join(t)) for t in texts.values()):
        return False
    if any(_FORM_NOTE_RE.match(lines[i].strip()) for i in range(begin, end)):
        return False
    return any(_FORM_NOTE_RE.match(ln.strip()) for ln in lines[end:])


#: A note that says it goes on from the one before ("(continued from footnote 2) and ...", "(cont'd)").
_CONTINUED_RE = re.compile(r"^\((?:continued\s+from\b|cont\W{1,3}d\))", re.IGNORECASE)

#: A line holding a table's cells only: amounts, prices, dates, a lone D or I, footnote marks.
_CELLS_LINE_RE = re.compile(
    r"^(?:(?:\$\s?)?\d[\d,]*(?:\.\d+)?|\d{1,2}/\d{1,2}/\d{4}|[DI]|\(\d{1,3}\))"
    r"(?:\s+(?:(?:\$\s?)?\d[\d,]*(?:\.\d+)?|\d{1,2}/\d{1,2}/\d{4}|[DI]|\(\d{1,3}\)))*$"
)


def _unnumbered(texts: dict[int, list[str]]) -> Doc:
    """The notes' section's lines when no note's number opens one. The form prints every note with its
    number, so text there without one is no note the page settles (pdftotext without -layout draws
    the signature block's "X", "Title", "(D)" there, and the notes under the form's own, after Table
    II's cells): each line is given as an unsettled note, listed missing rather than read as notes
    1, 2, 3. (The form's own "*" and "**" notes stay as they are: the form reader knows them.)"""
    return [
        [" ".join(t) + ("" if _LEAD_NOTE_RE.match(" ".join(t)) else UNSETTLED)] for _i, t in sorted(texts.items()) if t
    ]


#: The form's own notes' first words ("*", "**", their text), before the filer's first number.
_LEAD_NOTE_RE = re.compile(r"^\*{1,2}(\s|$)|^(?:If the form is filed|Intentional misstatements)")


def _after_lead_notes(
    anchors: list[tuple[int, str]], texts: dict[int, list[str]]
) -> tuple[list[tuple[int, str]], set[int], bool]:
    """Flowing text of a PDF (pdftotext without -layout) keeps the words in the order they were drawn:
    Table II's last captions and a row's cells ("(Instr. 3, 4, and" / "5)", "$0" / "838,996" / "D")
    may stand in the notes' section, before the form's own notes ("*", "**"), which the filer's notes
    follow. Where the form's "**" note stands before a number "(1)", what stands before that note is
    the form's, not a note's: its numbers are no notes' (taken out of ``anchors``) and its lines
    (taken out of ``texts``). Lines after the form's notes but before the first number, in more than
    one paragraph (parted by blank lines), may be a cell's or the first note's (its number centred
    beside its middle line): the first note is then not settled (in the set returned), and so is
    every note where the numbers after the form's note do not run 1, 2, 3 ... (a row's marks "(1)",
    "(2)", a cell's "0" drawn there too). The bool tells that the text is in such drawn order (the
    form's notes before the first number)."""
    lead_end = max((i for i, t in texts.items() if _FORM_NOTE_RE.match(" ".join(t))), default=None)
    later = [a for a in anchors if lead_end is not None and a[0] > lead_end]
    if lead_end is None or not later or later[0][1] != "1":
        return anchors, set(), False
    for i in [i for i, t in texts.items() if i < lead_end and not _LEAD_NOTE_RE.match(" ".join(t))]:
        del texts[i]
    before = sorted(i for i, t in texts.items() if lead_end < i < later[0][0] and t)
    starts = [i for k, i in enumerate(before) if i != (before[k - 1] if k else lead_end) + 1]
    if [a[1] for a in later] != [str(k) for k in range(1, len(later) + 1)]:
        return later, set(range(len(later))), True
    return later, {0} if len(starts) > 1 else set(), True  # (a run right under "**" may be its wrapped end)


def _drop_drawn_captions(
    anchors: list[tuple[int, str]], texts: dict[int, list[str]], lines: list[str]
) -> list[tuple[int, str]]:
    """Table II's last captions drawn after the form's "**" note, in text kept in drawn order
    ("8. Price of 9. Number of 10." / "11. Nature" / ... "(Instr. 4)"): a paragraph (lines parted by
    blank lines) after that note holding "(Instr. N", and no number in brackets as the filer's notes'
    are, is the form's, no note (read before as notes 8 and 11). Taken out of ``texts``; the anchors
    left are returned."""
    lead_end = max((i for i, t in texts.items() if _FORM_NOTE_RE.match(" ".join(t))), default=None)
    if lead_end is None:
        return anchors
    after = sorted(i for i in texts if i > lead_end)
    paras = [[i] for i in after[:1]]
    for i in after[1:]:
        if i == paras[-1][-1] + 1:
            paras[-1].append(i)
        else:
            paras.append([i])
    at = dict(anchors)
    for para in paras:
        if any(_CAPTION_RE.search(" ".join(texts[i])) for i in para) and not any(
            i in at and lines[i].lstrip().startswith("(") for i in para
        ):
            anchors = [a for a in anchors if a[0] not in para]
            for i in para:
                del texts[i]
    return anchors


#: The form's second note ("** Intentional misstatements ..."), which the filer's notes follow.
_FORM_NOTE_RE = re.compile(r"^(?:\*\*\s*)?Intentional misstatements")


def _caption_lines(texts: dict[int, list[str]], first: int) -> set[int]:
    """The lines before the first note's number of a paragraph (lines parted from others by blank
    lines) holding a column's caption "(Instr. 4)": the form's own words, set among the notes by a
    PDF library that keeps the page's text in the order it was drawn (pdftotext without -layout
    prints Table II's last captions there), not a note's."""
    out: set[int] = set()
    para: list[int] = []
    for i in [*sorted(k for k in texts if k < first), first]:
        if para and i != para[-1] + 1:
            if any(_CAPTION_RE.search(" ".join(texts[k])) for k in para):
                out.update(para)
            para = []
        para.append(i)
    return out


_CAPTION_RE = re.compile(r"\(Instr\. \d")


def _notes_apart(body: list[int], idx: list[int], texts: dict[int, list[str]]) -> tuple[dict[int, int], set[int]]:
    """Flowing text whose numbers stand apart from their notes, two or more in a row with no text
    between ("(2)" / "(3)" / "(4)" after or before the notes' paragraphs: a PDF library that gives the
    numbers' column and the notes' column each as a block). A number opening a line of text keeps
    that paragraph; the other numbers go to the other paragraphs (parted by blank lines) in order,
    only where there are as many of each; otherwise no note is settled. Returns each text line's
    note and the unsettled notes."""
    k_of = {a: k for k, a in enumerate(idx)}
    of_line: dict[int, int] = {}
    paras: list[list[int]] = []
    cur: int | None = None  # the note of the paragraph being read (None: a paragraph of no number)
    last: int | None = None
    for i in sorted({*body, *idx}):
        if i in k_of:
            cur = k_of[i] if texts[i] else None
            if texts[i]:
                of_line[i] = k_of[i]
            last = i if texts[i] else None
            continue
        if last is not None and i == last + 1:  # (no blank line between: the same paragraph)
            if cur is not None:
                of_line[i] = cur
            else:
                paras[-1].append(i)
        else:
            cur = None
            paras.append([i])
        last = i
    bare = [k for k, a in enumerate(idx) if not texts[a]]
    if len(bare) != len(paras):
        return of_line, set(range(len(idx)))
    for k, para in zip(bare, paras, strict=True):
        of_line.update((i, k) for i in para)
    return of_line, set()


#: A sentence's stop and the quotes or brackets closing it (a line ending in "(DE)" stops no sentence;
#: nor does one ending in a title before a name: "... affiliates of HCA Inc. founder Dr." over "Thomas
#: F. Frist Jr.", where pypdf's layout text set the next note's number beside the note's middle line).
_STOP_RE = re.compile(r"(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)[.!?][\"'\u201d\u2019)\]]*\s*$")


def _unsettled_notes(lines: list[str], body: list[int], idx: list[int]) -> set[int]:
    """In flowing text, the notes whose bounds the page does not settle: a number on its own line or
    opening a line, right under a line that is no number's and stops mid-sentence, may be centred
    beside its note (a PDF library keeps the lines in the page's order, the number beside the middle
    line: "... Delivery of the shares ... to the" / "(3)" / "Board of Directors."), or that line ends
    a note the paper's edge cut: where the note above ends and this one starts is not shown. Both
    notes are listed missing, not read. So where the lines right above a number are a paragraph of
    their own, after a blank line that parts them from the note above's text ("... Common Stock." /
    "" / "Represents shares held by ... Mr." / "(2) Sacks disclaims ..."): they may be either
    note's."""
    out: set[int] = set()
    lines_of = set(body)
    for k in range(1, len(idx)):
        below = bisect.bisect_left(body, idx[k])  # (body is in the page's order: the last line above)
        prev = body[below - 1] if below else None
        if prev is None or prev in idx:
            continue
        if not _STOP_RE.search(lines[prev].replace(CLIPPED, "").rstrip()):
            out.update((k - 1, k))
            continue
        start = prev
        while start - 1 in lines_of:
            start -= 1
        if prev == idx[k] - 1 and start - 1 != idx[k - 1] and any(idx[k - 1] <= i < start - 1 for i in body):
            out.update((k - 1, k))
    return out


_BROKEN_AFTER_HYPHEN_RE = re.compile(r"[A-Za-z0-9]-$")
_BROKEN_AT_SLASH_RE = re.compile(r"\w/$")


def _join_lines(parts: list[str]) -> str:
    """A footnote's lines as one text: a word the page broke after its hyphen ("worst-" over
    "performing") or at a slash is one word again."""
    out = ""
    for p in parts:
        if out and _BROKEN_AFTER_HYPHEN_RE.search(out) and p[:1].isalnum():
            out += p
        elif out and (_BROKEN_AT_SLASH_RE.search(out) or (p[:1] == "/" and out[-1:].isalnum())):
            out += p  # a browser breaks a line at a "/" ("12/31/" over "2019", "12" over "/31/2019")
        else:
            out = f"{out} {p}" if out else p
    return out


def _run_has_number(i: int, lines: set[int], numbers: set[int], cut: set[int]) -> bool:
    """Whether the run of consecutive ``lines`` starting at line ``i`` (ending at a line of ``cut``)
    holds a footnote's number."""
    while i in lines:
        if i in numbers:
            return True
        if i in cut:
            return False
        i += 1
    return False


#: The form's own notes, printed before the filer's footnotes (after "*" and "**").
_LEAD_NOTES = (
    "If the form is filed by more than one reporting person, see Instruction 4(b)(v).",
    "Intentional misstatements or omissions of facts constitute Federal Criminal Violations. See 18 U.S.C. 1001 "
    "and 15 U.S.C. 78ff(a).",
)


def _lead_goes_on(lead: list[list[str]], line: str) -> bool:
    """The line is the rest of one of the form's own notes, wrapped ("... and 15 U.S.C." over "78ff(a)."):
    joined to it in ``lead`` (else it would be read as the first footnote's text)."""
    k = next((k for k in range(len(lead) - 1, -1, -1) if not re.fullmatch(r"\*{1,2}", lead[k][0].strip())), None)
    if k is None:
        return False
    joined = " ".join(f"{lead[k][0]} {line}".lstrip("* ").split())
    if not any(n.startswith(joined) for n in _LEAD_NOTES):
        return False
    lead[k] = [f"{lead[k][0]} {line}"]
    return True


def _footnote_of_lines(
    body: list[int],
    idx: list[int],
    alone: set[int],
    ends: set[int] | None = None,
    open_ends: set[int] | None = None,
    unsettled: set[int] | None = None,
    stops: set[int] | None = None,
    run_on: tuple[set[int], set[int]] | None = None,
    firsts: frozenset[int] | set[int] = frozenset(),
) -> dict[int, int]:
    """Which footnote each text line belongs to. Where blank lines part the footnotes (one number in
    each run of lines), the runs are the footnotes; so where the short last lines of paragraphs do
    (``ends``). Otherwise a page printed from HTML centres the number "(1)" beside its text, so each
    footnote is the run of lines whose middle is its number. A run of no number after blank lines
    goes on the run before where that one stops mid-sentence (``open_ends``): a page break cut the
    note (its number stands on the first page's part). Where the numbers' places fit more than one
    parting of the lines (:func:`_centred`), the notes they do not agree on are added to
    ``unsettled`` (when given); ``stops``: the lines ending a sentence; ``run_on``: the full lines
    stopping mid-sentence, and the notes that say they go on from the one before: a note of another
    ending there is added to ``unsettled``, with the next; ``firsts``: lines that open a note ("(continued
    from footnote 2) ..."), which no parting takes into the note above."""
    del alone  # a number on a line of its own is centred like any other
    numbers = set(idx)
    note_lines = {*body, *idx}
    for cut in (set(), ends or set()):
        runs: list[list[int]] = []
        for i in sorted(note_lines):
            if runs and i == runs[-1][-1] + 1 and runs[-1][-1] not in cut:
                runs[-1].append(i)
            elif (
                runs
                and open_ends
                and runs[-1][-1] in open_ends
                and runs[-1][-1] not in cut
                and any(a in numbers for a in runs[-1])
                and not _run_has_number(i, note_lines, numbers, cut)
            ):
                runs[-1].append(i)  # (the note goes on past a page break)
            else:
                runs.append([i])
        with_number = [[a for a in idx if r[0] <= a <= r[-1]] for r in runs]
        if all(len(n) == 1 for n in with_number):
            if unsettled is not None and open_ends:
                # A note stopping mid-sentence before a run whose number stands below its first line
                # (a page break between: "... held by" / "Hercules. However, ..." / "... the Thomas" /
                # "(2) F. Frist III ..."): the run's first lines may end the note above.
                for k in range(1, len(runs)):
                    a, b = idx.index(with_number[k - 1][0]), idx.index(with_number[k][0])
                    if _runs_on(runs[k - 1][-1], b, run_on) and with_number[k][0] != runs[k][0]:
                        unsettled.update((a, b))
            return {i: idx.index(n[0]) for r, n in zip(runs, with_number, strict=True) for i in r if i in body}
        if cut and all(with_number):
            # The short last lines of paragraphs part the footnotes but where one ends in a full
            # line (a run holding two numbers): only such a run is parted by where its numbers stand.
            out: dict[int, int] = {}
            for r, n in zip(runs, with_number, strict=True):
                inner = [i for i in r if i in body]
                ties: set[int] | None = set() if unsettled is not None else None
                for i, k in _centred(inner, n, ties, stops, _shifted(run_on, idx.index(n[0])), firsts).items():
                    out[i] = idx.index(n[k])
                if unsettled is not None and ties:
                    unsettled.update(idx.index(n[k]) for k in ties)
            return out
    return _centred(body, idx, unsettled, stops, run_on, firsts)


def _runs_on(line: int, nxt: int, run_on: tuple[set[int], set[int]] | None) -> bool:
    """Does a note ending on ``line`` stop mid-sentence on a full line, the next note (``nxt``) not
    saying it goes on from it?"""
    return run_on is not None and line in run_on[0] and nxt not in run_on[1]


def _shifted(run_on: tuple[set[int], set[int]] | None, first: int) -> tuple[set[int], set[int]] | None:
    """``run_on`` for a run of the notes whose first is note ``first`` (its notes counted from 0)."""
    return None if run_on is None else (run_on[0], {k - first for k in run_on[1]})


def _centred(
    body: list[int],
    idx: list[int],
    unsettled: set[int] | None = None,
    stops: set[int] | None = None,
    run_on: tuple[set[int], set[int]] | None = None,
    firsts: frozenset[int] | set[int] = frozenset(),
) -> dict[int, int]:
    """A page printed from HTML centres the number "(1)" beside its text: each footnote (the k-th
    number of ``idx``) is the run of lines whose middle is its number. ``unsettled`` (when given)
    gets the notes whose lines the numbers' places do not settle (:func:`_centred_partings`)."""
    out = _nearest_centred(body, idx)
    if unsettled is None or not body or not idx:
        return out
    settled = _centred_partings(body, idx, None)
    if settled is None:
        if body[0] == idx[0] and all(a in body for a in idx[1:]) and idx == sorted(set(idx)):
            # No parting centres every number, and each opens a line of its note's text, the first
            # the first line: each note runs from its number to the next (a print that sets a
            # number at its note's top: "(2) The trustees ..." over its further lines).
            return {i: bisect.bisect_right(idx, i) - 1 for i in body}
        return out  # (no parting centres every number: the page does not set them so)
    if firsts:
        # A line saying its note goes on from the one before opens that note: of the partings, those
        # where it does (none: the numbers are set off their notes' middles, and the partings weighed
        # below stand).
        pinned = _centred_partings(body, idx, None, firsts)
        if pinned is not None:
            settled = pinned
            if all(len(ks) == 1 for ks in settled):
                out = {i: next(iter(ks)) for i, ks in zip(body, settled, strict=True)}
    if any(len(ks) > 1 for ks in settled):
        stopped = _centred_partings(body, idx, stops, firsts) if stops is not None else None
        if stopped is not None and all(len(ks) == 1 for ks in stopped):
            # One parting alone ends every note but the last on a line ending a sentence: that one.
            return {i: next(iter(ks)) for i, ks in zip(body, stopped, strict=True)}
        unsettled.update(k for ks in settled if len(ks) > 1 for k in ks)
    elif run_on is not None:
        # One parting centres every number, but a note of it ends mid-sentence on a full line: a
        # number set off its note's middle (pypdf's "(1)" beside the first of three lines, "...
        # founder Dr." / "Thomas F. Frist Jr. ... held by" / "Hercules. ... therein.") fits a parting
        # of the wrong lines. That note and the next are not settled.
        last = {next(iter(ks)): i for i, ks in zip(body, settled, strict=True)}
        unsettled.update(j for k in range(len(idx) - 1) if _runs_on(last.get(k, -1), k + 1, run_on) for j in (k, k + 1))
    return out


def _centred_partings(
    body: list[int], idx: list[int], stops: set[int] | None, firsts: frozenset[int] | set[int] = frozenset()
) -> list[set[int]] | None:
    """For each line of ``body``, the notes it belongs to in some parting of the lines into notes
    where each note's lines hold its number's line (the k-th of ``idx``) and are centred on it to
    half a line: a note of an even count of lines has its number on either middle line, as
    converters round the number's place up or down (pypdf's layout up, "(2)" beside the second of
    four lines), but for a number on a line of its own amid its note's lines (a grid finer than the
    lines: centred exactly). None where no parting fits. With ``stops``, only partings whose every note but the
    last ends on a line of ``stops`` (a sentence's end). No note holds a line of ``firsts`` but as its first."""
    n, m = len(idx), len(body)

    lines = set(body)
    # (A number on a line of its own between two lines of text: the layout's grid is finer than the
    # lines, "(4)" between the third and fourth of six, and centres every number exactly.)
    finer = any(a not in lines and a - 1 in lines and a + 1 in lines for a in idx)

    def fits(k: int, p: int, q: int) -> bool:
        a = idx[k]
        off = 0 if finer or (a not in lines and body[p] < a < body[q]) else 1
        return (
            body[p] <= a <= body[q]
            and abs(body[p] + body[q] - 2 * a) <= off
            and (stops is None or k == n - 1 or body[q] in stops)
            and not (firsts and any(body[j] in firsts for j in range(p + 1, q + 1)))
        )

    # spans[k]: note k's (first, last) lines, from each start a parting of the notes before reaches.
    reach: list[set[int]] = [set() for _ in range(n + 1)]
    reach[0].add(0)
    spans: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for k in range(n):
        for p in sorted(reach[k]):
            for q in range(p, m):
                if body[p] + body[q] - 2 * idx[k] > 1:  # (centred below the number: longer runs neither)
                    break
                if fits(k, p, q) and (k < n - 1 or q == m - 1):
                    spans[k].append((p, q))
                    reach[k + 1].add(q + 1)
    if m not in reach[n]:
        return None
    # Keep only the spans on a whole parting (walking back from the last line).
    alive = {m}
    kept: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for k in range(n - 1, -1, -1):
        kept[k] = [(p, q) for p, q in spans[k] if q + 1 in alive]
        alive = {p for p, _q in kept[k]}
    if 0 not in alive:
        return None
    owners: list[set[int]] = [set() for _ in range(m)]
    for k in range(n):
        for p, q in kept[k]:
            for j in range(p, q + 1):
                owners[j].add(k)
    return owners


def _nearest_centred(body: list[int], idx: list[int]) -> dict[int, int]:
    """Each footnote as the run of lines whose middle is nearest its number (the first such end)."""
    out: dict[int, int] = {}
    p = 0
    for k, a in enumerate(idx):
        if p >= len(body):
            break
        if k == len(idx) - 1:
            end = len(body) - 1
        else:
            nxt, start = idx[k + 1], body[p]
            end = p
            best = None
            for j in range(p, len(body)):
                if body[j] >= nxt:
                    break
                if body[j] < a:
                    continue
                d = abs((start + body[j]) / 2 - a)
                if best is None or d < best - 1e-9:
                    best, end = d, j
        for j in range(p, end + 1):
            out[body[j]] = k
        p = end + 1
    return out
