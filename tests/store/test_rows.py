"""Filing -> rows: the extras JSON holds what plain() gives, whichever encoder writes it."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from section16 import parse
from section16.model import Filing, Note
from section16.store.rows import extras_json, plain


def _extras(f: Filing) -> dict[str, Any]:
    e: dict[str, Any] = {"submission": f.submission, "unknown": f.unknown, "notes": f.notes, "missing": f.missing}
    return {k: v for k, v in e.items() if v}


def test_extras_json_is_plain_as_json(fixture_filings: list[Filing]) -> None:
    headers = [f for f in fixture_filings if f.submission is not None]
    assert len(headers) >= 8
    for f in fixture_filings:
        e = _extras(f)
        assert json.loads(extras_json(e)) == json.loads(json.dumps(plain(e))), f.accession_number


def test_text_orjson_refuses_goes_through_json(fixture_filings: list[Filing]) -> None:
    f = next(f for f in fixture_filings if f.submission is not None)
    odd = dataclasses.replace(f, notes=(Note("where", "a lone surrogate \udc80 in the text"),))
    e = _extras(odd)
    got = extras_json(e)
    assert got == json.dumps(plain(e))
    assert json.loads(got)["notes"][0]["message"] == "a lone surrogate \udc80 in the text"


def test_extras_json_over_the_corpus(corpus: Path) -> None:
    for p in sorted((corpus / "txt").glob("*.txt")) + sorted((corpus / "xml").glob("*.xml")):
        e = _extras(parse(p))
        assert json.loads(extras_json(e)) == json.loads(json.dumps(plain(e))), p.name
