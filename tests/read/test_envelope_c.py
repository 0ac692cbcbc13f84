"""The compiled header loop (``section16.read._envelope_c``) reads every header as the Python loop does.

Compared block by block (role, fields, addresses, former names, the open sub-block) and key by key on
the fixture headers, the corpus's when it is there, their line-ending and white-space variants, and
headers generated from the spellings EDGAR uses and the characters that split or strip a line.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import section16
from section16.read import submission
from tests.conftest import corpus_dir, fixture_txt_files

compiled = pytest.mark.skipif(not submission.COMPILED, reason="section16.read._envelope_c is not built here")


def _header(data: bytes) -> str:
    hs = data.find(b"<SEC-HEADER>")
    he = data.find(b"</SEC-HEADER>", hs)
    start = data.rfind(b"<SEC-DOCUMENT>", 0, hs)
    return data[start if start >= 0 else hs : he].decode("latin-1")


def _reading(result: tuple[dict[str, str], list[Any]]) -> tuple[dict[str, str], list[tuple[Any, ...]]]:
    top, blocks = result
    return top, [(b.role, b.fields, b.addresses, b.former, b.sub) for b in blocks]


def _same(header: str) -> None:
    python = _reading(submission._key_value_lines(header))
    compiled = _reading(submission._key_value_lines_compiled(header))
    assert compiled == python


def _headers() -> list[str]:
    files = fixture_txt_files()
    corpus = corpus_dir()
    if corpus is not None:
        files += sorted((corpus / "txt").glob("*.txt"))
    return [_header(f.read_bytes()) for f in files]


def test_the_compiled_loop_is_in_use_where_it_is_required() -> None:
    if os.environ.get("SECTION16_PURE_PYTHON"):
        assert not submission.COMPILED and submission._read_key_value_lines is submission._key_value_lines
    elif os.environ.get("SECTION16_REQUIRE_COMPILED"):
        assert submission.COMPILED, "section16.read._envelope_c was not built: reinstall with a C compiler"
        assert submission._read_key_value_lines is submission._key_value_lines_compiled


@compiled
def test_every_header_reads_alike() -> None:
    headers = _headers()
    assert len(headers) >= 20
    for h in headers:
        top, blocks = submission._key_value_lines_compiled(h)
        assert top["accession"] and blocks  # a real reading, not two empty ones
        _same(h)


@compiled
@pytest.mark.parametrize(
    ("old", "new"),
    [("\n", "\r\n"), ("\n", "\r"), ("\n", "\x0c\n"), ("\n", "\x85"), ("\n", "\x1c"), ("\t", "    "),
     ("\t", " \xa0\t"), ("\t", "\x1f"), (":", " : "), ("\n", " \xa0\n")],
)  # fmt: skip
def test_header_variants_read_alike(old: str, new: str) -> None:
    for h in _headers()[::3]:
        _same(h.replace(old, new))


@compiled
def test_a_submission_is_the_same_filing_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    for path in fixture_txt_files()[:10]:
        data = path.read_bytes()
        compiled = section16.parse_bytes(data, path.name)
        monkeypatch.setattr(submission, "_read_key_value_lines", submission._key_value_lines)
        python = section16.parse_bytes(data, path.name)
        monkeypatch.undo()
        assert compiled == python
        assert compiled.submission is not None and compiled.submission.filers


_KEYS = [*submission._TOP_KEYS, *submission._BLOCKS, *submission._SUB_BLOCKS, *submission._FILER_KEYS,
         *submission._ADDRESS_KEYS, "FORMER CONFORMED NAME", "DATE OF NAME CHANGE", "not a key", "x-y"]  # fmt: skip
_SPACE = st.sampled_from([" ", "\t", "\xa0", "\x1f", "  ", "\t\t", " \t", ""])
_BREAK = st.sampled_from(["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\n\n"])
_TEXT = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=255), max_size=12)
_LINE = st.one_of(
    st.tuples(_SPACE, st.sampled_from(_KEYS), st.sampled_from([":", ": ", ":\t", ""]), _TEXT, _SPACE).map("".join),
    st.tuples(_SPACE, st.sampled_from(["<ACCEPTANCE-DATETIME>", "<SEC-HEADER>", "</X>"]), _TEXT).map("".join),
    _TEXT,
)


@compiled
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_LINE, _BREAK), max_size=30))
def test_generated_headers_read_alike(lines: list[tuple[str, str]]) -> None:
    _same("ACCESSION NUMBER: 1\n" + "".join(line + brk for line, brk in lines))


@compiled
def test_characters_beyond_latin1_fall_back_to_python() -> None:
    h = "ACCESSION NUMBER: 1\nREPORTING-OWNER:\n\tOWNER DATA:\n\t\tCOMPANY CONFORMED NAME:\tZo\u00eb \u0141\n"
    top, blocks = submission._key_value_lines_compiled(h)
    assert top == {"accession": "1"} and blocks[0].fields == {"name": "Zo\u00eb \u0141"}
    _same(h)
