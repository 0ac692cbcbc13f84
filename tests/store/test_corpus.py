"""Over the whole corpus (when ../shared is present): every filing stored once and read back equal."""

from __future__ import annotations

from pathlib import Path

from section16 import parse
from section16.model import Filing
from section16.store import open_store
from section16.store.ingest import load_paths


def test_corpus_round_trip_through_duckdb(corpus: Path, tmp_path: Path) -> None:
    paths = sorted((corpus / "txt").glob("*.txt")) + sorted((corpus / "xml").glob("*.xml"))
    with open_store(tmp_path / "corpus.duckdb") as store:
        result = load_paths(store, [corpus / "txt", corpus / "xml"], workers=2)
        # The only failures are files that carry no accession number, each reported with its name.
        named = [p for p in paths if p.name[:10].isdigit()]
        assert {f for f, _ in result.failed} == {str(p) for p in paths if p not in named}
        assert all("no accession number" in why for _, why in result.failed)
        parsed: dict[str | None, Filing] = {}
        for p in named:
            f = parse(p)
            parsed.setdefault(f.accession_number, f)  # .txt first: the richer source is the one stored
        assert store.accessions() == set(parsed)
        assert result.inserted == len(parsed) and result.skipped == len(named) - len(parsed)
        for stored in store.iter_filings():
            assert stored == parsed[stored.accession_number], stored.accession_number
