"""How fast are the writers? Median time per filing for each, against the time to parse the same filing
(the baseline, measured in the same run).

    python bench/write.py                  # ../shared/corpus/xml when present, else tests/fixtures
    python bench/write.py --repeat 7 --limit 300

Each filing is timed ``--repeat`` times and its fastest run kept (noise only ever adds time); the
median over filings is printed, with its ratio to the parse baseline. Stages:

* parse        bytes -> Filing (section16.parse_bytes): the baseline
* xml          Filing -> current-schema XML (to_xml, mode="current")
* xml_own      Filing -> XML in the filing's own schema version (mode="own")
* xsd          v5.5 XSD validation of the current-schema XML (schema_errors)
* html         Filing -> the SEC-style page (to_html)
* markdown     Filing -> Markdown (to_markdown)
* yaml         the docs/examples filer YAML -> Filing (load_filing), over the five examples
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from section16.filer import filing_from_text
from section16.read import parse_bytes
from section16.write.html import to_html
from section16.write.markdown import to_markdown
from section16.write.xml import schema_errors, to_xml

ROOT = Path(__file__).resolve().parents[1]


def _files(limit: int | None) -> list[Path]:
    corpus = (ROOT / ".." / "shared" / "corpus" / "xml").resolve()
    if corpus.is_dir():
        files = sorted(corpus.glob("*.xml"))
    else:
        files = sorted((ROOT / "tests" / "fixtures" / "xml").glob("*.xml"))
        files += sorted((ROOT / "tests" / "fixtures" / "write").glob("*.xml"))
    return files[:limit] if limit else files


def _best(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    files = _files(args.limit)
    times: dict[str, list[float]] = {k: [] for k in ("parse", "xml", "xml_own", "xsd", "html", "markdown")}
    schema_errors(to_xml(parse_bytes(files[0].read_bytes())))  # load the XSDs once, outside the timing
    for p in files:
        data = p.read_bytes()
        f = parse_bytes(data, str(p))
        xml = to_xml(f)
        times["parse"].append(_best(lambda: parse_bytes(data, str(p)), args.repeat))  # noqa: B023
        times["xml"].append(_best(lambda: to_xml(f), args.repeat))  # noqa: B023
        times["xml_own"].append(_best(lambda: to_xml(f, mode="own"), args.repeat))  # noqa: B023
        times["xsd"].append(_best(lambda: schema_errors(xml), args.repeat))  # noqa: B023
        times["html"].append(_best(lambda: to_html(f), args.repeat))  # noqa: B023
        times["markdown"].append(_best(lambda: to_markdown(f), args.repeat))  # noqa: B023
    yaml_times = []
    for y in sorted((ROOT / "docs" / "examples").glob("*.yaml")):
        text = y.read_text()
        yaml_times.append(_best(lambda: filing_from_text(text), args.repeat))  # noqa: B023
    base = statistics.median(times["parse"])
    print(f"{len(files)} filings, best of {args.repeat} runs each; median per filing")
    print(f"{'stage':<10} {'median ms':>10} {'x parse':>8}")
    for k, v in times.items():
        m = statistics.median(v)
        print(f"{k:<10} {m * 1000:>10.3f} {m / base:>8.2f}")
    m = statistics.median(yaml_times)
    print(f"{'yaml':<10} {m * 1000:>10.3f} {m / base:>8.2f}   ({len(yaml_times)} docs/examples files)")


if __name__ == "__main__":
    main()
