"""The numbered boxes above Table I: who reports, on which issuer, for which period, in what capacity.

The boxes are found by their printed labels ("1. Name and Address of Reporting Person", "(Street)"...),
never by position, so any converter that keeps the words in reading order can be read. The stylesheets
print a value *above* its caption: the name before "(Last) (First) (Middle)", the street before
"(Street)", city/state/zip before "(City) (State) (Zip)". A segment is the text from one label to the next.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date

from ...codes import STATE_BY_NAME, STATE_CODES
from .cells import CHECKED, run_on
from .values import BadValue, parse_date, strip_stars

LABELS: dict[str, str] = {
    "name": r"Name\s+and\s+Address\s+of\s+Reporting\s+Person",
    "issuer": r"Issuer\s+Name\s+(?:and\s+)?Ticker(?:\s+or\s+Trading\s+Symbol)?",
    "foreign": r"(?:2a\.\s*)?Foreign\s+Trading\s+Symbol",
    "irs": r"I\.?R\.?S\.?\s+Identification\s+Number[^\n]*",
    "period": r"Date\s+of\s+Earliest\s+Transaction(?:\s+Required\s+to\s+be\s+Reported)?"
    r"|Statement\s+for\s+(?:Issuer'?s\s+)?Fiscal\s+Year\s+Ended|Date\s+of\s+Event\s+Requiring\s+Statement"
    r"|Statement\s+for\s+Month/(?:Day/)?Year",
    "amend": r"If\s+Amendment,\s+Date(?:\s+of)?\s+Original\s+(?:Filed|Filing)?",
    "rel": r"Relationship\s+of\s+Reporting\s+Person\(?s?\)?\s+to\s+Issuer",
    "joint": r"Individual\s+or\s+Joint/Group\s+(?:Filing|Reporting)",
    "last": r"\(Last\)",
    "street": r"\(Street\)",
    "city": r"\(City\)",
    "country": r"\(Country\)",
}
# The lookahead on the labels' first letters lets the scan skip most positions without trying every
# alternative there (the regex engine finds no literal prefix in an alternation of groups).
_LABEL_RE = re.compile("(?=[nifdsrl2(])(?:" + "|".join(f"(?P<{k}>{v})" for k, v in LABELS.items()) + ")", re.IGNORECASE)


def _lower_literals(pattern: str) -> str:
    """The pattern with its literal letters lower-cased (escapes such as ``\\S`` kept as they are)."""
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        else:
            out.append(pattern[i].lower())
            i += 1
    return "".join(out).replace("(?p<", "(?P<")


# The same labels for lower-cased text: the regex engine scans far faster without IGNORECASE. Lower-
# casing gives what IGNORECASE matches except for the letters only the engine's case folding joins to
# an ASCII one (İ ı ſ; İ also lower-cases to two characters): text holding those is read with _LABEL_RE.
_LABEL_LOW_RE = re.compile(_lower_literals(_LABEL_RE.pattern))
FOLDING = ("\u0130", "\u0131", "\u017f")
#: How each label can begin (lower-cased): the pattern is tried only where one of these stands, found
#: by str.find (a regex scan tries every position of the page's text). A label added above needs its
#: beginnings here; tests/read/rendered/test_boxes.py checks each label's printed spellings.
_LABEL_STARTS = ("name", "issuer", "2a", "foreign", "i.", "ir", "date", "statement", "if", "relationship",
                 "individual", "(last)", "(street)", "(city)", "(country)")  # fmt: skip


def _labels(text: str) -> list[re.Match[str]]:
    """The labels in the text, as ``_LABEL_RE.finditer`` finds them."""
    if any(c in text for c in FOLDING):
        return list(_LABEL_RE.finditer(text))
    low = text.lower()
    starts: list[int] = []
    for word in _LABEL_STARTS:
        at = low.find(word)
        while at >= 0:
            starts.append(at)
            at = low.find(word, at + 1)
    found: list[re.Match[str]] = []
    end = 0
    for at in sorted(starts):
        if at >= end:  # as finditer: the next match starts where the last one ended, or after
            m = _LABEL_LOW_RE.match(low, at)
            if m:
                found.append(m)
                end = m.end()
    return found


# The next box's number ends a segment; html2text glues it to the last word of the value above
# ("ONE COCA-COLA PLAZA3. Date of Earliest Transaction"), so a number right after a letter counts too.
_NUMBER_PREFIX_RE = re.compile(r"(?:^|\s|(?<=[^\W\d_]))\d{1,2}[aA]?\s*\.\s*$")
_CAPTION_RE = re.compile(
    r"\((?:Month/Day/Year|First|Middle|State|Zip(?:/Postal Code)?|Zip Code|Check all applicable|"
    r"Check Applicable Line|voluntary|Print or Type Responses)\)|\(Month/Day/Year\)|\(\*+\)|\*+",
    re.IGNORECASE,
)
_DATE_IN_RE = re.compile(r"\b\d{1,2}/\d{1,2}(?:[-+]\d{2}:\d{2}|Z)?/\d{4}\b|\b\d{4}-\d{2}-\d{2}\b")
_ISSUER_RE = re.compile(r"^(.*?)\s*\[\s*([^\[\]]*?)\s*\]\s*$", re.DOTALL)
_ZIP_RE = re.compile(r"^(?:\d{5}(?:-\d{4})?|[A-Z0-9]{3,4}\s?[A-Z0-9]{3}|\d{3,6})$", re.IGNORECASE)
_ZIP_PART_RE = re.compile(r"^(?=.*\d)[A-Z0-9]{2,4}$")
_MARK = r"(?:\[X\]|(?<![A-Za-z0-9])[Xx✓](?![A-Za-z0-9]))"
_MARK_RE = re.compile(_MARK)
_REL_LABELS = (
    ("director", r"Director"),
    ("ten", r"10\s*%\s*Owner"),
    ("officer", r"Officer\s*\(give\s+title(?:\s+below\))?|Officer(?!\s*\()"),
    ("other", r"Other\s*\(specify\s+below\)|Other(?!\s*\()"),
)


@dataclass
class Header:
    """What the boxes say; ``None`` where the box was not found."""

    form: str | None = None
    name: str | None = None
    street: list[str] = field(default_factory=list)
    city_line: list[str] = field(default_factory=list)
    country: list[str] = field(default_factory=list)
    issuer_name: str | None = None
    ticker: str | None = None
    period: date | None = None
    amend_date: date | None = None
    rel: dict[str, bool] | None = None
    title_text: str | None = None
    unsure: list[str] = field(default_factory=list)  # fields not read: where their text ends is not settled
    found: set[str] = field(default_factory=set)
    notes: list[tuple[str, str, str | None]] = field(default_factory=list)


def segments(text: str) -> dict[str, str]:
    """Label key -> the text after the label up to the next label (first occurrence of each)."""
    hits = [(m.start(), m.end(), m.lastgroup or "") for m in _labels(text)]
    out: dict[str, str] = {}
    for i, (_s, e, key) in enumerate(hits):
        nxt = hits[i + 1][0] if i + 1 < len(hits) else len(text)
        if key not in out:
            chunk = text[e:nxt]
            # (The next box's number ends in "."; the pattern, anchored at the end, is tried only then.)
            out[key] = _without_next_number(chunk) if chunk.rstrip().endswith(".") else chunk
    return out


def _without_next_number(chunk: str) -> str:
    """``_NUMBER_PREFIX_RE.sub("", chunk)`` for a chunk ending in "." (and white space): the pattern
    tried only from where such a number can start, a few characters before the white space before
    that dot (a search from the start tries its look-behind at every character)."""
    k = len(chunk.rstrip()) - 1
    while k > 0 and chunk[k - 1].isspace():
        k -= 1
    m = _NUMBER_PREFIX_RE.search(chunk, max(0, k - 4))
    return chunk if m is None else chunk[: m.start()] + chunk[m.end() :]


_PARTIAL_CAPTION_RE = re.compile(r"^\(?(?:Zip(?:/Postal)?(?:\s+Code)?|Code|Postal\s+Code)\)?$", re.IGNORECASE)


def _lines(seg: str) -> list[str]:
    out = []
    for ln in seg.split("\n"):
        if _PARTIAL_CAPTION_RE.match(ln.strip()):  # a caption wrapped over two lines
            continue
        if "(" in ln or "*" in ln:  # every caption has one
            ln = _CAPTION_RE.sub(" ", ln)
        ln = " ".join(ln.split()).strip(" |")
        if ln:
            out.append(ln)
    return out


#: A date as the boxes print one (box 3's, box 4's): never part of an issuer's name.
_BOX_DATE_RE = re.compile(r"(?<![\w/])\d{1,2}/\d{1,2}/\d{4}(?![\w/])")
#: Box 5's check marks and labels: never in an issuer's name (a broken page moved them into box 2).
_BOX5_WORDS_RE = re.compile(r"__|\b10% Owner\b|\(give title|\(specify below|\(Check all", re.IGNORECASE)


def _lines_before_ticker(lines: list[str]) -> int:
    """How many of box 2's lines hold words of the issuer's name before its "[TICKER]"."""
    for k, ln in enumerate(lines):
        if "[" in ln:
            return k + (0 if ln.startswith("[") else 1)
    return len(lines)


def _first_date(seg: str, where: str, h: Header) -> date | None:
    m = _DATE_IN_RE.search(seg)
    if not m:
        return None
    try:
        return parse_date(m.group(0))
    except BadValue:
        h.notes.append((where, "not a date", m.group(0)))
        return None


_FORM_NUMBER_RE = re.compile(r"(?:^|\s)(?:SEC\s+)?FORM\s+([345])(\s*/\s*A)?(?=\s|$)")
#: The check box's "Form 4 or Form 5 obligations may continue", which Form 4 and Form 5 both print:
#: no form's name.
_BOTH_FORMS = "FORM 4 OR FORM 5"
#: The date box only one form prints, by its label (each stylesheet's, 3_X06 to 5_X09): what tells the
#: form where a converter dropped its name and title as page furniture (trafilatura).
_FORM_BY_DATE_BOX = (
    ("4", re.compile(r"Date\s+of\s+Earliest\s+Transaction", re.IGNORECASE)),
    ("5", re.compile(r"Statement\s+for\s+Issuer\W{1,3}s\s+Fiscal\s+Year\s+Ended", re.IGNORECASE)),
    ("3", re.compile(r"Date\s+of\s+Event\s+Requiring\s+Statement", re.IGNORECASE)),
)
#: The form's SEC number, as each stylesheet prints it under Table I ("SEC 1474 (9-02)").
_FORM_BY_SEC_NUMBER = (
    ("3", re.compile(r"\bSEC\s+1473\s*\(")),
    ("4", re.compile(r"\bSEC\s+1474\s*\(")),
    ("5", re.compile(r"\bSEC\s+2270\s*\(")),
)


# The form's titles, for Latin-1 text: each word in any case, apart by any white space (what the
# words upper-cased and joined by single spaces below would hold). A search each spares building that
# text, which costs several times as much; the form's number alone is read from it (rarely needed).
# (Upper-casing gives ASCII letters from a Latin-1 one only for "ß", which becomes "SS".)
_LATIN1_SPACE = r"[ \t\n\x0b\x0c\r\x1c-\x1f\x85\xa0]+"
_TITLE_RES = tuple(
    (form, re.compile(_LATIN1_SPACE.join(title.split()), re.IGNORECASE | re.ASCII))
    for form, title in (("5", "ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP"),
                        ("3", "INITIAL STATEMENT OF BENEFICIAL OWNERSHIP"),
                        ("4", "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP"))
)  # fmt: skip


def _latin1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def read_form_type(text: str) -> str | None:
    if text.isascii() or ("ß" not in text and _latin1(text)):
        for form, title in _TITLE_RES:
            if title.search(text):
                return form
        if "form" not in text.lower():
            return None
    up = " ".join(text.upper().split())
    if "ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP" in up:
        return "5"
    if "INITIAL STATEMENT OF BENEFICIAL OWNERSHIP" in up:
        return "3"
    if "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP" in up:
        return "4"
    m = _FORM_NUMBER_RE.search(up.replace(_BOTH_FORMS, "")) if "FORM" in up else None
    return m.group(1) if m else None


def form_by_date_box(text: str) -> str | None:
    """The form whose date box's label the boxes' text holds (one form's only), where no title or
    name says it; else the form whose SEC number ("SEC 1474 (9-02)", under Table I: printed on every
    design) it holds, where a converter dropped the boxes too; None where none or more than one form's
    label, or number, is found."""
    found = {form for form, label in _FORM_BY_DATE_BOX if label.search(text)}
    if not found:
        found = {form for form, number in _FORM_BY_SEC_NUMBER if number.search(text)}
    return found.pop() if len(found) == 1 else None


#: A label made of words, digits and white space only: such a label can be searched for lower-cased.
_PLAIN_LABEL_RE = re.compile(r"(?:[A-Za-z0-9%]|\\s[+*])+")


@functools.lru_cache(maxsize=64)
def _plain_label(label: str) -> re.Pattern[str] | None:
    return re.compile(label.lower()) if _PLAIN_LABEL_RE.fullmatch(label) else None


@functools.lru_cache(maxsize=4)
def _lowered(text: str) -> str:
    return text.lower()


def checkbox(text: str, label: str) -> bool | None:
    """Ticked or not, for the check box printed before ``label``; None when the label is absent."""
    low = _plain_label(label)
    if low is not None and not any(c in text for c in FOLDING):
        m = low.search(_lowered(text))  # (a literal start: found at C speed, as IGNORECASE is not)
    else:
        m = re.search(label, text, re.IGNORECASE)
    if not m:
        return None
    before = text[max(0, m.start() - 40) : m.start()]
    line_start = before.rfind("\n", 0, len(before) - 1)
    # Only the mark right before the label counts: the last fragment or the start of the same line.
    tail = before[line_start + 1 :] if line_start >= 0 else before
    near = tail.split("\n")[-2:] if tail.endswith("\n") else tail.split("\n")[-1:]
    return any(_MARK_RE.search(n) for n in near) or CHECKED in " ".join(near)


_REL_RES = [(key, re.compile(pat, re.IGNORECASE)) for key, pat in _REL_LABELS]
_CHECK_ALL_RE = re.compile(r"\(Check all applicable\)", re.IGNORECASE)
_BELOW_RE = re.compile(r"^\s*below\)")
_LABEL_IN_GAP_RE = re.compile(r"Officer\s*\(give|Other\s*\(specify|10%\s*Owner", re.IGNORECASE)


def read_relationship(seg: str) -> tuple[dict[str, bool] | None, str | None]:
    flat = " ".join(seg.split())
    pos: list[tuple[str, int, int]] = []
    start = 0
    for key, rx in _REL_RES:
        m = rx.search(flat, start)
        if not m:
            return None, None
        pos.append((key, m.start(), m.end()))
        start = m.end()
    flags: dict[str, bool] = {}
    prev = 0
    for key, s, e in pos:
        gap = flat[prev:s]
        gap = _CHECK_ALL_RE.sub(" ", gap)
        if prev and _LABEL_IN_GAP_RE.search(gap):
            # A label's full words between two labels found: a label was found too early (box 5's
            # title "Chief Credit Officer" moved above the marks, a broken page): no mark is settled.
            return None, None
        flags[key] = bool(_MARK_RE.search(gap)) or CHECKED in gap or "_X_" in gap
        prev = e
    rest = _BELOW_RE.sub("", flat[prev:])  # "(give title" / "below)" wrapped round "Other"
    title = " ".join(_CAPTION_RE.sub(" ", rest).split()).strip(" |")
    return flags, title or None


def split_city_line(lines: list[str]) -> tuple[str | None, str | None, str | None, bool]:
    """City, state code, zip from the line(s) above "(City) (State) (Zip)"; the flag says "unsure"."""
    if len(lines) >= 3:
        return lines[0], _state_code(" ".join(lines[1:-1])), lines[-1], False
    text = " ".join(lines)
    if not text:
        return None, None, None, False
    words = text.replace(",", ", ").split()
    zip_code: str | None = None
    if len(words) >= 2 and any(c.isdigit() for c in words[-1]):
        zip_code = words.pop()
        # Postal codes with a space ("V5Y 0A1", "SW1A 1AA"): the part before is a code too.
        if len(words) >= 2 and _ZIP_PART_RE.match(words[-1]) and not _state_code(words[-1]):
            zip_code = f"{words.pop()} {zip_code}"
    for n in (3, 2, 1):  # longest state name first: "DISTRICT OF COLUMBIA", "NEW YORK", "CA"
        if len(words) > n - 1:
            cand = " ".join(words[-n:])
            code = _state_code(cand)
            # (A comma standing alone is the join after a city ending in its own: not the state's.)
            if code and cand[0] != "," and (n > 1 or cand.upper() in STATE_CODES or cand.upper() in STATE_BY_NAME):
                return _city(" ".join(words[:-n])), code, zip_code, len(lines) == 1
    return " ".join(words) or None, None, zip_code, True


def _city(text: str) -> str | None:
    """The city before "STATE ZIP", less the one comma the older designs join them with (",&nbsp;",
    made ", " by some converters): a comma before that one is the filer's ("LONDON,, X0 W1K 3JP")."""
    text = text.rstrip(" ")
    if text.endswith(","):
        text = text[:-1].rstrip(" ")
    return text or None


def _state_code(text: str) -> str | None:
    t = " ".join(text.split()).upper().strip(" ,")
    if not t:
        return None
    if t in STATE_CODES:
        return t
    return STATE_BY_NAME.get(t)


def read_header(text: str) -> Header:
    """Read the boxes from the text above Table I (fragments joined by newlines)."""
    h = Header(form=read_form_type(text) or form_by_date_box(text))
    seg = segments(text)
    h.found = set(seg)
    if "name" in seg:
        lines = _lines(seg["name"])
        h.name = strip_stars(" ".join(lines)) or None
        if len(lines) > 1 and "last" not in seg:
            # The "(Last) (First) (Middle)" caption under the name is not on the page (a broken page):
            # the name's lines run on into the street's, and where the name ends is not settled.
            h.notes.append(("reporting_owners[0].name", "no (Last) caption under box 1's name", h.name))
            h.name = None
            h.unsure.append("reporting_owners[0].name")
    if "last" in seg:
        h.street = _lines(seg["last"])
    if "street" in seg:
        h.city_line = _lines(seg["street"])
    if "city" in seg:
        h.country = _lines(seg["city"])
    if "issuer" in seg:
        issuer_lines = _lines(seg["issuer"])
        # (Lines a page broke inside a word go on without a space: "INC /" over "VA/", "COCA-" over "COLA".)
        raw = functools.reduce(run_on, issuer_lines, "")
        m = _ISSUER_RE.match(raw)
        if m and h.name is None and "name" in seg and _lines_before_ticker(issuer_lines) > 1:
            # Box 1's caption with no name after it, box 2's lines under both captions (a flowing text
            # that prints both captions before either value): the first of them may be box 1's name.
            h.notes.append(("issuer", "box 1's name not under its caption: the issuer's lines may start with it", raw))
            h.ticker = m.group(2).strip() or None
        elif m and _BOX_DATE_RE.search(m.group(1)):
            # A date among the name's words ("Newlight Partners LP 08/05/2020 Oak Street Health, Inc."):
            # box 1's and box 3's lines ran into box 2's (a PDF's text); where the name starts is unsure.
            h.notes.append(("issuer", "another box's date in the issuer's name; not read", raw))
            h.ticker = m.group(2).strip() or None
        elif m and _BOX5_WORDS_RE.search(m.group(1)):
            h.notes.append(("issuer", "box 5's marks or labels in the issuer's name; not read", raw))
            h.ticker = m.group(2).strip() or None
        elif m:
            h.issuer_name, h.ticker = m.group(1).strip() or None, m.group(2).strip() or None
        elif raw:
            # Every design prints "NAME [TICKER]" (an empty ticker as "[ ]"): without it, the box's
            # text ran into other boxes' (a text browser's dump) and where the name ends is unsure.
            h.notes.append(("issuer", "no [ticker] after the issuer name; not read", raw))
    if "period" in seg:
        h.period = _first_date(seg["period"], "period_of_report", h)
    if "amend" in seg:
        h.amend_date = _first_date(seg["amend"], "date_of_original_submission", h)
    if "rel" in seg:
        h.rel, h.title_text = read_relationship(seg["rel"])
        if h.title_text and "last" not in seg:
            # Box 1's "(Last) (First) (Middle)" caption, which ends the title's text, is not on the page
            # (a broken page): the text runs on into the next box (box 1's street), so it is no title.
            h.notes.append(("reporting_owners[0].relationship", "no (Last) caption to end box 5's title", h.title_text))
            officer, other = (h.rel["officer"], h.rel["other"]) if h.rel is not None else (True, True)
            keys = ("officer_title",) * (officer or not other) + ("other_text",) * other
            h.title_text = None
            h.unsure.extend(f"reporting_owners[0].relationship.{k}" for k in keys)
    return h
