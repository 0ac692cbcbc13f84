"""Quick look at the converters issue 3 does not name, on every Nth corpus filing.

    python bench/heldout_converters.py 30                         # every held-out converter
    python bench/heldout_converters.py 30 pandoc-markdown,inscriptis

Prints accuracy (fields equal to the XML's reading; a refused page counts every field as missed),
refusals and the median read time per converter, then a few misses. The full harness is
``bench/rendered_accuracy.py --converters ...``; this is its fast, sampled cousin.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from render_pages import CONVERTERS, HELD_OUT, available, render_html
from rendered_accuracy import corpus_files, shown

from section16.errors import ParseError
from section16.read import parse_bytes
from section16.read.rendered.compare import compare


def main() -> None:
    step = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    names = sys.argv[2].split(",") if len(sys.argv) > 2 else sorted(HELD_OUT)
    names = [n for n in names if n in CONVERTERS and available(n)]
    ok: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    refused: dict[str, int] = defaultdict(int)
    ms: dict[str, list[float]] = defaultdict(list)
    misses: dict[str, list[str]] = defaultdict(list)
    for f in corpus_files()[::step]:
        data = f.read_bytes()
        ref = shown(parse_bytes(data, f.name))
        html = render_html(data, ref.document_type, ref.schema_version)
        for name in names:
            page = CONVERTERS[name][1](html)
            t0 = time.process_time()
            try:
                got = parse_bytes(page.encode() if isinstance(page, str) else page, f"{f.name}.{name}")
            except ParseError as e:
                got = None
                refused[name] += 1
                misses[name].append(f"{f.name}: refused: {e}"[:200])
            ms[name].append((time.process_time() - t0) * 1000)
            fields = compare(ref, got) if got is not None else [(p, a, None) for p, a, _ in compare(ref, ref)]
            total[name] += len(fields)
            ok[name] += sum(1 for _, a, b in fields if a == b)
            if got is not None:
                misses[name].extend(f"{f.name}: {p}: {a!r} -> {b!r}"[:200] for p, a, b in fields if a != b)
    for name in names:
        acc = 100 * ok[name] / max(total[name], 1)
        med = statistics.median(ms[name]) if ms[name] else 0.0
        print(f"{name:24s} fields {total[name]:5d} accuracy {acc:7.3f}% refused {refused[name]:3d} median {med:.1f} ms")
        for m in misses[name][:4]:
            print("      ", m)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
