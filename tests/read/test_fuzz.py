"""No input makes the readers fail with anything but the documented ParseError (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import section16
from section16.errors import ParseError
from section16.model import Filing
from section16.read.submission import parse_submission
from section16.read.xml import parse_ownership_xml
from tests.conftest import FIXTURE_TXT, FIXTURE_XML

SEEDS = [
    (FIXTURE_XML / "0000320193-20-000011.xml").read_bytes(),
    (FIXTURE_XML / "0001209191-20-043551.xml").read_bytes(),  # ten owners
    (FIXTURE_XML / "xml_deriv_and_nonderiv_b4b66eac.xml").read_bytes(),  # injected <script>
    (FIXTURE_XML / "0001127602-20-009851.xml").read_bytes(),  # noSecuritiesOwned
]
SUBMISSION = (FIXTURE_TXT / "0001179110-20-004036.txt").read_bytes()

FUZZ = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Fragments that steer mutations towards the parts a reader must get right.
PIECES = [
    b"<",
    b">",
    b"&",
    b"&amp;",
    b"&#0;",
    b"&#x110000;",
    b"<!DOCTYPE x>",
    b"<![CDATA[",
    b"]]>",
    b"<value>",
    b"</value>",
    b'<footnoteId id="F1"/>',
    b"<footnoteId/>",
    b"<value>1e999999</value>",
    b"<value>NaN</value>",
    b"<value>-Infinity</value>",
    b"<value>9999-99-99</value>",
    b"<value>2020-02-30</value>",
    b"<transactionCoding>",
    b"<reportingOwner>",
    b"<ownershipDocument>",
    b"</ownershipDocument>",
    b"<documentType>4</documentType>",
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b'<?xml version="1.0" encoding="UTF-16"?>',
    b'<?xml version="1.0" encoding="bogus"?>',
    b"<XML>",
    b"</XML>",
    b"<DOCUMENT>",
    b"<TYPE>4",
    b"<SEC-HEADER>",
    b"</SEC-HEADER>",
    b"ACCEPTANCE-DATETIME>99999999999999",
    b"FILED AS OF DATE:\t20201399\n",
    b"<edgarSubmission>",
    b"<documentMimeBlock>",
]


def _only_parse_errors(data: bytes) -> None:
    try:
        f = section16.parse_bytes(data, "fuzz")
    except ParseError as e:
        assert e.source == "fuzz"
        str(e)  # the message itself must render
    else:
        assert isinstance(f, Filing)


@FUZZ
@given(st.binary(max_size=2000))
def test_any_bytes(data: bytes) -> None:
    _only_parse_errors(data)


@FUZZ
@given(
    st.sampled_from([b"<?xml version='1.0'?>", b"<ownershipDocument>", b"<SEC-HEADER>", b""]), st.binary(max_size=800)
)
def test_any_bytes_after_a_plausible_start(start: bytes, rest: bytes) -> None:
    _only_parse_errors(start + rest)


@st.composite
def mutated(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(data)))
        j = draw(st.integers(i, min(len(data), i + 200)))
        op = draw(st.sampled_from(["delete", "insert", "piece", "duplicate", "replace"]))
        if op == "delete":
            del data[i:j]
        elif op == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=20))
        elif op == "piece":
            data[i:i] = draw(st.sampled_from(PIECES))
        elif op == "duplicate":
            data[i:i] = data[i:j]
        else:
            data[i:j] = draw(st.sampled_from(PIECES))
    return bytes(data)


@FUZZ
@given(mutated(SEEDS))
def test_mutated_real_filings(data: bytes) -> None:
    _only_parse_errors(data)
    try:
        parse_ownership_xml(data, "fuzz")
    except ParseError:
        pass


@FUZZ
@given(mutated([SUBMISSION]))
def test_mutated_real_submission(data: bytes) -> None:
    _only_parse_errors(data)
    try:
        parse_submission(data, "fuzz")
    except ParseError:
        pass


def test_values_that_are_not_their_type_become_notes_not_crashes() -> None:
    data = (FIXTURE_XML / "0000320193-20-000011.xml").read_bytes()
    for bad in (b"NaN", b"1e999999", b"-Infinity", b"1_000", b"2020-02-30", b"abc"):
        mutated_data = data.replace(b"<value>32889</value>", b"<value>" + bad + b"</value>", 1)
        f = section16.parse_bytes(mutated_data, "odd.xml")
        assert f.non_derivative_transactions[0].shares.value is None
        assert any(n.text == bad.decode() for n in f.notes)
