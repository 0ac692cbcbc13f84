"""The fast readers give exactly what the general reader gives, or hand the work over.

Three readings of the same document are compared:

* the compiled reader (``section16.read._xml_c``: the whole document, else row by row), the default
  where it was built;
* the pure-Python fast path (``xml_fast.read_row`` for each schema-shaped row), used where the
  extension is not built or ``SECTION16_PURE_PYTHON`` is set;
* the general reader alone (every fast path switched off).

They must agree on every committed fixture, on the whole corpus when present, and on mutated real
filings (hypothesis), notes and kept-aside elements included.
"""

from __future__ import annotations

import os
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
from section16.read import xml_fast
from section16.read.xml_fast import GiveUp
from tests.conftest import FIXTURE_XML, fixture_txt_files, fixture_xml_files


def _always_give_up(*_args: object, **_kwargs: object) -> dict[str, object]:
    raise GiveUp


@contextmanager
def pure_python() -> Iterator[None]:
    with (
        mock.patch.object(xml_reader, "_read_document", None),
        mock.patch.object(xml_reader, "_read_row", xml_fast.read_row),
        mock.patch.object(xml_reader, "build", xml_fast.build),
    ):
        yield


@contextmanager
def general_reader_only() -> Iterator[None]:
    with pure_python(), mock.patch.object(xml_reader, "_read_row", _always_give_up):
        yield


def _one(data: bytes) -> Filing | str:
    try:
        return section16.parse_bytes(data, "x.xml")
    except ParseError as e:
        return f"ParseError: {e}"


def _all(data: bytes) -> tuple[Filing | str, Filing | str, Filing | str]:
    compiled = _one(data)
    with pure_python():
        python = _one(data)
    with general_reader_only():
        general = _one(data)
    return compiled, python, general


def _same(*readings: Filing | str) -> None:
    first = readings[0]
    for other in readings[1:]:
        assert other == first
        if isinstance(first, Filing) and isinstance(other, Filing):
            assert other.unknown == first.unknown and other.notes == first.notes


@pytest.mark.parametrize("path", fixture_xml_files() + fixture_txt_files(), ids=lambda p: p.name)
def test_fast_and_general_agree_on_fixtures(path: Path) -> None:
    _same(*_all(path.read_bytes()))


def test_fast_and_general_agree_on_the_corpus(corpus: Path) -> None:
    files = sorted((corpus / "xml").glob("*.xml")) + sorted((corpus / "txt").glob("*.txt"))
    for p in files:
        compiled, python, general = _all(p.read_bytes())
        assert compiled == general, p.name
        assert python == general, p.name


def _spy(name: str, calls: list[object]) -> object:
    real = getattr(xml_reader, name)

    def spy(*args: object, **kwargs: object) -> object:
        out = real(*args, **kwargs)
        calls.append(out)
        return out

    return mock.patch.object(xml_reader, name, spy)


def test_the_python_fast_path_is_taken_for_plain_rows() -> None:
    calls: list[object] = []
    with pure_python(), _spy("_read_row", calls):
        f = section16.parse(FIXTURE_XML / "0000320193-20-000011.xml")
    assert len(calls) == len(f.rows) == 2


def test_the_compiled_reader_is_built_and_takes_plain_documents() -> None:
    """CI builds the extension (a C compiler is there); elsewhere its absence is only a slower path."""
    if not xml_reader.COMPILED:
        required = os.environ.get("SECTION16_REQUIRE_COMPILED") or os.environ.get("CI", "").lower() == "true"
        if required and not os.environ.get("SECTION16_PURE_PYTHON"):
            pytest.fail("section16.read._xml_c was not built: reinstall with a C compiler (pip install -e .)")
        pytest.skip("section16.read._xml_c is not built here; the pure-Python reader is in use")
    calls: list[object] = []
    with _spy("_read_document", calls):
        f = section16.parse(FIXTURE_XML / "0000320193-20-000011.xml")
    assert calls == [f]
    assert len(f.rows) == 2


