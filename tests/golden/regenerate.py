"""Rewrite the golden JSON files from the current reader: ``python tests/golden/regenerate.py [NAME...]``.

Never commit the output unchecked: compare each changed file with its source XML by hand (see the
notes in tests/read/test_golden.py), then commit. ``--show NAME`` prints the filing's non-empty fields
next to the XML, which is how the committed goldens were checked.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.read.test_golden import GOLDEN, GOLDEN_DIR, golden_source  # noqa: E402

import section16  # noqa: E402
from section16.write.json import filing_to_json  # noqa: E402


def _flat(x: object, path: str = "") -> list[str]:
    if isinstance(x, dict):
        if set(x) == {"value", "footnotes"}:
            if x["value"] is None and not x["footnotes"]:
                return []
            fns = f"  fn={','.join(x['footnotes'])}" if x["footnotes"] else ""
            return [f"{path} = {x['value']!r}{fns}"]
        return [line for k, v in x.items() for line in _flat(v, f"{path}.{k}" if path else k)]
    if isinstance(x, list):
        return [line for i, v in enumerate(x) for line in _flat(v, f"{path}[{i}]")]
    if x is None or x == []:
        return []
    return [f"{path} = {x!r}"]


def main(argv: list[str]) -> None:
    if argv[:1] == ["--show"]:
        for name in argv[1:]:
            rel = golden_source(name)
            print((ROOT / rel).read_text(encoding="utf-8", errors="replace"))
            filing = section16.parse_bytes((ROOT / rel).read_bytes(), rel)
            print("\n".join(_flat(json.loads(filing_to_json(filing)))))
        return
    for name in argv or list(GOLDEN):
        rel = golden_source(name)
        filing = section16.parse_bytes((ROOT / rel).read_bytes(), rel)
        (GOLDEN_DIR / f"{name}.json").write_text(filing_to_json(filing) + "\n", encoding="utf-8")
        print("wrote", name)


if __name__ == "__main__":
    main(sys.argv[1:])
