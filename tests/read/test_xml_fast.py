"""The fast row reader gives exactly what the general reader gives, or hands the row over.

``section16.read.xml_fast.read_row`` reads schema-shaped rows in one flat pass and gives up on
anything else; the general reader then reads the row. Here both readings are compared: the whole
filing read normally against the same filing read with the fast path switched off, on every
committed fixture, on the whole corpus when present, and on mutated real filings (hypothesis).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import section16
import section16.read.xml as xml_reader
from section16.errors import ParseError
from section16.model import Filing
from section16.read.xml_fast import GiveUp
from tests.conftest import FIXTURE_XML, fixture_txt_files, fixture_xml_files


def _always_give_up(*_args: object, **_kwargs: object) -> dict[str, object]:
    raise GiveUp


@contextmanager
def general_reader_only() -> Iterator[None]:
    with mock.patch.object(xml_reader, "read_row", _always_give_up):
        yield


def _both(data: bytes) -> tuple[Filing | str, Filing | str]:
    def one() -> Filing | str:
        try:
            return section16.parse_bytes(data, "x.xml")
        except ParseError as e:
            return f"ParseError: {e}"

    fast = one()
    with general_reader_only():
        general = one()
    return fast, general


def _same(fast: Filing | str, general: Filing | str) -> None:
    assert fast == general
    if isinstance(fast, Filing) and isinstance(general, Filing):
        assert fast.unknown == general.unknown and fast.notes == general.notes


@pytest.mark.parametrize("path", fixture_xml_files() + fixture_txt_files(), ids=lambda p: p.name)
def test_fast_and_general_agree_on_fixtures(path: Path) -> None:
    _same(*_both(path.read_bytes()))


def test_fast_and_general_agree_on_the_corpus(corpus: Path) -> None:
    files = sorted((corpus / "xml").glob("*.xml"))
    for p in files:
        fast, general = _both(p.read_bytes())
        assert fast == general, p.name


def test_the_fast_path_is_taken_for_plain_rows() -> None:
    calls = []
    real = xml_reader.read_row

    def spy(*args: object, **kwargs: object) -> object:
        out = real(*args, **kwargs)  # type: ignore[arg-type]
        calls.append(out)
        return out

    with mock.patch.object(xml_reader, "read_row", spy):
        f = section16.parse(FIXTURE_XML / "0000320193-20-000011.xml")
    assert len(calls) == len(f.rows) == 2


SEEDS = [p.read_bytes() for p in fixture_xml_files()[::12]]
MUTATIONS = [
    (b"</value>", b"</value><value>9</value>"),
    (b"</value>", b"</value><footnoteId/>"),
    (b"</value>", b'</value><footnoteId id=" F9 "/>'),
    (b"<value>", b"<value><b>x</b>"),
    (b"</transactionShares>", b"</transactionShares><transactionShares><value>1</value></transactionShares>"),
    (b"</transactionShares>", b"</transactionShares><foo/>"),
    (b"<transactionAmounts>", b"<transactionAmounts><postTransactionAmounts>"),
    (b"</transactionAmounts>", b"</postTransactionAmounts></transactionAmounts>"),
    (b"<transactionCode>", b"<transactionCode><value>"),
    (b"</transactionCode>", b"</value></transactionCode>"),
    (b"<value>", b"<value> "),
    (b"<value>2", b"<value>x2"),
    (b"<securityTitle>", b"<securityTitle>Bare title"),
    (b"<value>Common Stock</value>", b""),
    (b"<equitySwapInvolved>0", b"<equitySwapInvolved>maybe"),
    (b"<transactionCoding>", b"<transactionCoding><footnoteId id='F1'/>"),
    (b"<exerciseDate>", b"<exerciseDate>2020-01-01"),
    (b"<ownershipNature>", b"<ownershipNature><value>Direct</value>"),
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SEEDS), st.lists(st.tuples(st.sampled_from(MUTATIONS), st.integers(0, 40)), max_size=4))
def test_fast_and_general_agree_on_mutated_filings(seed: bytes, edits: list[tuple[tuple[bytes, bytes], int]]) -> None:
    data = seed
    for (old, new), nth in edits:
        pos = -1
        for _ in range(nth % max(1, data.count(old)) + 1):
            pos = data.find(old, pos + 1)
        if pos >= 0:
            data = data[:pos] + new + data[pos + len(old) :]
    _same(*_both(data))
