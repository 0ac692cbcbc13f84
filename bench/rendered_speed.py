"""How fast are rendered filings read? Median CPU milliseconds per filing for each converter's page,
against the XML reader on the same filings' own XML (the baseline, measured in the same run).

    python bench/rendered_speed.py --cache /tmp/pages                     # every 3rd corpus filing
    python bench/rendered_speed.py --cache /tmp/pages --step 1 --converters pdftotext-layout,pandoc-plain
    python bench/rendered_speed.py --cache /tmp/pages --profile pandoc-plain   # where its time goes
    python bench/rendered_speed.py --cache /tmp/pages --warm              # memos kept from pass to pass

Each corpus XML (../shared/corpus/xml, else the committed fixtures) is rendered with the SEC
stylesheets and converted by each converter (``bench/render_pages.py``; ``--cache DIR`` keeps and
reuses the converters' output, so a run after the accuracy harness converts nothing). Then the pages
are read in ``--repeat`` passes, each page once a pass, and each page's fastest CPU time is kept
(``time.process_time``: other work on a shared machine is not counted, and the fastest of a few sheds
the scheduler's noise). A page is never read twice in a row: the readers keep what they worked out of
a page's lines (bounded memos), and a pass over a few hundred other pages pushes most of those out
before the page comes round again; not all: the laid-out table reader keeps its rows' cuts for 4096
rows, more than a pass over every 3rd filing holds, so from the second pass on a text page's rows
would not be searched again. So the memos are emptied before each pass: each time is a first
reading's, as the accuracy harness's single reading is (every page the pass read before it left
what recurs from filing to filing, nothing of its own). ``--warm`` keeps them from pass to pass (the
figures before the seventh session were taken so: 0.2 to 1 ms lower for laid-out text).
The median over the filings is printed per converter, with the 90th percentile and the ratio to the
XML reader's median. Issue 3's target: under 2 ms median per rendered filing. A page the reader refuses is timed
too (a refusal is a reading). The machine's load average is printed before and after: on a loaded
machine CPU times rise too (shared caches), so compare figures of one run, not across runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from render_pages import CONVERTERS, available, cached, render_html

from section16.errors import ParseError
from section16.read import parse_bytes

ROOT = Path(__file__).resolve().parents[1]
#: The converters issue 3 names that give text or Markdown (a PDF's reading is priced apart: the PDF
#: library alone takes longer than 2 ms), and two held-out text converters.
DEFAULT = "html,markdownify,html2text,pandoc-gfm,pandoc-plain,pdftotext-layout,browser-text,w3m-dump"


def corpus_files() -> list[Path]:
    shared = ROOT.parent / "shared" / "corpus" / "xml"
    folder = shared if shared.is_dir() else ROOT / "tests" / "fixtures" / "xml"
    return sorted(folder.glob("*.xml"))


def cpu_ms(data: bytes) -> float:
    """One reading of ``data``, in CPU milliseconds."""
    t0 = time.process_time()
    try:
        parse_bytes(data, "page")
    except ParseError:
        pass  # a page refused is timed like one read
    return (time.process_time() - t0) * 1000


def empty_memos() -> None:
    """Every memo of the readers emptied: the functools caches of ``section16.read``'s modules and the
    laid-out table reader's own (its rows' cuts by their words). A pass that starts so reads each
    page as the accuracy harness's single reading does: with only what the earlier pages of the
    pass left (a title, a heading line, a cell's text recur from filing to filing), nothing of its
    own earlier readings."""
    from section16.read.rendered import layout

    for name, module in list(sys.modules.items()):
        if name.startswith("section16.read") and module is not None:
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
    for memo in (layout._TRIED, layout._ASSIGNED, layout._CUTS, layout._TYPED):
        memo.clear()


def fastest(pages: list[bytes], repeat: int, fresh: bool = False) -> list[float]:
    """Each page's fastest reading over ``repeat`` passes, each pass reading every page once in turn
    (``fresh``: each pass starting with the readers' memos emptied)."""
    best = [float("inf")] * len(pages)
    for _ in range(repeat):
        if fresh:
            empty_memos()
        for k, page in enumerate(pages):
            best[k] = min(best[k], cpu_ms(page))
    return best


def pages(files: list[Path], convs: list[str], cache: Path | None) -> tuple[list[bytes], dict[str, list[bytes]]]:
    """Each filing's XML, and each converter's page of it (a converter that fails on a page, or is
    not installed and has no cached page, leaves that page out)."""
    xmls: list[bytes] = []
    out: dict[str, list[bytes]] = {c: [] for c in convs}
    for path in files:
        xml = path.read_bytes()
        ref = parse_bytes(xml, path.name)
        xmls.append(xml)
        html = render_html(xml, ref.document_type, ref.schema_version)
        for conv in convs:
            try:
                page = cached(conv, html, cache)
            except Exception:  # a converter's failure is its own, not the reader's
                continue
            out[conv].append(page if isinstance(page, bytes) else page.encode())
    return xmls, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--converters", default=DEFAULT, help="comma-separated names from bench/render_pages.py")
    ap.add_argument("--cache", type=Path, default=None, help="the converters' output, kept and reused")
    ap.add_argument("--step", type=int, default=3, help="every Nth corpus filing (1: all)")
    ap.add_argument("--repeat", type=int, default=3, help="passes over the pages; each page's fastest is kept")
    ap.add_argument("--profile", metavar="CONVERTER", help="print where this converter's reading time goes")
    ap.add_argument(
        "--warm", action="store_true", help="keep the readers' memos from pass to pass (not first readings)"
    )
    a = ap.parse_args()
    convs = [c for c in a.converters.split(",") if c]
    unknown = [c for c in convs if c not in CONVERTERS]
    if unknown:
        ap.error(f"unknown converters: {', '.join(unknown)}")
    files = corpus_files()[:: max(1, a.step)]
    # A converter that cannot run here is still measured on the pages the cache holds.
    convs = [c for c in convs if available(c) or (a.cache is not None and (a.cache / c).is_dir())]
    xmls, by_conv = pages(files, convs, a.cache)
    if a.profile:
        import cProfile
        import pstats

        for page in by_conv.get(a.profile, [])[:1]:
            cpu_ms(page)  # (the readers' modules are imported by the first reading: not profiled)
        prof = cProfile.Profile()
        prof.enable()
        for page in by_conv.get(a.profile, []):
            cpu_ms(page)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(30)
        return
    fresh = not a.warm
    how = ", memos emptied before each (first readings)" if fresh else ", memos kept (--warm)"
    print(f"{len(files)} filings (every {a.step}), fastest of {a.repeat} passes{how}; load {os.getloadavg()[0]:.1f}")
    base = statistics.median(fastest(xmls, a.repeat, fresh))
    print(f"  {'XML (baseline)':18s} median {base:6.2f} ms")
    for conv in convs:
        ms = sorted(fastest(by_conv[conv], a.repeat, fresh))
        if not ms:
            print(f"  {conv:18s} no pages")
            continue
        med = statistics.median(ms)
        p90 = ms[min(len(ms) - 1, int(0.9 * len(ms)))]
        ratio = med / base
        print(f"  {conv:18s} median {med:6.2f} ms  p90 {p90:6.2f}  ({len(ms)} pages)  {ratio:5.1f}x the XML reader")
    print(f"load {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
