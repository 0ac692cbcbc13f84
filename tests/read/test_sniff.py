"""Format detection decides from the content: real files of each kind, and prose that names their tags."""

from __future__ import annotations

import random

import pytest

from section16.read.sniff import _MD_RE, _md_marks, sniff
from tests.conftest import FIXTURE_TXT, FIXTURE_XML, FIXTURES


def test_every_xml_fixture_sniffs_as_xml() -> None:
    assert {sniff(p.read_bytes()) for p in FIXTURE_XML.glob("*.xml")} == {"xml"}


def test_every_submission_fixture_sniffs_as_a_submission() -> None:
    assert {sniff(p.read_bytes()) for p in FIXTURE_TXT.glob("*.txt")} == {"submission"}


@pytest.mark.parametrize(
    "text",
    [
        b"# Corpus\n\nFull submissions (`<SEC-DOCUMENT>`, `<SEC-HEADER>`, the XML inside `<XML>`).\n",
        b"Notes: a header looks like <SEC-HEADER>0000019446-06-000081.hdr.sgml inside the file.\n",
    ],
)
def test_prose_naming_the_envelope_tags_is_not_a_submission(text: bytes) -> None:
    assert sniff(text) != "submission"


def test_feed_file_and_pem_wrapped_submission() -> None:
    assert sniff(b"<SUBMISSION>\n<ACCESSION-NUMBER>0001127602-25-004598\n") == "submission"
    assert sniff(b"-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nProc-Type: 2001,MIC-CLEAR\n") == "submission"
    assert sniff(b"\n<SEC-DOCUMENT>0000019446-06-000081.txt : 20061019\n<SEC-HEADER>x\n") == "submission"


def test_markdown_opening_with_the_html_it_keeps() -> None:
    # pandoc's commonmark starts with a <div> it kept, yet is Markdown: "3\." escapes, no <html>.
    md = b'<div style="width: 150">\n\nFORM 4\n\n</div>\n\n<table>\n<tr><td>x</td></tr>\n</table>\n\n3\\. Date\n'
    assert sniff(md) == "markdown"
    assert sniff(b"<html><body>" + md) == "html"  # a page that says it is HTML is HTML
    assert sniff(md.replace(b"3\\.", b"3.")) == "html"  # no Markdown escape: a fragment of HTML


def test_gfm_opening_with_the_html_it_keeps() -> None:
    # pandoc's gfm keeps a <div> and nested tables as HTML: between them, bold paragraphs and pipe rows.
    md = b'<div style="width: 150">\n\nFORM 3\n\n</div>\n\n**UNITED STATES SECURITIES**\n\n'
    md += b"<table>\n<tr><td>x</td></tr>\n</table>\n"
    assert sniff(md) == "markdown"
    assert sniff(b"<html><body>" + md) == "html"
    rows = b"<div>\n\nFORM 3\n\n</div>\n\n| Reminder | |\n|---|---|\n<table>\n<tr><td>x</td></tr>\n</table>\n"
    assert sniff(rows) == "markdown"
    # HTML whose text merely holds a pipe or two asterisks mid-line stays HTML.
    assert sniff(b"<div><table><tr><td>a | b</td><td>**x**</td></tr></table></div>\n") == "html"


def test_a_pipe_tables_delimiter_row_is_one_line() -> None:
    # Each run of blanks and dashes is taken whole (a hostile head of long runs took seconds before):
    # the delimiter row must stand on one line, as Markdown has it.
    assert sniff(b"| a | b |\n|---|---|\n| 1 | 2 |\n") == "markdown"
    assert sniff(b"a\n---\t\t| \n\n---:\n") == "text"
    assert sniff(b" " * 6000 + b"(1)\n" + b"-" * 3000 + b"\n" + b"1. Name and Address\n") == "text"


def _heads() -> list[bytes]:
    """Every committed page's head as sniff takes it, and made ones where the pattern's branches
    meet their edges (blank lines before a pipe row, a bar alone, blanks after the last bar...)."""
    pages = (FIXTURES / "rendered" / "pages").glob("*.*")
    heads = [p.read_bytes()[:8192].lstrip(b"\xef\xbb\xbf \t\r\n") for p in pages if p.suffix != ".pdf"]
    made = [
        b"a\n  \n\t| x |  \nb", b"a | b |", b"|", b"| |", b"x\n|\n|", b"|a|b", b"  |a|\r\nb", b"|a| x\n",
        b"\x0b|a|\x0c", b"# h", b"x\n## h", b"####### h", b"#h", b"x #h", b"**a**", b"** a\n**", b"***",
        b"<br>", b"<br />", b"<BR>", b"<br x>", b"](#a)", b"]( #", b"a|\n|b", b"|a|\n", b"\n|a|\n\n",
    ]  # fmt: skip
    rng = random.Random(3)
    alphabet = b" \t\r\n|#*<br/>](x\x0b"
    made += [bytes(rng.choice(alphabet) for _ in range(rng.randrange(1, 40))) for _ in range(20000)]
    return heads + made


def test_markdown_marks_are_the_patterns_matches() -> None:
    """The branch-by-branch search finds a match exactly where the whole pattern does."""
    heads = _heads()
    assert len(heads) > 20000
    for head in heads:
        assert _md_marks(head) == (_MD_RE.search(head) is not None), head
