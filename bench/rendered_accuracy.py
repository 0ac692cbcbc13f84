"""How well are rendered filings read? Render each corpus XML with the SEC stylesheets, convert the page
to each format, read it back and compare with the XML reading field by field.

    python bench/rendered_accuracy.py                 # every converter on PATH, whole corpus
    python bench/rendered_accuracy.py --limit 100 --converters html,markdownify
    python bench/rendered_accuracy.py --sample 40     # slow converters (pandoc, PDF) on 40 filings

Prints accuracy per format and per converter, per field, the worst misses, and the median
milliseconds per rendered filing for reading, against the XML reading of the same filings
(the baseline, measured in the same run). Times are CPU time of the reading process
(``time.process_time``), so other work on a shared machine does not count.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

from render_pages import CONVERTERS, HELD_OUT, XSL_DIR, available, cached, render_html, stylesheet_name

import section16
from section16.errors import ParseError
from section16.model import DerivativeHolding, DerivativeTransaction, Filing, Value
from section16.read import parse_bytes
from section16.read.rendered.compare import _generic, _is_missing, compare

_Deriv = TypeVar("_Deriv", DerivativeTransaction, DerivativeHolding)
ROOT = Path(__file__).resolve().parents[1]
SLOW = {"pandoc-gfm", "pandoc-plain", "chromium-pdf", "weasyprint-pdf", "pdftotext-layout", *HELD_OUT}


def corpus_files() -> list[Path]:
    shared = ROOT.parent / "shared" / "corpus" / "xml"
    folder = shared if shared.is_dir() else ROOT / "tests" / "fixtures" / "xml"
    return sorted(folder.glob("*.xml"))


# Some stylesheets print an empty cell for a conversion price that has no value, footnote or not
# (5_X06 to 5_X09: ``count(conversionOrExercisePrice/value)=0 or ...`` -> &#160;). Such a footnote mark
# is not on the page, so it is not a field the page shows: it is left out of the expectation. Decided
# from the stylesheet's own text, so a stylesheet that prints the mark keeps it counted.
_HIDES_BARE_PRICE_NOTE = "count(conversionOrExercisePrice/value)=0 or"


def shown(ref: Filing) -> Filing:
    """The XML reading as the SEC page can show it."""
    xsl = (XSL_DIR / stylesheet_name(ref.document_type, ref.schema_version)).read_text()
    if _HIDES_BARE_PRICE_NOTE not in xsl:
        return ref

    def bare(rows: tuple[_Deriv, ...]) -> tuple[_Deriv, ...]:
        out = []
        for r in rows:
            price = r.conversion_or_exercise_price
            if price.value is None and price.footnote_ids:
                r = replace(r, conversion_or_exercise_price=Value(None, ()))
            out.append(r)
        return tuple(out)

    return replace(
        ref,
        derivative_transactions=bare(ref.derivative_transactions),
        derivative_holdings=bare(ref.derivative_holdings),
    )


Row = tuple[str, str, float, list[tuple[str, object, object]], frozenset[str], str | None]


def one(args: tuple[Path, list[str], Path | None]) -> list[Row]:
    """Each converter's reading of one filing: (converter, format, ms, fields, declared, error).

    ``fields`` are all the fields the page shows, as (path, expected, got): what the SEC page itself
    cannot show (CIKs, schema version, a row's form type; the HTML reading's ``missing``) is left out,
    but nothing else. A field the reading says it could not read counts as a miss, and is listed in
    ``declared``; a page refused counts every field it shows as a miss.
    """
    path, convs, cache = args
    data = path.read_bytes()
    ref = section16.parse(data)
    html = render_html(data, ref.document_type, ref.schema_version)
    ref = shown(ref)
    page_missing = parse_bytes(html.encode(), path.name).missing  # what no rendering of this page shows
    every: list[tuple[str, object, object]] = [(p, e, None) for p, e, _ in compare(ref, ref, missing=page_missing)]
    out: list[Row] = []
    for name in convs:
        fmt, _conv = CONVERTERS[name]
        try:
            page = cached(name, html, cache)
        except Exception as e:  # a converter failing is the converter's problem, reported apart
            out.append((name, fmt, 0.0, [], frozenset(), f"converter failed: {e}"))
            continue
        blob = page if isinstance(page, bytes) else page.encode()
        t0 = time.process_time()
        try:
            got = parse_bytes(blob, path.name)
        except ParseError as e:
            out.append((name, fmt, (time.process_time() - t0) * 1000, every, frozenset(), f"ParseError: {e}"))
            continue
        except Exception as e:  # a crash is a bug: reported, and counted as misses
            out.append((name, fmt, 0.0, every, frozenset(), f"ParseError: CRASH {type(e).__name__}: {e}"))
            continue
        ms = (time.process_time() - t0) * 1000
        fields = compare(ref, got, missing=page_missing)
        declared = frozenset(p for p, e, g in fields if e != g and _is_missing(p, got.missing))
        out.append((name, fmt, ms, fields, declared, None))
    return out


#: Converters whose page is a PDF, or text taken from one: the PDF the fields are looked for in.
_PDF_OF = {
    "pdftotext-layout": "chromium-pdf",
    "pdftotext-raw": "chromium-pdf",
    "pypdf-plain": "chromium-pdf",
    "pdftotext-layout-dejavu": "chromium-pdf-dejavu",
}
#: A text is printed when at most this many of its pieces (of this many characters, spaces left out)
#: are not found in the PDF's text: one piece may straddle a page break (the foot and head between).
_PIECE, _PIECES_MISSED = 30, 1


def unprinted(args: tuple[Path, list[str], Path | None]) -> dict[str, frozenset[str]]:
    """Per PDF converter, the footnotes and remarks its PDF does not carry: the printer cut them at the
    paper's edge (chromium clips a line wider than the paper). Found from the PDF's own text
    (pypdfium2), not from any reading of it: a text is unprinted when its pieces are not in the PDF."""
    import re

    import pypdfium2

    path, convs, cache = args
    data = path.read_bytes()
    ref = section16.parse(data)
    html = render_html(data, ref.document_type, ref.schema_version)
    texts = {f"footnote.{f.id}": f.text for f in ref.footnotes} | ({"remarks": ref.remarks} if ref.remarks else {})
    out: dict[str, frozenset[str]] = {}
    for name in convs:
        pdf_name = name if CONVERTERS[name][0] == "pdf" else _PDF_OF.get(name)
        if pdf_name is None:
            continue
        try:
            doc = pypdfium2.PdfDocument(cached(pdf_name, html, cache))
        except Exception:  # the converter failed: reported by one()
            continue
        printed = re.sub(r"\s+", "", "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc))))
        cut = set()
        for key, text in texts.items():
            t = re.sub(r"\s+", "", text)
            if sum(t[i : i + _PIECE] not in printed for i in range(0, len(t), _PIECE)) > _PIECES_MISSED:
                cut.add(key)
        out[name] = frozenset(cut)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="only the first N filings")
    ap.add_argument("--sample", type=int, default=60, help="filings for the slow converters (0: all)")
    ap.add_argument(
        "--converters",
        default=",".join(c for c in CONVERTERS if c not in HELD_OUT),
        help=f"comma-separated; also the held-out ones the issue does not name: {','.join(sorted(HELD_OUT))}",
    )
    ap.add_argument(
        "--offset", type=int, default=0, help="sample every n-th filing from this one (another slice: held out)"
    )
    ap.add_argument("--worst", type=int, default=15)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument(
        "--cache",
        type=Path,
        default=None,
        help="keep converter output here (keyed by the page's hash) and reuse it on later runs",
    )
    a = ap.parse_args()
    files = corpus_files()[: a.limit or None]
    convs = [c for c in a.converters.split(",") if c in CONVERTERS and available(c)]
    skipped = [c for c in a.converters.split(",") if c not in convs]
    if skipped:
        print(f"skipped (not installed or unknown): {', '.join(skipped)}")
    step = max(1, len(files) // a.sample) if a.sample else 1
    picked = [i % step == a.offset % step for i in range(len(files))]
    work = [(p, [c for c in convs if c not in SLOW or picked[i]], a.cache) for i, p in enumerate(files)]

    # Baseline: reading the XML itself, same files, same process.
    xml_ms = []
    for p in files:
        data = p.read_bytes()
        t0 = time.process_time()
        section16.parse(data)
        xml_ms.append((time.process_time() - t0) * 1000)

    per_fmt: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_conv: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_field: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    ms: dict[str, list[float]] = defaultdict(list)
    conv_ms: dict[str, list[float]] = defaultdict(list)
    misses: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], str] = {}
    errors: dict[str, list[str]] = defaultdict(list)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    per_printed: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # hits, fields, fields left out
    with ProcessPoolExecutor(a.jobs) as pool:
        cut_of = pool.map(unprinted, work, chunksize=4)
        for path, results, cuts in zip(files, pool.map(one, work, chunksize=4), cut_of, strict=True):
            for name, fmt, t, fields, declared, err in results:
                if not (err and not err.startswith("ParseError")):
                    cut = cuts.get(name, frozenset())
                    for fpath, exp, got in fields:
                        hit = err is None and exp == got
                        if fpath in cut and (hit or err or fpath in declared):
                            per_printed[name][2] += 1  # not on the printed page, and not read wrong
                            continue
                        per_printed[name][0] += int(hit)
                        per_printed[name][1] += 1
                if err:
                    errors[name].append(f"{path.name}: {err}")
                    if not err.startswith("ParseError"):
                        continue  # the converter failed: nothing to read
                    kinds[name]["refused"] += len(fields)  # every field the page shows is a miss
                if not err or "CRASH" not in err:
                    ms[fmt].append(t)
                    conv_ms[name].append(t)
                for fpath, exp, got in fields:
                    hit = err is None and exp == got
                    for tally in (per_fmt[fmt], per_conv[name], per_field[(fmt, _generic(fpath))]):
                        tally[0] += int(hit)
                        tally[1] += 1
                    if err:
                        continue
                    if not hit:
                        kinds[name]["declared" if fpath in declared else "wrong"] += 1
                        key = (name, _generic(fpath))
                        misses[key] += 1
                        examples.setdefault(key, f"{path.name} {fpath}: expected {exp!r}, got {got!r}")

    print(f"\n{len(files)} filings; XML reading median {statistics.median(xml_ms):.2f} ms (baseline)")
    print("\naccuracy per format (every field the page shows; a page refused misses them all):")
    for fmt, (ok, n) in sorted(per_fmt.items()):
        med = statistics.median(ms[fmt]) if ms[fmt] else float("nan")
        ratio = med / statistics.median(xml_ms)
        print(f"  {fmt:10s} {100 * ok / max(n, 1):7.3f}%  ({ok}/{n})  median {med:.2f} ms/filing "
              f"({ratio:.1f}x XML)")  # fmt: skip
    print("\naccuracy per converter (misses: a wrong value or one left out unsaid / a field the reading says"
          " it could not read / fields of pages refused):")  # fmt: skip
    for name, (ok, n) in sorted(per_conv.items()):
        med = statistics.median(conv_ms[name]) if conv_ms[name] else float("nan")
        k = kinds[name]
        print(f"  {name:18s} {100 * ok / max(n, 1):7.3f}%  ({ok}/{n})  median {med:.2f} ms/filing  "
              f"misses: wrong {k['wrong']}, said missing {k['declared']}, refused {k['refused']} "
              f"({len(errors[name])} pages)")  # fmt: skip
        hits, total, left = per_printed[name]
        if left:
            print(f"  {'':18s} {100 * hits / max(total, 1):7.3f}%  of the fields the printed PDF carries "
                  f"({left} footnote/remark fields the printer cut at the paper's edge left out)")  # fmt: skip
    print("\nweakest fields:")
    weakest = sorted(per_field.items(), key=lambda kv: kv[1][0] / max(kv[1][1], 1))[:20]
    for (fmt, fld), (ok, n) in weakest:
        if ok < n:
            print(f"  {fmt:9s} {fld:60s} {100 * ok / n:7.2f}% ({n - ok} misses)")
    print("\nworst misses:")
    for key, count in misses.most_common(a.worst):
        print(f"  {count:5d}  {key[0]:16s} {examples[key]}"[:300])
    for name, errs in errors.items():
        print(f"\n{name}: {len(errs)} filings not read, e.g.")
        for e in errs[:5]:
            print(f"  {e}"[:300])


if __name__ == "__main__":
    main()
