"""How fast is ``section16.check``? Median time per filing, with and without the XSD, against the time to
parse the same filing (the baseline, measured in the same run).

    python bench/check.py                  # ../shared/corpus when present, else tests/fixtures
    python bench/check.py --repeat 7 --limit 300

Each filing is timed ``--repeat`` times and its fastest run kept (noise only ever adds time); the
median over filings is printed. Stages:

* parse        bytes -> Filing (section16.parse_bytes): the baseline
* rules        every business rule on a parsed Filing (check(filing, xsd=False))
* xsd          XSD validation alone, on the ownershipDocument bytes
* no_xsd       from bytes without the XSD: parse + rules (check_xml(data, xsd=False))
* check_xml    the whole thing from bytes: parse + XSD + rules
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from section16.check import check, check_xml, ownership_xml
from section16.check.schema import validate_xml
from section16.read import parse_bytes

ROOT = Path(__file__).resolve().parents[1]


def _files(limit: int | None) -> list[Path]:
    corpus = (ROOT / ".." / "shared" / "corpus").resolve()
    if corpus.is_dir():
        files = sorted((corpus / "xml").glob("*.xml")) + sorted((corpus / "txt").glob("*.txt"))
    else:
        fx = ROOT / "tests" / "fixtures"
        files = sorted((fx / "xml").glob("*.xml")) + sorted((fx / "txt").glob("*.txt"))
    return files[:limit] if limit else files


def _best(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)

    times: dict[str, list[float]] = {"parse": [], "rules": [], "xsd": [], "no_xsd": [], "check_xml": []}
    n = 0
    for path in _files(args.limit):
        data = path.read_bytes()
        try:
            filing = parse_bytes(data, str(path))
        except Exception:  # a file the reader refuses has nothing to time
            continue
        xml = ownership_xml(data, filing)
        if xml is None:
            continue
        n += 1
        # Warm caches (compiled schemas, holiday years) before timing.
        check_xml(data, source=str(path))
        times["parse"].append(_best(partial(parse_bytes, data, str(path)), args.repeat))
        times["rules"].append(_best(partial(check, filing, xsd=False), args.repeat))
        times["xsd"].append(_best(partial(validate_xml, xml), args.repeat))
        times["no_xsd"].append(_best(partial(check_xml, data, source=str(path), xsd=False), args.repeat))
        times["check_xml"].append(_best(partial(check_xml, data, source=str(path)), args.repeat))

    med = {k: statistics.median(v) * 1000 for k, v in times.items()}
    base = med["parse"]
    print(f"{n} filings, best of {args.repeat} runs each; median ms per filing")
    print(f"{'stage':<12}{'ms':>9}{'x parse':>10}")
    for k in ("parse", "rules", "xsd", "no_xsd", "check_xml"):
        print(f"{k:<12}{med[k]:>9.3f}{med[k] / base:>10.2f}")
    print(f"XSD cost: {med['xsd']:.3f} ms per filing = {med['xsd'] / med['rules']:.1f}x the business rules")
    ok = med["rules"] < 1.0
    print(f"rules under 1 ms median: {'yes' if ok else 'NO'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