def test_the_compiled_reader_hands_over_what_it_does_not_read() -> None:
    """An unknown element: the compiled reader gives up and the Python reader keeps it aside."""
    if not xml_reader.COMPILED:
        pytest.skip("section16.read._xml_c is not built here")
    data = (FIXTURE_XML / "0000320193-20-000011.xml").read_bytes()
    data = data.replace(b"<issuerName>", b"<surprise>1</surprise><issuerName>", 1)
    with pytest.raises(GiveUp):
        root = xml_reader._load(data, "x.xml")
        xml_reader._read_document(root, xml_reader._Ctx(True), None)
    f = section16.parse_bytes(data, "x.xml")
    assert [u.where for u in f.unknown] == ["issuer.surprise"]


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
    # whole-document parts the compiled reader walks
    (b"<issuerName>", b"<issuerName>A &amp; B <![CDATA[<Co>]]> "),
    (b"<rptOwnerName>", b"<rptOwnerName><![CDATA[x]]>"),
    (b"<rptOwnerCity>", b"<rptOwnerCity><value>Here</value>"),
    (b"<isDirector>", b"<isDirector>maybe"),
    (b"<isOfficer>", b"<isOfficer> TRUE "),
    (b"<officerTitle>", b"<officerTitle><b>Chief</b>"),
    (b"</reportingOwnerId>", b"<rptOwnerExtra/></reportingOwnerId>"),
    (b"</reportingOwnerAddress>", b"<rptOwnerGoodAddress>1</rptOwnerGoodAddress></reportingOwnerAddress>"),
    (b"</issuer>", b"<issuerTradingSymbol>ZZ</issuerTradingSymbol></issuer>"),
    (b'<footnote id="F1">', b'<footnote id=" F1 &amp; ">'),
    (b'<footnote id="F1">', b'<footnote id="F1"><i>see</i> '),
    (b'<footnote id="F1">', b"<footnote>"),
    (b"<remarks>", b"<remarks>Remark <![CDATA[one]]> "),
    (b"<signatureDate>", b"<signatureDate>12/31/2020"),
    (b"</ownerSignature>", b"<signatureNote/></ownerSignature>"),
    (b"<periodOfReport>", b"<periodOfReport>2020-13-45"),
    (b"<documentType>", b"<documentType><value>4</value>"),
    (b"<notSubjectToSection16>", b"<notSubjectToSection16>true"),
    (b"<issuer>", b'<issuer xmlns="urn:other">'),
    (b"<value>", b'<value xmlns="urn:other">'),
    (b'id="F1"', b'x:id="F1" xmlns:x="urn:x"'),
    (b"</ownershipDocument>", b"<extra>1</extra></ownershipDocument>"),
    (b"<issuer>", b""),
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
    _same(*_all(data))


@pytest.mark.parametrize("path", fixture_txt_files()[::7], ids=lambda p: p.name)
def test_with_submission_is_dataclasses_replace(path: Path) -> None:
    from dataclasses import replace

    f = section16.parse(path)
    bare = replace(f, submission=None)
    assert f.submission is not None
    joined = xml_reader.with_submission(bare, f.submission)
    assert joined == f and type(joined) is Filing
    assert joined.submission is f.submission and bare.submission is None  # the original is left alone
    if xml_reader.COMPILED:
        with pytest.raises(TypeError):
            xml_reader._replace_slot(bare, xml_reader._FILING_SPEC, "no_such_field", 1)


def test_compiled_build_never_writes_one_class_by_another_s_slots() -> None:
    if not xml_reader.COMPILED:
        pytest.skip("section16.read._xml_c is not built here")
    from section16.model import Signature
    from section16.read import _xml_c

    with pytest.raises(KeyError):
        _xml_c.build(Signature, xml_reader._FILING_SPEC, {})
    sig = _xml_c.build(Signature, xml_reader._SIGNATURE_SPEC, {"name": "A"})
    assert sig == Signature("A") == xml_fast.build(Signature, xml_reader._SIGNATURE_SPEC, {"name": "A"})
